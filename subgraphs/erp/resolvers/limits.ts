import { InvalidInputError } from '../../../lib/errors';

/** The largest list a client may ask for in one field. */
export const MAX_PAGE_SIZE = 100;

export function requirePageSize(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw new InvalidInputError(`${field} must be between 0 and ${MAX_PAGE_SIZE}`, field);
  }
  return value;
}
