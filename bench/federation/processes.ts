import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface StartedProcess {
  pid: number;
  /** The first stdout line that matched. */
  line: string;
  stop(): Promise<void>;
}

/**
 * Benchmark processes run at a higher priority than the rest of the machine (other work shares
 * these two cores) where the user may raise it (root); the same for every gateway.
 */
export const BENCH_NICENESS = process.getuid?.() === 0 ? -10 : 0;

/** `taskset -c <cpu> [nice -n <n>] <command...>`: exec chain, so the pid is the command's own. */
export function pinnedCommand(cpu: number, command: string[]): string[] {
  return ['-c', String(cpu), ...(BENCH_NICENESS !== 0 ? ['nice', '-n', String(BENCH_NICENESS)] : []), ...command];
}

/**
 * Starts a Node.js program (TypeScript through tsx) pinned to one CPU with `taskset`, and waits
 * until it prints a line that `ready` accepts. The pid is the Node.js process itself (taskset
 * and nice exec it), so its memory and CPU time can be read from /proc.
 */
export function startPinned(
  cpu: number,
  script: string,
  args: string[],
  ready: (line: string) => boolean,
  options: { nodeArgs?: string[]; timeoutMs?: number } = {},
): Promise<StartedProcess> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const child: ChildProcess = spawn('taskset', pinnedCommand(cpu, [process.execPath, ...(options.nodeArgs ?? []), '--import', 'tsx', script, ...args]), {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not get ready within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with code ${code} before it was ready`));
    });
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (!ready(line)) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        pid: child.pid!,
        line,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            const force = setTimeout(() => child.kill('SIGKILL'), 5000);
            child.once('exit', () => {
              clearTimeout(force);
              done();
            });
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
