// What a subgraph learns about a request from its transport, the same way whatever the transport:
// HTTP headers (queries, SSE), or a WebSocket's subscribe message, connection-init payload and
// upgrade headers (graphql-ws).
import type { IncomingHttpHeaders } from 'node:http';
import { GATEWAY_CLAIMS_HEADER } from './gateway-claims';

export interface RequestMeta {
  /** The caller's request id (x-request-id), null when it sent none. */
  requestId: string | null;
  /** The caller's credentials (the authorization header, e.g. `Bearer ...`), null when it sent none. */
  authorization: string | null;
  /** The gateway-signed claims (x-touchpoint-claims), unverified; null or absent when none came. */
  claims?: string | null;
}

/** Request ids longer than this are ignored (a new one is made), so that logs stay readable. */
export const MAX_REQUEST_ID_LENGTH = 200;

function cleanRequestId(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed && trimmed.length <= MAX_REQUEST_ID_LENGTH ? trimmed : null;
}

export function requestMetaFromHeaders(headers: Pick<Headers, 'get'>): RequestMeta {
  return { requestId: cleanRequestId(headers.get('x-request-id')), authorization: headers.get('authorization') || null, claims: headers.get(GATEWAY_CLAIMS_HEADER) || null };
}

/** Reads a string entry of a JSON object whatever the case of its key (`Authorization` or `authorization`). */
function stringEntry(source: unknown, name: string): string | null {
  if (typeof source !== 'object' || source === null) return null;
  for (const [key, value] of Object.entries(source)) {
    if (key.toLowerCase() === name && typeof value === 'string' && value !== '') return value;
  }
  return null;
}

/** An entry of the object itself, or of its `headers` object (clients put headers either way). */
function paramEntry(source: unknown, name: string): string | null {
  return stringEntry(source, name) ?? stringEntry((source as { headers?: unknown } | null)?.headers, name);
}

function headerEntry(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) || null;
}

/**
 * A graphql-ws operation's meta. Most specific first: the subscribe message's extensions (one id per
 * operation when a gateway multiplexes a connection), then the connection-init payload (what a browser
 * can send), then the upgrade request's headers (what a server-side client sends).
 */
export function requestMetaFromWebSocket(
  connectionParams: Readonly<Record<string, unknown>> | undefined,
  upgradeHeaders: IncomingHttpHeaders,
  extensions: Readonly<Record<string, unknown>> | null | undefined,
): RequestMeta {
  const requestId =
    cleanRequestId(stringEntry(extensions, 'requestid') ?? stringEntry(extensions, 'x-request-id')) ??
    cleanRequestId(paramEntry(connectionParams, 'x-request-id')) ??
    cleanRequestId(headerEntry(upgradeHeaders, 'x-request-id'));
  const authorization = paramEntry(connectionParams, 'authorization') ?? headerEntry(upgradeHeaders, 'authorization');
  // Per operation first: a gateway multiplexing one connection sends each caller's claims with its subscribe message.
  const claims = paramEntry(extensions, GATEWAY_CLAIMS_HEADER) ?? paramEntry(connectionParams, GATEWAY_CLAIMS_HEADER) ?? headerEntry(upgradeHeaders, GATEWAY_CLAIMS_HEADER);
  return { requestId, authorization, claims };
}
