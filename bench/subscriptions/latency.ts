/** Percentiles (nearest rank) of a sample, e.g. [50, 99, 100]; zeros for an empty sample. */
export function percentiles(values: Float64Array, ranks: number[]): Record<string, number> {
  const sorted = Float64Array.from(values).sort();
  const out: Record<string, number> = {};
  for (const rank of ranks) {
    if (sorted.length === 0) {
      out[`p${rank}`] = 0;
      continue;
    }
    const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((rank / 100) * sorted.length) - 1));
    out[`p${rank}`] = Math.round(sorted[index] * 100) / 100;
  }
  return out;
}
