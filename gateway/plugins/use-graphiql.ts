import type { Plugin } from 'graphql-yoga';
import { graphiqlAssets } from '../graphiql/graphiql-assets';
import { renderGraphiQLPage } from '../graphiql/graphiql-page';

export interface GraphiQLOptions {
  endpoint?: string;
  assetsPath?: string;
  title?: string;
  defaultQuery?: string;
}

const DEFAULT_QUERY = `# Touchpoint: one graph over every system.
# Write a query, press the run button (or Ctrl-Enter); the docs explorer lists every type.
query {
  __typename
}
`;

// The page may only load what the gateway serves and talk to the gateway.
const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * GraphiQL at GET `endpoint` for browsers (Accept: text/html), built from the installed graphiql
 * and React packages and served from `assetsPath`, so that it works with no internet access.
 */
export function useGraphiQL({ endpoint = '/graphql', assetsPath = '/graphiql/assets', title = 'Touchpoint GraphiQL', defaultQuery = DEFAULT_QUERY }: GraphiQLOptions = {}): Plugin {
  const { assets, scripts, stylesheets } = graphiqlAssets();
  const page = renderGraphiQLPage({ title, endpoint, assetsPath, scripts, stylesheets, defaultQuery });
  const prefix = `${assetsPath}/`;
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname === endpoint) {
        if (!request.headers.get('accept')?.includes('text/html')) return;
        endResponse(
          new fetchAPI.Response(page, {
            headers: {
              'content-type': 'text/html; charset=utf-8',
              'cache-control': 'no-cache',
              'content-security-policy': PAGE_CSP,
              'x-content-type-options': 'nosniff',
            },
          }),
        );
        return;
      }
      if (!url.pathname.startsWith(prefix)) return;
      const asset = assets.get(decodeURIComponent(url.pathname.slice(prefix.length)));
      if (!asset) {
        endResponse(new fetchAPI.Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
        return;
      }
      const gzip = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
      return (gzip ? asset.gzipped() : asset.body()).then((body) => {
        const headers: Record<string, string> = {
          'content-type': asset.contentType,
          'cache-control': asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
          'x-content-type-options': 'nosniff',
          vary: 'accept-encoding',
        };
        if (gzip) headers['content-encoding'] = 'gzip';
        endResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : (body as Uint8Array as BodyInit), { headers }));
      });
    },
  };
}
