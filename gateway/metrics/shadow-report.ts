/** Agreement of the old and new side for one moved field, from the shadow comparison counters. */
export interface FieldAgreement {
  field: string;
  match: number;
  mismatch: number;
  error: number;
  /** Share of comparisons (errors left out) where both sides agreed, 0..100; null before any. */
  agreementPercent: number | null;
}

const SERIES = /^touchpoint_shadow_comparisons_total\{(.*)\} (\S+)$/;

/** Reads `touchpoint_shadow_comparisons_total` from a Prometheus text scrape. */
export function shadowAgreement(metricsText: string): FieldAgreement[] {
  const byField = new Map<string, FieldAgreement>();
  for (const line of metricsText.split('\n')) {
    const match = SERIES.exec(line);
    if (!match) continue;
    const labels = Object.fromEntries([...match[1].matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    const field = labels.field;
    const outcome = labels.outcome as 'match' | 'mismatch' | 'error';
    if (!field || !['match', 'mismatch', 'error'].includes(outcome)) continue;
    let entry = byField.get(field);
    if (!entry) byField.set(field, (entry = { field, match: 0, mismatch: 0, error: 0, agreementPercent: null }));
    entry[outcome] += Number(match[2]);
  }
  return [...byField.values()]
    .map((e) => ({ ...e, agreementPercent: e.match + e.mismatch > 0 ? Math.round((e.match / (e.match + e.mismatch)) * 10000) / 100 : null }))
    .sort((a, b) => (a.field < b.field ? -1 : 1));
}

/** The report as a table for a terminal. */
export function formatShadowReport(rows: ReadonlyArray<FieldAgreement>): string {
  if (rows.length === 0) return 'No shadow comparisons yet (is SHADOW_COMPARE on, and do queries select fields being moved?)\n';
  const header = ['field', 'compared', 'match', 'mismatch', 'error', 'agreement'];
  const body = rows.map((r) => [r.field, String(r.match + r.mismatch + r.error), String(r.match), String(r.mismatch), String(r.error), r.agreementPercent === null ? '-' : `${r.agreementPercent}%`]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return `${[line(header), ...body.map(line)].join('\n')}\n`;
}
