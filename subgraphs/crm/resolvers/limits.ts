import { InvalidInputError } from '../../../lib/errors';

/** The largest page a client may ask for. */
export const MAX_PAGE_SIZE = 100;

export function requirePageSize(value: number, field: string, min: number): number {
  if (!Number.isInteger(value) || value < min || value > MAX_PAGE_SIZE) {
    throw new InvalidInputError(`${field} must be between ${min} and ${MAX_PAGE_SIZE}`, field);
  }
  return value;
}
