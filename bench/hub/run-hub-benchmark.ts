// bench/hub: the hub end to end (gateway, five subgraphs, stand-ins) on the embedded database and on
// MariaDB, side by side in one run. Prints requests/s, latency percentiles, SQL statements and legacy
// HTTP calls per request, and the ratio embedded / MariaDB.
//
//   npm run bench:hub                      # 3 rounds of 10 s per workload and database
//   npm run bench:hub -- --smoke           # a few seconds
//   npm run bench:hub -- --connections 20 --seconds 15 --rounds 3
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { silentLogger } from '../../lib/logger';
import { StatementCounter, type Dialect } from '../../adapters/sql/database';
import { generateDemoDataset, type DemoDataset } from '../../demo/data/demo-dataset';
import { hubConfigFromEnv } from '../../scripts/hub/hub-config';
import { startHub, type RunningHub } from '../../scripts/hub/start-hub';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-databases';
import { parseWrk, type WrkResult } from '../federation/wrk';
import { customer360Workload, mixedChannelWorkload, type Workload } from './workloads';

const run = promisify(execFile);

interface Options { seconds: number; rounds: number; connections: number; smoke: boolean }

function parseArgs(argv: string[]): Options {
  const get = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const smoke = argv.includes('--smoke');
  return { smoke, seconds: get('seconds', smoke ? 2 : 10), rounds: get('rounds', smoke ? 1 : 3), connections: get('connections', 16) };
}

function luaScript(workload: Workload): string {
  const path = join(tmpdir(), `touchpoint-bench-hub-${process.pid}-${workload.name.replace(/\W+/g, '-')}.lua`);
  const bodies = workload.bodies.map((b) => `[==[${b}]==]`).join(',\n');
  writeFileSync(
    path,
    `local bodies = {\n${bodies}\n}\nlocal i = 0\nwrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n` +
      `request = function()\n  i = i + 1\n  return wrk.format(nil, nil, nil, bodies[(i % #bodies) + 1])\nend\n`,
  );
  return path;
}

async function measure(hub: RunningHub, script: string, opts: Options): Promise<WrkResult> {
  const { stdout } = await run('wrk', ['-t1', `-c${opts.connections}`, `-d${opts.seconds}s`, '--timeout', '10s', '--latency', '-s', script, hub.gateway.endpoint]);
  return parseWrk(stdout);
}

/**
 * Sends every body once, one at a time, checking the answers and counting exactly the SQL
 * statements and legacy HTTP calls each request causes (a load run's boundaries would blur them).
 */
async function countPerRequest(hub: RunningHub, counter: StatementCounter, http: { count: number }, workload: Workload): Promise<{ statements: number; httpCalls: number }> {
  counter.reset();
  http.count = 0;
  for (const body of workload.bodies) {
    const res = await fetch(hub.gateway.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const json = (await res.json()) as { errors?: unknown[]; data?: unknown };
    if (json.errors || !json.data) throw new Error(`${workload.name}: the hub answered with errors: ${JSON.stringify(json.errors)}`);
  }
  return { statements: counter.count / workload.bodies.length, httpCalls: http.count / workload.bodies.length };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const dataset: DemoDataset = generateDemoDataset();
  const workloads = [customer360Workload(dataset), mixedChannelWorkload(dataset)];
  const scripts = workloads.map(luaScript);
  const dialects: Dialect[] = ['sqlite', 'mysql'];
  const perRequest = new Map<string, { statements: number; httpCalls: number }>();
  const hubs = new Map<Dialect, { hub: RunningHub; counter: StatementCounter; http: { count: number }; dbs: TestDatabase[] }>();

  try {
    for (const dialect of dialects) {
      const dbs = await Promise.all(['erp', 'inventory', 'social', 'hub'].map((label) => createTestDatabase(dialect, `bench_${label}`)));
      const base = hubConfigFromEnv({}, resolve(__dirname, '..', '..'));
      const counter = new StatementCounter();
      const http = { count: 0 };
      const hub = await startHub(
        {
          ...base,
          gatewayPort: 0,
          ports: { crm: 0, erp: 0, inventory: 0, shipping: 0, social: 0, crmStandIn: 0, carrierStandIn: 0 },
          databases: { erp: dbs[0]!.url, inventory: dbs[1]!.url, social: dbs[2]!.url, hub: dbs[3]!.url },
          crmApiUrl: null,
          carrierApiUrl: null,
          changeCapture: false,
        },
        silentLogger,
        { dataset, statementObserver: counter, onHttpAttempt: () => { http.count += 1; } },
      );
      hubs.set(dialect, { hub, counter, http, dbs });
      for (const w of workloads) perRequest.set(`${w.name}|${dialect}`, await countPerRequest(hub, counter, http, w));
      console.log(`hub on ${dialect} ready at ${hub.gateway.endpoint}`);
    }

    const results = new Map<string, WrkResult[]>();
    for (let round = 1; round <= opts.rounds; round += 1) {
      for (const [i, workload] of workloads.entries()) {
        // Warm-up each side briefly, then alternate the databases within the round.
        for (const dialect of dialects) {
          const h = hubs.get(dialect)!;
          if (round === 1) await measure(h.hub, scripts[i]!, { ...opts, seconds: Math.min(2, opts.seconds) });
          const m = await measure(h.hub, scripts[i]!, opts);
          const key = `${workload.name}|${dialect}`;
          results.set(key, [...(results.get(key) ?? []), m]);
          console.log(`round ${round} ${workload.name} on ${dialect}: ${m.requestsPerSecond.toFixed(1)} req/s`);
        }
      }
    }

    console.log(`\nbench/hub: ${opts.rounds} round(s) of ${opts.seconds} s, ${opts.connections} connections, median over rounds\n`);
    console.log('| workload | database | req/s | p50 ms | p99 ms | SQL statements / request | legacy HTTP calls / request | failures |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const workload of workloads) {
      for (const dialect of dialects) {
        const ms = results.get(`${workload.name}|${dialect}`)!;
        const counted = perRequest.get(`${workload.name}|${dialect}`)!;
        console.log(
          `| ${workload.name} | ${dialect === 'sqlite' ? 'embedded (SQLite)' : 'MariaDB'} | ${median(ms.map((m) => m.requestsPerSecond)).toFixed(1)} | ${median(ms.map((m) => m.p50Ms)).toFixed(1)} | ${median(ms.map((m) => m.p99Ms)).toFixed(1)} | ${counted.statements.toFixed(2)} | ${counted.httpCalls.toFixed(2)} | ${ms.reduce((s, m) => s + m.failures, 0)} |`,
        );
      }
      const sqlite = median(results.get(`${workload.name}|sqlite`)!.map((m) => m.requestsPerSecond));
      const mysql = median(results.get(`${workload.name}|mysql`)!.map((m) => m.requestsPerSecond));
      console.log(`| ${workload.name} | ratio embedded / MariaDB | ${(sqlite / mysql).toFixed(2)}× | | | | | |`);
    }
  } finally {
    for (const { hub, dbs } of hubs.values()) {
      await hub.close();
      await Promise.all(dbs.map((d) => d.drop()));
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
