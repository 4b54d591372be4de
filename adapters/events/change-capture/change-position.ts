// Where a change-table reader stands: the highest sequence number it has passed, plus the numbers
// below it that were missing when it passed them. On MySQL a sequence number is taken when a row
// is inserted, not when its transaction commits, so a long transaction's rows can appear after
// rows with higher numbers were already read; a plain "seq > watermark" would skip them forever.
// Missing numbers are therefore remembered as gaps and read again until they show up, or until
// `gapTimeoutMs` has passed (a rolled-back transaction leaves a gap that never fills).

export interface GapRange {
  /** First and last missing sequence number, inclusive. */
  from: number;
  to: number;
  /** When the gap was first seen (epoch ms). */
  seenAtMs: number;
}

export interface ChangePosition {
  seq: number;
  gaps: GapRange[];
}

export const START_POSITION: ChangePosition = { seq: 0, gaps: [] };

/** The watermark text: compact JSON, e.g. {"seq":812,"gaps":[[790,790,1717171717000]]}. */
export function formatPosition(position: ChangePosition): string {
  return JSON.stringify({ seq: position.seq, gaps: position.gaps.map((g) => [g.from, g.to, g.seenAtMs]) });
}

/** Null when there is no watermark yet; throws on a watermark this code did not write. */
export function parsePosition(text: string | null): ChangePosition | null {
  if (text === null) return null;
  const value = JSON.parse(text) as { seq?: unknown; gaps?: unknown };
  const isInt = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
  if (!isInt(value.seq) || !Array.isArray(value.gaps)) throw new Error(`not a change position: ${text.slice(0, 100)}`);
  const gaps = value.gaps.map((g: unknown) => {
    if (!Array.isArray(g) || g.length !== 3 || !g.every(isInt) || g[0] > g[1]) throw new Error(`not a change position gap: ${JSON.stringify(g)}`);
    return { from: g[0] as number, to: g[1] as number, seenAtMs: g[2] as number };
  });
  return { seq: value.seq, gaps };
}

/** Forgets gaps older than the timeout: their rows are given up for lost (rolled back). */
export function expireGaps(position: ChangePosition, nowMs: number, gapTimeoutMs: number): ChangePosition {
  const gaps = position.gaps.filter((g) => nowMs - g.seenAtMs < gapTimeoutMs);
  return gaps.length === position.gaps.length ? position : { seq: position.seq, gaps };
}

/**
 * The position after reading `seqs` (ascending; each either inside a gap or above `seq`): the rows
 * that filled gaps close them, numbers skipped above the old position open new ones. At most
 * `maxGaps` ranges are kept, the newest.
 */
export function advancePosition(position: ChangePosition, seqs: readonly number[], nowMs: number, maxGaps = 200): ChangePosition {
  let gaps = position.gaps;
  for (const seq of seqs) {
    if (seq > position.seq) break;
    gaps = gaps.flatMap((g) => {
      if (seq < g.from || seq > g.to) return [g];
      const parts: GapRange[] = [];
      if (g.from < seq) parts.push({ from: g.from, to: seq - 1, seenAtMs: g.seenAtMs });
      if (seq < g.to) parts.push({ from: seq + 1, to: g.to, seenAtMs: g.seenAtMs });
      return parts;
    });
  }
  let expected = position.seq + 1;
  const opened: GapRange[] = [];
  for (const seq of seqs) {
    if (seq <= position.seq) continue;
    if (seq > expected) opened.push({ from: expected, to: seq - 1, seenAtMs: nowMs });
    expected = seq + 1;
  }
  const all = [...gaps, ...opened];
  return { seq: expected - 1, gaps: all.length > maxGaps ? all.slice(all.length - maxGaps) : all };
}
