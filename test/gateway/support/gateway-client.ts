import type { ExecutionResult } from 'graphql';

export interface GraphQLResponse {
  status: number;
  headers: Headers;
  body: ExecutionResult & { errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }> };
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** Posts an operation the way a browser client would (application/json) and reads the JSON answer. */
export async function postGraphQL(
  fetchFn: Fetch,
  url: string,
  body: { query: string; variables?: Record<string, unknown>; operationName?: string },
  headers: Record<string, string> = {},
): Promise<GraphQLResponse> {
  const response = await fetchFn(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: GraphQLResponse['body'];
  try {
    parsed = JSON.parse(text) as GraphQLResponse['body'];
  } catch {
    throw new Error(`not JSON (HTTP ${response.status}): ${text.slice(0, 200)}`);
  }
  return { status: response.status, headers: response.headers, body: parsed };
}
