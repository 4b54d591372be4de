import { ConflictError, InvalidInputError, NotFoundError, UpstreamUnavailableError } from '../../../lib/errors';

export const SOCIAL_STORE_SYSTEM = 'social-store';

/** Runs a store operation; a database failure becomes UpstreamUnavailableError, our own errors pass. */
export async function storeCall<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InvalidInputError || error instanceof ConflictError || error instanceof NotFoundError || error instanceof UpstreamUnavailableError) throw error;
    throw new UpstreamUnavailableError(SOCIAL_STORE_SYSTEM, `the social store failed to ${operation}`, { cause: error });
  }
}
