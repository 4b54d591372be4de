import type { WrkResult } from './wrk';

export interface GatewayRounds {
  id: string;
  label: string;
  rounds: WrkResult[];
  peakRssMiB: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The summary table: medians over rounds, peak memory, and Touchpoint's ratios to the others. */
export function formatReport(results: GatewayRounds[], run: { connections: number; seconds: number }): string {
  const lines = [
    `heavy nested query, ${run.connections} connections, ${results[0]?.rounds.length ?? 0} rounds of ${run.seconds} s (median of rounds)`,
    `${'gateway'.padEnd(16)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'peak RSS MiB'.padStart(13)} ${'CPU ms/req'.padStart(11)} ${'failures'.padStart(9)}`,
  ];
  const medians = new Map<string, number>();
  for (const result of results) {
    const rps = median(result.rounds.map((r) => r.requestsPerSecond));
    medians.set(result.id, rps);
    lines.push(
      `${result.label.padEnd(16)} ${rps.toFixed(1).padStart(9)} ${median(result.rounds.map((r) => r.p50Ms)).toFixed(1).padStart(9)} ${median(
        result.rounds.map((r) => r.p99Ms),
      )
        .toFixed(1)
        .padStart(9)} ${result.peakRssMiB.toFixed(0).padStart(13)} ${median(result.rounds.map((r) => r.cpuMsPerRequest))
        .toFixed(2)
        .padStart(11)} ${String(result.rounds.reduce((sum, r) => sum + r.failures, 0)).padStart(9)}`,
    );
  }
  const touchpoint = medians.get('touchpoint');
  if (touchpoint !== undefined) {
    for (const result of results) {
      if (result.id === 'touchpoint') continue;
      lines.push(`Touchpoint / ${result.label}: ${(touchpoint / medians.get(result.id)!).toFixed(2)}x req/s`);
    }
  }
  return lines.join('\n');
}
