import { ConflictError, InvalidInputError, NotFoundError, UpstreamUnavailableError } from '../../../lib/errors';

export const HUB_STORE_SYSTEM = 'hub-store';

/** Runs a store operation; a database failure becomes UpstreamUnavailableError, our own errors pass. */
export async function storeCall<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InvalidInputError || error instanceof ConflictError || error instanceof NotFoundError || error instanceof UpstreamUnavailableError) throw error;
    throw new UpstreamUnavailableError(HUB_STORE_SYSTEM, `the hub store failed to ${operation}`, { cause: error });
  }
}

/**
 * Checks a key's length before it reaches the database: MySQL's INSERT IGNORE would silently
 * truncate an over-long key, and two keys sharing a prefix would then collide.
 */
export function requireKey(value: string, field: string, maxLength: number): string {
  if (typeof value !== 'string' || value.length === 0) throw new InvalidInputError(`${field} must be a non-empty string`, field);
  if (value.length > maxLength) throw new InvalidInputError(`${field} is longer than ${maxLength} characters`, field);
  return value;
}

/** Epoch milliseconds from a bigint column (mysql2 may hand large values over as strings). */
export function toDate(ms: number | string | bigint): Date {
  return new Date(Number(ms));
}
