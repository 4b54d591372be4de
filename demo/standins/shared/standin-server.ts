// Serves a stand-in's router over node:http, with an optional API key check, the test controls
// (faults, delays, request log) and a health endpoint that the controls leave alone.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../../lib/logger';
import { silentLogger } from '../../../lib/logger';
import { listen } from '../../../subgraphs/shared/listen';
import type { RunningService } from '../../../subgraphs/shared/running-service';
import { FaultControls, type FaultScope, type RecordedRequest } from './fault-controls';
import type { Router, StandInResponse } from './router';

/** A running stand-in: a RunningService plus the controls tests use. */
export interface StandInHandle extends RunningService {
  port: number;
  /** The next `count` requests (only those under `scope.path` when set) answer with `status` (503 by default). */
  failNext(count: number, status?: number, scope?: FaultScope): void;
  /** The next `count` requests (only those under `scope.path` when set) wait `ms` before they are answered. */
  delayNext(count: number, ms: number, scope?: FaultScope): void;
  /** Requests received since start (or the last reset), health checks excepted. */
  readonly requestCount: number;
  readonly requests: readonly RecordedRequest[];
  /** Forgets planned faults and recorded requests. */
  resetControls(): void;
}

export interface StandInServerOptions {
  name: string;
  port: number;
  host?: string;
  router: Router;
  /** True when the request carries valid credentials (always true when no key is configured). */
  authorize: (headers: IncomingMessage['headers']) => boolean;
  /** The error body in the legacy system's own style. */
  errorBody: (status: number, code: string, message: string) => unknown;
  log?: Logger;
}

const MAX_BODY_BYTES = 4 * 1024 * 1024;

export async function startStandInServer(options: StandInServerOptions): Promise<StandInHandle> {
  const { router, errorBody } = options;
  const log = options.log ?? silentLogger;
  const controls = new FaultControls();
  const timers = new Set<NodeJS.Timeout>();

  const send = (res: ServerResponse, response: StandInResponse) => {
    if (res.destroyed || res.writableEnded) return; // the client gave up (a timeout): nothing to answer
    const text = JSON.stringify(response.body);
    res.writeHead(response.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const method = req.method ?? 'GET';
    if (url.pathname === '/healthz') return send(res, { status: 200, body: { status: 'ok' } });

    const requestId = typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'] : null;
    const plan = controls.admit({ method, path: url.pathname, requestId });
    const rawBody = await readBody(req);
    if (plan.delayMs > 0) await sleep(plan.delayMs, timers);
    if (plan.failStatus !== null) {
      return send(res, { status: plan.failStatus, body: errorBody(plan.failStatus, 'INJECTED_FAULT', 'fault injected by the test controls') });
    }
    if (rawBody === null) return send(res, { status: 413, body: errorBody(413, 'PAYLOAD_TOO_LARGE', 'request body too large') });
    if (!options.authorize(req.headers)) return send(res, { status: 401, body: errorBody(401, 'UNAUTHORIZED', 'missing or invalid API key') });

    const match = router.match(method, url.pathname);
    if (match === null) return send(res, { status: 404, body: errorBody(404, 'NO_SUCH_RESOURCE', `no resource at ${url.pathname}`) });
    if (match === 'method-not-allowed') return send(res, { status: 405, body: errorBody(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed here`) });

    let body: unknown = undefined;
    if (rawBody.length > 0) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        return send(res, { status: 400, body: errorBody(400, 'MALFORMED_JSON', 'the request body is not JSON') });
      }
    }
    const response = match.handler({ method, path: url.pathname, params: match.params, query: url.searchParams, body, headers: req.headers });
    log.debug({ method, path: url.pathname, status: response.status, requestId }, 'stand-in request');
    send(res, response);
  };

  const listening = await listen(
    (req, res) => {
      handle(req, res).catch((err: unknown) => {
        log.error({ err }, 'stand-in failed');
        send(res, { status: 500, body: errorBody(500, 'INTERNAL', 'internal error') });
      });
    },
    options.port,
    options.host,
  );

  return {
    name: options.name,
    url: listening.url,
    endpoint: listening.url,
    port: listening.port,
    failNext: (count, status, scope) => controls.failNext(count, status, scope),
    delayNext: (count, ms, scope) => controls.delayNext(count, ms, scope),
    get requestCount() {
      return controls.requestCount;
    },
    get requests() {
      return controls.requests;
    },
    resetControls: () => controls.reset(),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await listening.close();
    },
  };
}

/** The request body as text, or null when it exceeds the limit. */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sleep(ms: number, timers: Set<NodeJS.Timeout>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      resolve();
    }, ms);
    timers.add(timer);
  });
}

/** Compares a presented API key with the configured one; no key configured means open access. */
export function keyMatches(expected: string | undefined, presented: string | string[] | undefined): boolean {
  if (!expected) return true;
  return typeof presented === 'string' && presented === expected;
}
