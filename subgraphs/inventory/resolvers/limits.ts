import { InvalidInputError } from '../../../lib/errors';

/** The most items a client may ask for in one list argument. */
export const MAX_PAGE_SIZE = 200;

export function requirePageSize(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw new InvalidInputError(`${field} must be between 0 and ${MAX_PAGE_SIZE}`, field);
  }
  return value;
}

export function requireListSize<T>(values: readonly T[], field: string): readonly T[] {
  if (values.length > MAX_PAGE_SIZE) throw new InvalidInputError(`${field} may hold at most ${MAX_PAGE_SIZE} values`, field);
  return values;
}
