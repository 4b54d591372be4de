import type { GraphQLParams, Plugin } from 'graphql-yoga';

/** The result of looking at a request's parameters: go on (possibly with a document filled in), or answer now. */
export type ParamsOutcome = { params: GraphQLParams } | { refuse: { status: number; code: string; message: string } };

export type ParamsResolver = (params: GraphQLParams & { documentId?: unknown }) => ParamsOutcome;

/**
 * Wraps the endpoint's request parser so that `resolve` sees the parameters before yoga checks
 * them (a persisted operation arrives without `query`), for POST bodies and GET query strings alike.
 */
export function resolveParamsPlugin(graphqlEndpoint: string, resolve: ParamsResolver): Plugin {
  return {
    onRequestParse({ url, requestParser, setRequestParser, fetchAPI }) {
      if (url.pathname !== graphqlEndpoint || !requestParser) return;
      const answer = (status: number, code: string, message: string) =>
        new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
          status,
          headers: { 'content-type': 'application/json; charset=utf-8' },
        });
      const one = (params: GraphQLParams): GraphQLParams | Response => {
        const outcome = resolve(params);
        return 'refuse' in outcome ? answer(outcome.refuse.status, outcome.refuse.code, outcome.refuse.message) : outcome.params;
      };
      setRequestParser(async (request) => {
        const parsed = await requestParser(request);
        if (parsed instanceof fetchAPI.Response || parsed instanceof Response) return parsed;
        if (!Array.isArray(parsed)) return one(parsed);
        const all = parsed.map(one);
        return all.find((p): p is Response => p instanceof fetchAPI.Response || p instanceof Response) ?? (all as GraphQLParams[]);
      });
    },
  };
}
