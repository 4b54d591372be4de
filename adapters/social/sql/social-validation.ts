import { InvalidInputError } from '../../../lib/errors';
import { isSocialNetwork, normalizeHandle } from '../handles';
import type { MentionQuery, SocialNetwork } from '../social-port';

export const MAX_MENTIONS_PER_QUERY = 500;
export const MAX_MENTION_TEXT = 10_000;

export function requireNetwork(network: unknown): SocialNetwork {
  if (!isSocialNetwork(network)) throw new InvalidInputError(`unknown social network ${JSON.stringify(network)}`, 'network');
  return network;
}

export function requireHandle(handle: unknown): string {
  const normalized = typeof handle === 'string' ? normalizeHandle(handle) : '';
  if (!normalized || normalized.length > 255 || /\s/.test(normalized)) throw new InvalidInputError(`${JSON.stringify(handle)} is not a valid handle`, 'handle');
  return normalized;
}

export function requireText(value: unknown, field: string, maxLength: number): string {
  if (typeof value !== 'string' || value.trim().length === 0) throw new InvalidInputError(`${field} must be a non-empty string`, field);
  if (value.length > maxLength) throw new InvalidInputError(`${field} is longer than ${maxLength} characters`, field);
  return value;
}

export function requireDate(value: unknown, field: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new InvalidInputError(`${field} must be a valid date`, field);
  return value;
}

export function requireFollowers(value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0 || value > 2_000_000_000) throw new InvalidInputError('followers must be a whole number from 0', 'followers');
  return value;
}

/** The page size asked for; 0 is allowed and returns nothing. */
export function requirePageSize(query: MentionQuery): number {
  const { first } = query;
  if (!Number.isInteger(first) || first < 0 || first > MAX_MENTIONS_PER_QUERY) {
    throw new InvalidInputError(`first must be a whole number from 0 to ${MAX_MENTIONS_PER_QUERY}`, 'first');
  }
  return first;
}
