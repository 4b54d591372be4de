import { mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { benchSubgraphs } from './subgraphs/definitions';
import { HEAVY_REQUEST_BODY } from './query';
import { peakRssMiB } from './peak-rss';
import { cpuTimeMs, waitUntilIdle } from './process-cpu';
import { startPinned, type StartedProcess } from './processes';
import { runWrk, writePostScript, type WrkResult } from './wrk';
import { formatReport, type GatewayRounds } from './report';

// The federation gateway benchmark: Touchpoint, plain @apollo/gateway and Hive Gateway side by
// side against the same four subgraphs, each gateway alone on one CPU, the subgraphs and wrk on
// the other, in alternating rounds. `--smoke` runs it in seconds.

const GATEWAY_CPU = 0;
const LOAD_CPU = 1;

interface Options {
  smoke: boolean;
  rounds: number;
  seconds: number;
  warmupSeconds: number;
  connections: number;
  only: string[] | null;
  touchpointServer: 'gateway' | 'minimal';
  /** Write V8 CPU profiles of each gateway process into <folder>/<gateway> (the largest file is the main thread). */
  cpuProfileDir: string | null;
}

const GATEWAYS = [
  { id: 'touchpoint', label: 'Touchpoint', script: 'gateways/touchpoint-gateway.ts' },
  { id: 'apollo', label: '@apollo/gateway', script: 'gateways/apollo-gateway.ts' },
  { id: 'hive', label: 'Hive Gateway', script: 'gateways/hive-gateway.ts' },
] as const;

function parseOptions(argv: string[]): Options {
  const value = (name: string) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const smoke = argv.includes('--smoke');
  return {
    smoke,
    rounds: Number(value('--rounds') ?? (smoke ? 1 : 3)),
    seconds: Number(value('--seconds') ?? (smoke ? 4 : 10)),
    warmupSeconds: Number(value('--warmup') ?? (smoke ? 2 : 5)),
    connections: Number(value('--connections') ?? 50),
    only: value('--only')?.split(',') ?? null,
    touchpointServer: value('--touchpoint-server') === 'minimal' ? 'minimal' : 'gateway',
    cpuProfileDir: value('--cpu-prof') ?? null,
  };
}

function requireTools(): void {
  for (const tool of ['wrk', 'taskset']) {
    const found = spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
    if (!found) throw new Error(`${tool} is needed: apt-get install -y ${tool === 'wrk' ? 'wrk' : 'util-linux'}`);
  }
  if (availableParallelism() < 2) throw new Error('the benchmark needs two CPUs: one for the gateway, one for the subgraphs and wrk');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  requireTools();
  const here = __dirname;
  const started: StartedProcess[] = [];
  const stopAll = () => Promise.all(started.map((p) => p.stop()));
  process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    const subgraphProcess = await startPinned(LOAD_CPU, join(here, 'subgraphs/serve-subgraphs.ts'), [], (line) => line.startsWith('{'));
    started.push(subgraphProcess);
    const { subgraphs, control } = JSON.parse(subgraphProcess.line) as { subgraphs: Record<string, string>; control: string };

    const composed = composeServices(benchSubgraphs.map((s) => ({ name: s.name, url: subgraphs[s.name], typeDefs: parse(s.typeDefs) })));
    if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
    const supergraphPath = join(mkdtempSync(join(tmpdir(), 'touchpoint-bench-')), 'supergraph.graphql');
    writeFileSync(supergraphPath, composed.supergraphSdl);

    const selected = GATEWAYS.filter((g) => !options.only || options.only.includes(g.id));
    const gateways: Array<(typeof GATEWAYS)[number] & { process: StartedProcess; url: string }> = [];
    for (const gateway of selected) {
      const extra = gateway.id === 'touchpoint' && options.touchpointServer === 'minimal' ? ['--server', 'minimal'] : [];
      const nodeArgs = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(options.cpuProfileDir, gateway.id)}`] : [];
      const proc = await startPinned(GATEWAY_CPU, resolve(here, gateway.script), ['--supergraph', supergraphPath, ...extra], (line) => line.startsWith('READY '), { nodeArgs });
      started.push(proc);
      gateways.push({ ...gateway, process: proc, url: proc.line.slice('READY '.length).trim() });
    }

    // Same answer everywhere, no errors, and what each gateway asks of the subgraphs per request.
    let reference: unknown = undefined;
    for (const gateway of gateways) {
      const before = await stats(control);
      const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: HEAVY_REQUEST_BODY });
      const text = await response.text();
      const after = await stats(control);
      const answer = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
      if (answer.errors || !answer.data) throw new Error(`${gateway.label} answered with errors: ${text.slice(0, 500)}`);
      if (reference === undefined) reference = answer.data;
      else if (!isDeepStrictEqual(answer.data, reference)) throw new Error(`${gateway.label}'s answer differs from ${gateways[0].label}'s`);
      const fetches = Object.entries(after).map(([name, n]) => `${name} ${n.requests - (before[name]?.requests ?? 0)}`).join(', ');
      console.log(`${gateway.label.padEnd(16)} answer ${(text.length / 1024).toFixed(1)} KB; subgraph requests per client request: ${fetches}`);
    }
    console.log('all gateways return the same answer\n');

    const script = writePostScript(HEAVY_REQUEST_BODY);
    const load = (url: string, seconds: number) => runWrk({ url, script, connections: options.connections, seconds, cpu: LOAD_CPU });
    for (const gateway of gateways) {
      await load(gateway.url, options.warmupSeconds);
      await waitUntilIdle(gateway.process.pid);
    }

    const rounds = new Map<string, WrkResult[]>(gateways.map((g) => [g.id, []]));
    for (let round = 0; round < options.rounds; round++) {
      const order = gateways.map((_, i) => gateways[(i + round) % gateways.length]);
      for (const gateway of order) {
        const cpuBefore = cpuTimeMs(gateway.process.pid);
        const subgraphCpuBefore = cpuTimeMs(subgraphProcess.pid);
        const connectionsBefore = totalConnections(await stats(control));
        const result = await load(gateway.url, options.seconds);
        const gatewayCpu = cpuTimeMs(gateway.process.pid) - cpuBefore;
        result.cpuMsPerRequest = gatewayCpu / Math.max(1, result.requests);
        const busy = (ms: number) => `${((ms / (options.seconds * 1000)) * 100).toFixed(0)}%`;
        const utilization = `gateway CPU ${busy(gatewayCpu)}, subgraphs CPU ${busy(cpuTimeMs(subgraphProcess.pid) - subgraphCpuBefore)}`;
        result.subgraphConnections = totalConnections(await stats(control)) - connectionsBefore;
        await waitUntilIdle(gateway.process.pid);
        rounds.get(gateway.id)!.push(result);
        console.log(
          `round ${round + 1} ${gateway.label.padEnd(16)} ${result.requestsPerSecond.toFixed(1).padStart(8)} req/s  p50 ${result.p50Ms.toFixed(1)} ms  p99 ${result.p99Ms.toFixed(1)} ms  CPU ${result.cpuMsPerRequest.toFixed(2)} ms/req  (${utilization})  new subgraph connections ${result.subgraphConnections}  failures ${result.failures}`,
        );
      }
    }
    const results: GatewayRounds[] = gateways.map((g) => ({ id: g.id, label: g.label, rounds: rounds.get(g.id)!, peakRssMiB: peakRssMiB(g.process.pid) }));
    console.log(`\n${formatReport(results, { connections: options.connections, seconds: options.seconds })}`);
  } finally {
    await stopAll();
  }
}

async function stats(control: string): Promise<Record<string, { requests: number; connections: number }>> {
  return (await (await fetch(control)).json()) as Record<string, { requests: number; connections: number }>;
}

function totalConnections(counts: Record<string, { connections: number }>): number {
  return Object.values(counts).reduce((sum, c) => sum + c.connections, 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
