// Values that look like identities but name nobody: placeholder e-mails typed into forms, dummy
// phone numbers, "unknown" handles. Matching on them would merge strangers, so they are never linked.
import type { IdentityNamespace } from '../hub-store-port';

/** Local parts that are never a person's mailbox, whatever the domain. */
const BLOCKED_EMAIL_LOCAL_PARTS = new Set([
  'noreply', 'no-reply', 'no_reply', 'donotreply', 'do-not-reply', 'do_not_reply',
  'none', 'null', 'nil', 'unknown', 'na', 'n.a', 'dummy', 'fake', 'nobody', 'noemail', 'no-email', 'nomail', 'xxx',
]);

/** Whole addresses used as placeholders (the demo world's own addresses at example.com stay valid). */
const BLOCKED_EMAILS = new Set([
  'test@example.com', 'test@example.org', 'test@example.net', 'user@example.com', 'email@example.com',
  'name@example.com', 'someone@example.com', 'test@test.com', 'test@test.de', 'a@a.com', 'a@b.com', 'x@x.com',
]);

/** Domains that cannot receive mail (RFC 2606 reserved names). */
const BLOCKED_EMAIL_DOMAINS = [/\.invalid$/, /^invalid$/, /^localhost$/, /\.localhost$/, /^test$/];

const BLOCKED_HANDLES = new Set(['unknown', 'none', 'null', 'n/a', 'na', 'test', 'anonymous']);
const BLOCKED_SOURCE_IDS = new Set(['0', 'n/a', 'na', 'none', 'null', 'unknown', 'test', 'tbd', '-', '?']);

function blockedPhone(e164: string): string | null {
  const digits = e164.slice(1);
  if (/^(\d)\1+$/.test(digits)) return 'a phone number of one repeated digit';
  // A subscriber number of zeros ("+1 555 0000000", "+1 000 0000000") is a placeholder too.
  if (/0{7,}$/.test(digits)) return 'a phone number of zeros';
  // "1234567" after a country code of up to three digits.
  for (let cc = 0; cc <= 3; cc += 1) {
    const rest = digits.slice(cc);
    if (rest.length >= 7 && ('1234567890123456'.includes(rest) || '98765432109876'.includes(rest))) return 'a sequential phone number';
  }
  return null;
}

/**
 * Why a normalized identity value is a placeholder (a short reason for the caller), or null when it
 * is usable. Takes the value in its canonical form (see identity-normalization.ts).
 */
export function blockedReason(namespace: IdentityNamespace, normalized: string): string | null {
  switch (namespace) {
    case 'EMAIL': {
      const at = normalized.lastIndexOf('@');
      const local = normalized.slice(0, at).replace(/\+.*$/, '');
      const domain = normalized.slice(at + 1);
      if (BLOCKED_EMAILS.has(normalized)) return 'a placeholder e-mail address';
      if (BLOCKED_EMAIL_LOCAL_PARTS.has(local)) return `a no-reply or placeholder mailbox (${local}@)`;
      if (BLOCKED_EMAIL_DOMAINS.some((d) => d.test(domain))) return `a reserved domain that receives no mail (${domain})`;
      return null;
    }
    case 'PHONE':
      return blockedPhone(normalized);
    case 'X':
    case 'INSTAGRAM':
    case 'FACEBOOK':
      return BLOCKED_HANDLES.has(normalized) ? 'a placeholder handle' : null;
    case 'CRM':
    case 'ERP':
      return BLOCKED_SOURCE_IDS.has(normalized.toLowerCase()) || /^0+$/.test(normalized) ? 'a placeholder id' : null;
    default:
      return null;
  }
}
