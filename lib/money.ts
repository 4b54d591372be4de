/** Formats integer cents as a decimal string ("1250" -> "12.50"), exact for any safe integer. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** An amount in integer cents with its ISO 4217 currency. */
export interface Money {
  cents: number;
  currency: string;
}
