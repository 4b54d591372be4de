import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { silentLogger } from '../../lib/logger';
import { createTouchpointExecutor } from '../../gateway/engine/create-touchpoint-executor';
import { createUndiciSubgraphFetcher, parseGraphQLResponse } from '../../gateway/engine/transport/undici-subgraph-fetcher';
import type { SubgraphFetcher } from '../../gateway/engine/transport/subgraph-fetcher';
import { benchSubgraphs } from './subgraphs/definitions';
import { servePrecomputedSubgraph } from './subgraphs/precomputed-subgraph-server';
import { HEAVY_QUERY } from './query';
import { startPinned } from './processes';

// The engine's own CPU cost per heavy query, without the client-facing server. Subgraph answers
// are fetched once over HTTP, then replayed from memory (still parsed from JSON text each time);
// with --http every fetch goes over HTTP to the subgraphs started in another process on CPU 1
// (run this one pinned to CPU 0). Requests run `concurrency` at a time, as under load.
// Usage: engine-microbench.ts [iterations] [concurrency] [--http]
async function main(): Promise<void> {
  const iterations = Number(process.argv[2] ?? 2000);
  const concurrency = Number(process.argv[3] ?? 50);
  const overHttp = process.argv.includes('--http');
  const subgraphProcess = overHttp ? await startPinned(1, join(__dirname, 'subgraphs/serve-subgraphs.ts'), [], (line) => line.startsWith('{')) : null;
  const served = overHttp ? [] : await Promise.all(benchSubgraphs.map((s) => servePrecomputedSubgraph(s)));
  const urls: Record<string, string> = subgraphProcess
    ? (JSON.parse(subgraphProcess.line) as { subgraphs: Record<string, string> }).subgraphs
    : Object.fromEntries(served.map((s) => [s.name, s.url]));
  const composed = composeServices(benchSubgraphs.map((s) => ({ name: s.name, url: urls[s.name], typeDefs: parse(s.typeDefs) })));
  const http = createUndiciSubgraphFetcher();
  const replies = new Map<string, string>();
  let fetches = 0;
  const replaying: SubgraphFetcher = {
    async fetch(request) {
      fetches += 1;
      let text = replies.get(request.body);
      if (text === undefined) {
        text = JSON.stringify(await http.fetch(request));
        replies.set(request.body, text);
      }
      return parseGraphQLResponse(request.subgraph, 200, text);
    },
    close: () => http.close(),
  };
  const executor = createTouchpointExecutor({ supergraphSdl: composed.supergraphSdl!, fetcher: overHttp ? http : replaying });
  const document = parse(HEAVY_QUERY);
  const request = { document, operationName: 'TestQuery', variables: {}, forwardHeaders: {}, requestId: '', log: silentLogger };
  let bytes = 0;
  const run = async (n: number) => {
    let started = 0;
    const worker = async () => {
      while (started < n) {
        started += 1;
        bytes = JSON.stringify(await executor.execute(request)).length;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  };
  await run(200);
  fetches = 0;
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  await run(iterations);
  const cpu = process.cpuUsage(cpuStart);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`${overHttp ? 'over HTTP: ' : ''}${((cpu.user + cpu.system) / 1000 / iterations).toFixed(3)} ms CPU, ${(ms / iterations).toFixed(3)} ms wall per request (execute + JSON.stringify) at concurrency ${concurrency}, ${(bytes / 1024).toFixed(1)} KB answer, ${fetches / iterations} fetches per request`);
  await executor.close();
  await replaying.close();
  await Promise.all(served.map((s) => s.close()));
  await subgraphProcess?.stop();
}

void main();
