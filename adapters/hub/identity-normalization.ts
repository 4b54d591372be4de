// Identity values arrive spelled in many ways ("Jane@Example.com ", "+1 (555) 010-0001", "@JaneDoe").
// Links are stored and compared in one canonical form per namespace, so any spelling finds the customer.
import { InvalidInputError } from '../../lib/errors';
import type { IdentityNamespace } from './hub-store-port';

export const IDENTITY_NAMESPACES: readonly IdentityNamespace[] = ['CRM', 'ERP', 'EMAIL', 'PHONE', 'X', 'INSTAGRAM', 'FACEBOOK'];

/** The longest canonical value the store keeps (the column is sized for it). */
export const MAX_IDENTITY_LENGTH = 255;

function normalizePhone(value: string): string | null {
  // E.164: a leading + and 7 to 15 digits. "00" is the international prefix dialled in most countries.
  let digits = value.trim().replace(/[\s().\-/]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  const match = /^\+?(\d{7,15})$/.exec(digits);
  return match ? `+${match[1]}` : null;
}

/** The canonical form of an identity value, or null when the value cannot be one of that namespace. */
export function normalizeIdentityValue(namespace: IdentityNamespace, value: string): string | null {
  let normalized: string | null;
  switch (namespace) {
    case 'EMAIL':
      normalized = value.trim().toLowerCase();
      if (!/^[^@\s]+@[^@\s]+$/.test(normalized)) normalized = null;
      break;
    case 'PHONE':
      normalized = normalizePhone(value);
      break;
    case 'X':
    case 'INSTAGRAM':
    case 'FACEBOOK':
      normalized = value.trim().replace(/^@/, '').toLowerCase();
      if (/\s/.test(normalized)) normalized = null;
      break;
    case 'CRM':
    case 'ERP':
      normalized = value.trim();
      break;
    default:
      return null;
  }
  if (!normalized || normalized.length > MAX_IDENTITY_LENGTH) return null;
  return normalized;
}

/** Like normalizeIdentityValue, for writes: an unusable value is the caller's error. */
export function requireNormalizedIdentity(namespace: IdentityNamespace, value: string): string {
  if (!IDENTITY_NAMESPACES.includes(namespace)) throw new InvalidInputError(`unknown identity namespace ${JSON.stringify(namespace)}`, 'namespace');
  const normalized = normalizeIdentityValue(namespace, value);
  if (normalized === null) throw new InvalidInputError(`${JSON.stringify(value)} is not a valid ${namespace} identity`, 'value');
  return normalized;
}
