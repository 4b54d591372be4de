import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { silentLogger } from '../../lib/logger';
import { createTouchpointExecutor } from '../../gateway/engine/create-touchpoint-executor';
import { createUndiciSubgraphFetcher, parseGraphQLResponse } from '../../gateway/engine/transport/undici-subgraph-fetcher';
import type { SubgraphFetcher } from '../../gateway/engine/transport/subgraph-fetcher';
import { benchSubgraphs } from './subgraphs/definitions';
import { servePrecomputedSubgraph } from './subgraphs/precomputed-subgraph-server';
import { HEAVY_QUERY } from './query';

// The engine's own CPU cost per heavy query, without HTTP: subgraph answers are fetched once over
// HTTP, then replayed from memory (still parsed from JSON text each time, as over the network).
// Requests run `concurrency` at a time, as under load. Usage: engine-microbench.ts [iterations] [concurrency]
async function main(): Promise<void> {
  const iterations = Number(process.argv[2] ?? 2000);
  const concurrency = Number(process.argv[3] ?? 50);
  const served = await Promise.all(benchSubgraphs.map((s) => servePrecomputedSubgraph(s)));
  const composed = composeServices(benchSubgraphs.map((s, i) => ({ name: s.name, url: served[i].url, typeDefs: parse(s.typeDefs) })));
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
  const executor = createTouchpointExecutor({ supergraphSdl: composed.supergraphSdl!, fetcher: replaying });
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
  console.log(`${((cpu.user + cpu.system) / 1000 / iterations).toFixed(3)} ms CPU, ${(ms / iterations).toFixed(3)} ms wall per request (execute + JSON.stringify) at concurrency ${concurrency}, ${(bytes / 1024).toFixed(1)} KB answer, ${fetches / iterations} fetches per request`);
  await executor.close();
  await replaying.close();
  await Promise.all(served.map((s) => s.close()));
}

void main();
