import { readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in milliseconds. */
export function cpuTimeMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/**
 * Waits until a process stops using CPU (less than `thresholdMs` in each `intervalMs`): wrk
 * abandons the requests in flight when a run ends, and a gateway still working through them
 * would take CPU from the next gateway's run on the same core.
 */
export async function waitUntilIdle(pid: number, options: { intervalMs?: number; thresholdMs?: number; timeoutMs?: number } = {}): Promise<void> {
  const intervalMs = options.intervalMs ?? 250;
  const thresholdMs = options.thresholdMs ?? 10;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let last = cpuTimeMs(pid);
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    const now = cpuTimeMs(pid);
    if (now - last < thresholdMs) return;
    last = now;
  }
}
