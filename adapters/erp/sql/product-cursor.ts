// Catalogue cursors are opaque to clients: a versioned, base64url-encoded position in SKU order.
import { InvalidInputError } from '../../../lib/errors';

const PREFIX = 'itm1:';

export function encodeProductCursor(sku: string): string {
  return Buffer.from(PREFIX + sku, 'utf8').toString('base64url');
}

/** The SKU after which the next page starts; InvalidInputError for anything not issued by encode. */
export function decodeProductCursor(cursor: string): string {
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!text.startsWith(PREFIX) || text.length === PREFIX.length) {
    throw new InvalidInputError('after is not a cursor of this product list', 'after');
  }
  return text.slice(PREFIX.length);
}
