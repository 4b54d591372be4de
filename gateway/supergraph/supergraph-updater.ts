import type { Logger } from '../../lib/logger';
import type { OperationExecutor } from '../execution/operation-executor';

export type SupergraphUpdate =
  | { status: 'applied' }
  | { status: 'unchanged' }
  | { status: 'refused'; reason: string };

export interface SupergraphUpdaterOptions {
  /** The supergraph served now. */
  initialSdl: string;
  /** A reason to refuse a supergraph before loading it (it changes what cannot change live), or null. */
  check?(sdl: string): string | null;
  /** Loads an executor for the supergraph; throws when it does not load or its API schema cannot be built. */
  build(sdl: string): Promise<OperationExecutor>;
  /** Puts the loaded supergraph in service (atomically). */
  apply(sdl: string, executor: OperationExecutor): void;
  log: Logger;
}

export interface SupergraphUpdater {
  /** Validates and, if it loads, serves the supergraph; a refused one leaves the current one serving. */
  update(sdl: string): Promise<SupergraphUpdate>;
  /** The supergraph served now. */
  current(): string;
}

/** Supergraph updates one at a time, in the order they arrive; each is loaded in full before it serves. */
export function createSupergraphUpdater({ initialSdl, check, build, apply, log }: SupergraphUpdaterOptions): SupergraphUpdater {
  let served = initialSdl;
  let queue: Promise<unknown> = Promise.resolve();

  const attempt = async (sdl: string): Promise<SupergraphUpdate> => {
    if (sdl === served) return { status: 'unchanged' };
    let reason: string | null;
    try {
      reason = check?.(sdl) ?? null;
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
    let executor: OperationExecutor | null = null;
    if (reason === null) {
      try {
        executor = await build(sdl);
        // The API schema clients will be validated against must exist before anything switches.
        if (!executor.schema) throw new Error('the executor built no API schema');
      } catch (error) {
        reason = error instanceof Error ? error.message : String(error);
        await executor?.close().catch(() => undefined);
        executor = null;
      }
    }
    if (!executor) {
      log.error({ reason }, 'supergraph update refused: the current supergraph keeps serving');
      return { status: 'refused', reason: reason ?? 'unknown' };
    }
    apply(sdl, executor);
    served = sdl;
    log.info('supergraph updated: new operations use it, running ones finish on the previous one');
    return { status: 'applied' };
  };

  return {
    update(sdl) {
      const result = queue.then(() => attempt(sdl));
      queue = result.catch(() => undefined);
      return result;
    },
    current: () => served,
  };
}
