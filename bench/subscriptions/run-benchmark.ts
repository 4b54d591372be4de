import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { peakRssMiB } from '../federation/peak-rss';
import { cpuTimeMs, waitUntilIdle } from '../federation/process-cpu';
import { startPinned, type StartedProcess } from '../federation/processes';
import { formatReport, type RunResult, type Workload } from './report';
import { CATALOG_SDL, TICKER_SDL } from './subgraphs/live-subgraphs';

// The subscription benchmark: Touchpoint's gateway and Hive Gateway side by side, each alone on
// CPU 0, in front of the same two subgraphs (ticker owns the subscription, catalog the entity every
// event needs), with N subscribers in a process of their own on CPU 1 beside the subgraphs.
// For each gateway and size: connect, warm up until every subscriber has an event, then
//   latency phase: events published at a steady rate (about --rate deliveries/s in all), publish-to-delivery latency;
//   burst phase:   --burst events published at once, the time until every subscriber has all of them;
// and the gateway's peak RSS and CPU time. `--smoke` runs it in seconds.

const GATEWAY_CPU = 0;
const LOAD_CPU = 1;

const GATEWAYS = [
  { id: 'touchpoint', label: 'Touchpoint', script: 'gateways/touchpoint-gateway.ts' },
  { id: 'hive', label: 'Hive Gateway', script: 'gateways/hive-gateway.ts' },
] as const;

interface Options {
  smoke: boolean;
  sizes: number[];
  distinctSizes: number[];
  seconds: number;
  rate: number;
  burst: number;
  sockets: number;
  only: string[] | null;
  /** Write V8 CPU profiles of each gateway process into <folder>/<gateway>-<subscribers>. */
  cpuProfileDir: string | null;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const list = (text: string | undefined, fallback: number[]) => (text === undefined ? fallback : text === '' || text === 'none' ? [] : text.split(',').map(Number));
  const smoke = argv.includes('--smoke');
  return {
    smoke,
    sizes: list(value('--sizes'), smoke ? [100, 300] : [1000, 5000, 10000]),
    distinctSizes: list(value('--distinct'), smoke ? [100] : [1000]),
    seconds: Number(value('--seconds') ?? (smoke ? 2 : 10)),
    rate: Number(value('--rate') ?? 2_000),
    burst: Number(value('--burst') ?? (smoke ? 10 : 50)),
    sockets: Number(value('--sockets') ?? 250),
    only: value('--only')?.split(',') ?? null,
    cpuProfileDir: value('--cpu-prof') ?? null,
  };
}

function requireTools(): void {
  if (spawnSync('sh', ['-c', 'command -v taskset']).status !== 0) throw new Error('taskset is needed: apt-get install -y util-linux');
  if (availableParallelism() < 2) throw new Error('the benchmark needs two CPUs: one for the gateway, one for the subgraphs and the subscribers');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

interface ClientStatus {
  subscribers: number;
  withEvent: number;
  received: number;
  errors: number;
  ended: number;
}
interface ClientReport extends ClientStatus {
  firstAt: number;
  lastAt: number;
  latencyMs: { p50: number; p99: number; p100: number };
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<{ value: T; complete: boolean }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return { value, complete: true };
    if (Date.now() > deadline) return { value, complete: false };
    await sleep(100);
  }
}

/** Waits until the subscribers receive nothing more for half a second (a late gateway's backlog is drained). */
async function quiet(status: () => Promise<ClientStatus>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = (await status()).received;
  while (Date.now() < deadline) {
    await sleep(500);
    const now = (await status()).received;
    if (now === last) return;
    last = now;
  }
}

