// The webhook's body, as networks (or the feeders in front of them) send it: one mention or a list.
import { InvalidInputError } from '../../../lib/errors';
import { isSocialNetwork, normalizeHandle } from '../../../adapters/social/handles';
import type { IncomingMention } from '../../../adapters/social/social-port';

export const MAX_MENTIONS_PER_DELIVERY = 500;

function field(index: number, name: string): string {
  return `mentions[${index}].${name}`;
}

function optionalString(value: unknown, name: string, maxLength: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length > maxLength) throw new InvalidInputError(`${name} must be a string of at most ${maxLength} characters`, name);
  return value;
}

function requiredString(value: unknown, name: string, maxLength: number): string {
  const s = optionalString(value, name, maxLength);
  if (s === null || s.trim() === '') throw new InvalidInputError(`${name} is required`, name);
  return s;
}

function parseOne(raw: unknown, i: number): IncomingMention {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InvalidInputError(`mentions[${i}] must be an object`, `mentions[${i}]`);
  const m = raw as Record<string, unknown>;
  if (!isSocialNetwork(m.network)) throw new InvalidInputError(`${field(i, 'network')} must be one of X, INSTAGRAM, FACEBOOK`, field(i, 'network'));
  const authorHandle = requiredString(m.authorHandle, field(i, 'authorHandle'), 255);
  if (!normalizeHandle(authorHandle) || /\s/.test(normalizeHandle(authorHandle))) throw new InvalidInputError(`${field(i, 'authorHandle')} is not a handle`, field(i, 'authorHandle'));
  const postedAtText = requiredString(m.postedAt, field(i, 'postedAt'), 40);
  const postedAt = new Date(postedAtText);
  if (Number.isNaN(postedAt.getTime())) throw new InvalidInputError(`${field(i, 'postedAt')} must be an ISO 8601 date`, field(i, 'postedAt'));
  const followers = m.authorFollowers;
  if (followers !== undefined && followers !== null && !(Number.isInteger(followers) && (followers as number) >= 0 && (followers as number) <= 2_000_000_000)) {
    throw new InvalidInputError(`${field(i, 'authorFollowers')} must be a whole number from 0`, field(i, 'authorFollowers'));
  }
  return {
    externalId: requiredString(m.externalId, field(i, 'externalId'), 255),
    network: m.network,
    authorHandle,
    authorDisplayName: optionalString(m.authorDisplayName, field(i, 'authorDisplayName'), 255),
    authorFollowers: (followers as number | null | undefined) ?? null,
    text: requiredString(m.text, field(i, 'text'), 10_000),
    postedAt,
    url: optionalString(m.url, field(i, 'url'), 2048),
  };
}

/** Parses and validates the whole delivery before anything is stored; throws InvalidInputError. */
export function parseMentionPayload(body: string): IncomingMention[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new InvalidInputError('the body is not valid JSON', undefined, { cause: error });
  }
  const list = Array.isArray(json) ? json : [json];
  if (list.length === 0) throw new InvalidInputError('the body holds no mention');
  if (list.length > MAX_MENTIONS_PER_DELIVERY) throw new InvalidInputError(`at most ${MAX_MENTIONS_PER_DELIVERY} mentions per delivery`);
  return list.map(parseOne);
}
