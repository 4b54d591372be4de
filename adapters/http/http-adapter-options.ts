import { HttpClient, type HttpClientOptions } from './http-client';

/** What every HTTP adapter of a legacy REST system takes: where it is, how patient to be, how to count. */
export interface HttpAdapterOptions {
  baseUrl: string;
  /** The system's API key, sent the way that system expects it. */
  apiKey?: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Further attempts for read-only requests after a transient failure. */
  retries?: number;
  retryDelayMs?: number;
  connections?: number;
  /** Observes every HTTP attempt (tests and benchmarks count calls with it). */
  onAttempt?: HttpClientOptions['onAttempt'];
  /** Keys per batch request; the system's own limit by default (never above it). */
  batchLimit?: number;
}

/** The keep-alive client an adapter talks through, with the system's way of presenting the key. */
export function createAdapterClient(system: string, options: HttpAdapterOptions, keyHeaders: (apiKey: string) => Record<string, string>): HttpClient {
  return new HttpClient({
    system,
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    retryDelayMs: options.retryDelayMs,
    connections: options.connections,
    headers: options.apiKey ? keyHeaders(options.apiKey) : {},
    onAttempt: options.onAttempt,
  });
}

/** The batch size to use: the caller's wish, capped by the system's limit. */
export function batchLimitOf(options: HttpAdapterOptions, systemLimit: number): number {
  return Math.min(options.batchLimit ?? systemLimit, systemLimit);
}
