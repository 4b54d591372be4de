import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pinnedCommand } from './processes';

const run = promisify(execFile);

export interface WrkResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Non-2xx answers plus socket errors (connect, read, write, timeout). */
  failures: number;
  /** CPU time the gateway process used per request during the run (filled in by the runner). */
  cpuMsPerRequest: number;
  /** Connections the gateway opened to the subgraphs during the run (filled in by the runner). */
  subgraphConnections: number;
}

/** A wrk Lua script that POSTs the given JSON body. */
export function writePostScript(body: string): string {
  const path = join(tmpdir(), `touchpoint-bench-${process.pid}.lua`);
  const lua = `wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = ${JSON.stringify(body)}\n`;
  writeFileSync(path, lua);
  return path;
}

/** Runs wrk (one thread) pinned to a CPU against a URL and parses its --latency report. */
export async function runWrk(options: { url: string; script: string; connections: number; seconds: number; cpu: number }): Promise<WrkResult> {
  const { stdout } = await run(
    'taskset',
    pinnedCommand(options.cpu, [
    'wrk',
    '-t1',
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    '--timeout',
    '10s',
    '--latency',
    '-s',
    options.script,
    options.url,
  ]),
  );
  return parseWrk(stdout);
}

export function parseWrk(output: string): WrkResult {
  const number = (pattern: RegExp) => {
    const match = pattern.exec(output);
    return match ? Number(match[1]) : 0;
  };
  const latency = (percent: string) => {
    const match = new RegExp(`^\\s*${percent}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(output);
    if (!match) return NaN;
    const factor = match[2] === 'us' ? 0.001 : match[2] === 's' ? 1000 : 1;
    return Number(match[1]) * factor;
  };
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  return {
    requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
    p50Ms: latency('50'),
    p99Ms: latency('99'),
    requests: number(/(\d+) requests in/),
    failures: number(/Non-2xx or 3xx responses: (\d+)/) + socketErrors,
    cpuMsPerRequest: NaN,
    subgraphConnections: NaN,
  };
}
