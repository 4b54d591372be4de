import { formatCents } from '../../lib/money';

// Formats the legacy SQL systems use for dates and amounts. The adapters' mappers convert through
// these helpers, so that no domain type ever carries a 'YYYYMMDD' string or a DECIMAL.

const YMD = /^(\d{4})(\d{2})(\d{2})$/;
const HMS = /^(\d{2})(\d{2})(\d{2})$/;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** A date as 'YYYYMMDD' in UTC (the legacy systems' clocks run on UTC). */
export function toYmd(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1, 2)}${pad(date.getUTCDate(), 2)}`;
}

/** A time of day as 'HHMMSS' in UTC. */
export function toHms(date: Date): string {
  return `${pad(date.getUTCHours(), 2)}${pad(date.getUTCMinutes(), 2)}${pad(date.getUTCSeconds(), 2)}`;
}

/**
 * The instant of a 'YYYYMMDD' date and optional 'HHMMSS' time, read as UTC. Throws on a malformed
 * value: a legacy row with a broken date is a data error, not something to guess around.
 */
export function fromYmdHms(ymd: string, hms = '000000'): Date {
  const d = YMD.exec(ymd.trim());
  const t = HMS.exec(hms.trim());
  if (!d || !t) throw new Error(`malformed legacy date/time ${JSON.stringify(ymd)} ${JSON.stringify(hms)}`);
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hour, minute, second] = [Number(t[1]), Number(t[2]), Number(t[3])];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 20260231 over into March; a legacy date that does not exist is rejected instead.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    throw new Error(`invalid legacy date/time ${ymd} ${hms}`);
  }
  return date;
}

/**
 * Integer cents of a DECIMAL(n,2) amount. MySQL drivers return DECIMAL as an exact string
 * ("12.50"), SQLite as a number (12.5); both convert without floating-point drift.
 */
export function decimalToCents(value: string | number): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`invalid decimal amount ${value}`);
    return Math.round(value * 100);
  }
  const m = /^\s*(-?)(\d*)(?:\.(\d*))?\s*$/.exec(value);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`invalid decimal amount ${JSON.stringify(value)}`);
  const fraction = (m[3] ?? '').padEnd(3, '0');
  // Round half away from zero on the third decimal, should a column carry more than two.
  const cents = Number(m[2] || '0') * 100 + Number(fraction.slice(0, 2)) + (Number(fraction[2]) >= 5 ? 1 : 0);
  return m[1] === '-' ? -cents : cents;
}

/** A DECIMAL(n,2) literal for integer cents ("1250" -> "12.50"), exact for any safe integer. */
export function centsToDecimal(cents: number): string {
  return formatCents(cents);
}
