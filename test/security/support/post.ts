export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] };
}

/** POSTs a GraphQL request body (query, documentId, extensions...) and reads the JSON answer. */
export async function post<T = Record<string, unknown>>(url: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  try {
    return { status: response.status, headers: response.headers, body: JSON.parse(text) as Answer<T>['body'] };
  } catch {
    throw new Error(`not JSON (HTTP ${response.status}): ${text.slice(0, 200)}`);
  }
}

export const codes = (answer: Answer<unknown>) => (answer.body.errors ?? []).map((e) => e.extensions?.code);
