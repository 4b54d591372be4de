import type { Plugin } from 'graphql-yoga';
import { refusalResponse } from '../auth/refusal-response';

/** A contract's own server (a yoga instance with its schema and plugins). */
export interface ContractEndpoint {
  name: string;
  path: string;
  handleRequest(request: Request, serverContext: Record<string, unknown>): Response | Promise<Response>;
}

export const PARTNER_PATH_PREFIX = '/partners/';

export function contractPath(name: string): string {
  return `${PARTNER_PATH_PREFIX}${name}/graphql`;
}

/**
 * Hands every request under /partners/ to the contract endpoint it names, on the gateway's one
 * port. An unknown contract is a plain 404: which contracts exist is nobody else's business.
 */
export function useContractEndpoints(endpoints: ReadonlyArray<ContractEndpoint>): Plugin {
  const byPath = new Map(endpoints.map((endpoint) => [endpoint.path, endpoint]));
  return {
    onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      if (!url.pathname.startsWith(PARTNER_PATH_PREFIX)) return;
      const endpoint = byPath.get(url.pathname);
      if (!endpoint) {
        endResponse(refusalResponse(fetchAPI, 404, 'NOT_FOUND', 'Not found'));
        return;
      }
      return Promise.resolve(endpoint.handleRequest(request, serverContext as Record<string, unknown>)).then((response) => endResponse(response));
    },
  };
}