async function runOne(
  gateway: (typeof GATEWAYS)[number],
  workload: Workload,
  context: { supergraphFile: string; control: string; subgraphPid: number; options: Options },
): Promise<RunResult> {
  const { control, options } = context;
  const emit = (count: number, intervalMs = 0) =>
    getJson(`${control}/emit`, { method: 'POST', body: JSON.stringify({ count, intervalMs }), headers: { 'content-type': 'application/json' } });
  const started: StartedProcess[] = [];
  try {
    const profile = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', join(options.cpuProfileDir, `${gateway.id}-${workload.subscribers}`)] : [];
    const gw = await startPinned(GATEWAY_CPU, join(__dirname, gateway.script), ['--supergraph', context.supergraphFile], (line) => line.startsWith('READY '), { nodeArgs: profile });
    started.push(gw);
    const connectStarted = Date.now();
    const clients = await startPinned(
      LOAD_CPU,
      join(__dirname, 'clients/subscribers.ts'),
      ['--url', gw.line.slice(6), '--subscribers', String(workload.subscribers), '--sockets', String(options.sockets), '--channels', String(workload.channels)],
      (line) => line.startsWith('READY '),
      { timeoutMs: 120_000 },
    );
    started.push(clients);
    const clientUrl = clients.line.slice(6);
    const status = () => getJson<ClientStatus>(`${clientUrl}/status`);
    const report = () => getJson<ClientReport>(`${clientUrl}/report`);

    // Warm-up: a tick, then up to 2 s for every subscriber to have had one (its subscription is live
    // end to end); again until they all have. A gateway slow to deliver is not sent more meanwhile.
    const warm = await waitFor(
      async () => {
        await emit(1);
        return (await waitFor(status, (s) => s.withEvent === workload.subscribers, 2_000)).value;
      },
      (s) => s.withEvent === workload.subscribers,
      180_000,
    );
    if (!warm.complete) throw new Error(`${gateway.label}: only ${warm.value.withEvent} of ${workload.subscribers} subscribers received an event`);
    const connectSeconds = (Date.now() - connectStarted) / 1000;
    const phase = (what: string) => process.stderr.write(`  ${gateway.label} ${workload.subscribers}: ${what} at ${((Date.now() - connectStarted) / 1000).toFixed(1)} s\n`);
    phase('all subscribed');
    const upstream = (await getJson<{ active: number }>(`${control}/stats`)).active;
    await quiet(status);
    await waitUntilIdle(gw.pid, { timeoutMs: 10_000 });
    await getJson(`${clientUrl}/reset`, { method: 'POST' });
    phase('idle');

    // Latency phase: a steady rate, about options.rate deliveries per second in all.
    const eventsPerSecond = Math.max(1, Math.round(options.rate / workload.subscribers));
    const latencyEvents = eventsPerSecond * options.seconds;
    await emit(latencyEvents, 1000 / eventsPerSecond);
    const steady = await waitFor(report, (r) => r.received >= workload.subscribers * latencyEvents, 60_000);
    phase(`steady phase ${steady.complete ? 'complete' : 'INCOMPLETE'}`);
    await quiet(status);
    await getJson(`${clientUrl}/reset`, { method: 'POST' });

    // Burst phase: all at once; throughput is how fast every subscriber gets every event.
    const cpuBefore = cpuTimeMs(gw.pid);
    const subgraphCpuBefore = cpuTimeMs(context.subgraphPid);
    const burstStarted = performance.timeOrigin + performance.now();
    await emit(options.burst);
    const burst = await waitFor(report, (r) => r.received >= workload.subscribers * options.burst, 180_000);
    const seconds = Math.max(1e-3, (burst.value.lastAt - burstStarted) / 1000);
    const deliveries = burst.value.received;
    const result: RunResult = {
      gateway: gateway.id,
      label: gateway.label,
      workload,
      connectSeconds,
      upstreamSubscriptions: upstream,
      latency: steady.value.latencyMs,
      latencyEventsPerSecond: eventsPerSecond,
      latencyComplete: steady.complete,
      burstEventsPerSecond: options.burst / seconds,
      deliveriesPerSecond: deliveries / seconds,
      burstComplete: burst.complete,
      undelivered: workload.subscribers * options.burst - deliveries + (workload.subscribers * latencyEvents - steady.value.received),
      errors: steady.value.errors + burst.value.errors,
      gatewayCpuMsPer1kDeliveries: ((cpuTimeMs(gw.pid) - cpuBefore) * 1000) / Math.max(1, deliveries),
      subgraphCpuMsPer1kDeliveries: ((cpuTimeMs(context.subgraphPid) - subgraphCpuBefore) * 1000) / Math.max(1, deliveries),
      peakRssMiB: peakRssMiB(gw.pid),
    };
    process.stderr.write(`${gateway.label.padEnd(13)} ${workload.subscribers} subscribers (${workload.channels === 1 ? 'identical' : 'distinct'}): done\n`);
    return result;
  } finally {
    for (const process of started.reverse()) await process.stop();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  requireTools();
  const started: StartedProcess[] = [];
  process.on('SIGINT', () => void Promise.all(started.map((p) => p.stop())).then(() => process.exit(130)));
  try {
    const subgraphs = await startPinned(LOAD_CPU, join(__dirname, 'subgraphs/serve-subgraphs.ts'), [], (line) => line.startsWith('{'));
    started.push(subgraphs);
    const { ticker, catalog, control } = JSON.parse(subgraphs.line) as { ticker: string; catalog: string; control: string };
    const composed = composeServices([
      { name: 'ticker', url: ticker, typeDefs: parse(TICKER_SDL) },
      { name: 'catalog', url: catalog, typeDefs: parse(CATALOG_SDL) },
    ]);
    if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
    const supergraphFile = join(mkdtempSync(join(tmpdir(), 'tp-subscriptions-bench-')), 'supergraph.graphql');
    writeFileSync(supergraphFile, composed.supergraphSdl);

    const workloads: Workload[] = [
      ...options.sizes.map((subscribers) => ({ subscribers, channels: 1 })),
      ...options.distinctSizes.map((subscribers) => ({ subscribers, channels: subscribers })),
    ];
    const gateways = GATEWAYS.filter((g) => !options.only || options.only.includes(g.id));
    const results: RunResult[] = [];
    for (const workload of workloads) {
      for (const gateway of gateways) {
        try {
          results.push(await runOne(gateway, workload, { supergraphFile, control, subgraphPid: subgraphs.pid, options }));
        } catch (error) {
          process.stderr.write(`${gateway.label}, ${workload.subscribers} subscribers: ${(error as Error).message}\n`);
        }
      }
    }
    process.stdout.write(`${formatReport(results, options)}\n`);
  } finally {
    await Promise.all(started.map((p) => p.stop()));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
