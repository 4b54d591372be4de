// A WebSocket operation as a fetch Request, so that the gateway's plugins (request id, logging,
// forwarded headers, authentication) read a graphql-ws operation the way they read an HTTP one.
// Its headers: the upgrade request's, then the connection-init payload's (what a browser can send),
// then the operation's own request id (one id per operation on a multiplexed connection).
import type { IncomingMessage } from 'node:http';

/** Headers of the upgrade request that describe the WebSocket itself, not the caller. */
const TRANSPORT_HEADERS = new Set(['connection', 'upgrade', 'host', 'content-length', 'transfer-encoding', 'keep-alive']);

function stringEntries(source: unknown): Array<[string, string]> {
  if (typeof source !== 'object' || source === null || Array.isArray(source)) return [];
  return Object.entries(source).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
}

/** A header name a client may set through the init payload (a token, not `headers` or a nested object). */
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

export function connectionHeaders(
  upgrade: IncomingMessage,
  connectionParams: Readonly<Record<string, unknown>> | undefined,
  extensions: Readonly<Record<string, unknown>> | null | undefined,
): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(upgrade.headers)) {
    const lower = name.toLowerCase();
    if (value === undefined || TRANSPORT_HEADERS.has(lower) || lower.startsWith('sec-websocket-')) continue;
    headers.set(lower, Array.isArray(value) ? value.join(', ') : value);
  }
  // Both shapes clients use: `{ authorization }` and `{ headers: { authorization } }`.
  const fromParams = [...stringEntries(connectionParams), ...stringEntries((connectionParams as { headers?: unknown } | undefined)?.headers)];
  for (const [name, value] of fromParams) {
    if (HEADER_NAME.test(name)) {
      try {
        headers.set(name.toLowerCase(), value);
      } catch {
        // A value a header cannot carry (a line break): ignored, as an HTTP server would refuse it.
      }
    }
  }
  const requestId = stringEntries(extensions).find(([name]) => name === 'requestId' || name.toLowerCase() === 'x-request-id')?.[1];
  if (requestId) headers.set('x-request-id', requestId);
  return headers;
}

/** The Request the plugins see for one operation received on the WebSocket. */
export function connectionRequest(
  upgrade: IncomingMessage,
  connectionParams: Readonly<Record<string, unknown>> | undefined,
  extensions: Readonly<Record<string, unknown>> | null | undefined,
): Request {
  let url: URL;
  try {
    url = new URL(upgrade.url ?? '/', `http://${upgrade.headers.host ?? 'localhost'}`);
  } catch {
    url = new URL(upgrade.url ?? '/', 'http://localhost');
  }
  return new Request(url, { method: 'GET', headers: connectionHeaders(upgrade, connectionParams, extensions) });
}
