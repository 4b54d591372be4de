import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Logger } from '../../lib/logger';

/** Where new supergraphs come from while the gateway runs. */
export interface SupergraphSource {
  close(): void;
}

export type SupergraphListener = (supergraphSdl: string) => unknown;

export interface FileSourceOptions {
  /** Quiet time after the last change before the file is read (editors write in several steps). */
  debounceMs?: number;
  log: Logger;
}

/**
 * Watches a supergraph file and hands its text on after each change. The directory is watched, not
 * the file: tools that replace the file (write a temporary one, rename it over) are seen too.
 */
export function watchSupergraphFile(path: string, onSupergraph: SupergraphListener, { debounceMs = 200, log }: FileSourceOptions): SupergraphSource {
  const name = basename(path);
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const read = async () => {
    try {
      const text = await readFile(path, 'utf8');
      if (!closed) await onSupergraph(text);
    } catch (error) {
      log.warn({ err: error, path }, 'cannot read the supergraph file: the current supergraph keeps serving');
    }
  };
  const watcher: FSWatcher = watch(dirname(path), (_event, changed) => {
    if (changed !== null && changed !== name) return;
    clearTimeout(timer);
    timer = setTimeout(() => void read(), debounceMs);
  });
  watcher.on('error', (error) => log.warn({ err: error, path }, 'watching the supergraph file failed'));
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      watcher.close();
    },
  };
}

export interface UrlSourceOptions {
  intervalMs?: number;
  log: Logger;
  /** Request headers (an authorization for a schema registry). */
  headers?: Record<string, string>;
}

/** Fetches the supergraph at `url` once. */
export async function fetchSupergraph(url: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`the supergraph URL ${url} answered HTTP ${response.status}`);
  return response.text();
}

/**
 * Polls a URL for the supergraph and hands its text on when it changed (ETag when the server gives
 * one, else the text is compared by the listener's side). Polls never overlap.
 */
export function pollSupergraphUrl(url: string, onSupergraph: SupergraphListener, { intervalMs = 10_000, log, headers = {} }: UrlSourceOptions): SupergraphSource {
  let etag: string | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { ...headers, ...(etag ? { 'if-none-match': etag } : {}) }, signal: AbortSignal.timeout(Math.max(intervalMs, 1000)) });
      if (response.status === 304) return;
      if (!response.ok) throw new Error(`answered HTTP ${response.status}`);
      const text = await response.text();
      etag = response.headers.get('etag');
      if (!closed) await onSupergraph(text);
    } catch (error) {
      log.warn({ err: error, url }, 'polling the supergraph URL failed: the current supergraph keeps serving');
    } finally {
      if (!closed) timer = setTimeout(() => void poll(), intervalMs);
    }
  };
  timer = setTimeout(() => void poll(), intervalMs);
  return {
    close() {
      closed = true;
      clearTimeout(timer);
    },
  };
}
