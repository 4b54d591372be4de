import { Agent, request, type Dispatcher } from 'undici';
import { UpstreamUnavailableError } from '../../lib/errors';

export interface HttpClientOptions {
  /** The legacy system's name, used in errors and logs. */
  system: string;
  baseUrl: string;
  /** Time allowed for one attempt, headers and body together. */
  timeoutMs?: number;
  /** Further attempts after the first, for idempotent requests that failed transiently. */
  retries?: number;
  /** Base delay of the exponential back-off between attempts. */
  retryDelayMs?: number;
  /** Headers sent with every request (an API key, for instance). */
  headers?: Record<string, string>;
  /** Keep-alive connections kept per origin. */
  connections?: number;
  /** Observes each attempt (for counting calls in tests and benchmarks). */
  onAttempt?: (attempt: { method: string; path: string; status: number | null; durationMs: number }) => void;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Safe to send again after a failure. GET is; a POST that only reads (a batch lookup) may say so. */
  idempotent?: boolean;
  /** Forwarded as x-request-id so that the legacy system's logs can be correlated. */
  requestId?: string;
}

export class HttpStatusError extends UpstreamUnavailableError {
  constructor(system: string, readonly status: number, readonly responseBody: string) {
    super(system, `${system} answered HTTP ${status}`);
  }
}

const RETRYABLE_STATUS = new Set([408, 429, 502, 503, 504]);

/**
 * A JSON HTTP client for legacy REST systems: keep-alive pool, a timeout per attempt, retries with
 * exponential back-off and jitter for idempotent requests, and typed errors.
 */
export class HttpClient {
  private readonly dispatcher: Dispatcher;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryDelayMs: number;

  constructor(private readonly options: HttpClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 2000;
    this.retries = options.retries ?? 2;
    this.retryDelayMs = options.retryDelayMs ?? 50;
    this.dispatcher = new Agent({ connections: options.connections ?? 32, keepAliveTimeout: 30_000 });
  }

  async json<T>(req: HttpRequest): Promise<T> {
    const idempotent = req.idempotent ?? req.method === 'GET';
    const attempts = idempotent ? this.retries + 1 : 1;
    let lastError: unknown;
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      if (attempt > 0) await delay(this.retryDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
      try {
        return await this.once<T>(req);
      } catch (err) {
        lastError = err;
        if (!isRetryable(err)) break;
      }
    }
    if (lastError instanceof UpstreamUnavailableError) throw lastError;
    throw new UpstreamUnavailableError(this.options.system, `${this.options.system} could not be reached`, { cause: lastError });
  }

  private async once<T>(req: HttpRequest): Promise<T> {
    const url = new URL(req.path, this.options.baseUrl);
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers };
    if (req.requestId) headers['x-request-id'] = req.requestId;
    let body: string | undefined;
    if (req.body !== undefined) {
      body = JSON.stringify(req.body);
      headers['content-type'] = 'application/json';
    }
    const started = performance.now();
    let status: number | null = null;
    try {
      const res = await request(url, {
        method: req.method,
        headers,
        body,
        dispatcher: this.dispatcher,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = res.statusCode;
      const text = await res.body.text();
      if (res.statusCode >= 400) throw new HttpStatusError(this.options.system, res.statusCode, text.slice(0, 500));
      return (text ? JSON.parse(text) : null) as T;
    } catch (err) {
      if (err instanceof HttpStatusError) throw err;
      const reason = isTimeout(err) ? `timed out after ${this.timeoutMs} ms` : 'could not be reached';
      throw new UpstreamUnavailableError(this.options.system, `${this.options.system} ${reason}`, { cause: err });
    } finally {
      this.options.onAttempt?.({ method: req.method, path: url.pathname, status, durationMs: performance.now() - started });
    }
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}

function isTimeout(err: unknown): boolean {
  const name = (err as { name?: string })?.name;
  return name === 'TimeoutError' || name === 'AbortError' || (err as { code?: string })?.code === 'UND_ERR_HEADERS_TIMEOUT';
}

function isRetryable(err: unknown): boolean {
  if (err instanceof HttpStatusError) return RETRYABLE_STATUS.has(err.status);
  return err instanceof UpstreamUnavailableError;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
