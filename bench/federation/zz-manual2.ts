import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { startPinned } from './processes';
import { benchSubgraphs } from './subgraphs/definitions';
import { HEAVY_REQUEST_BODY } from './query';
import { writePostScript } from './wrk';
async function main() {
  const sub = await startPinned(1, __dirname + '/subgraphs/serve-subgraphs.ts', [], (l) => l.startsWith('{'));
  const { subgraphs } = JSON.parse(sub.line);
  const composed = composeServices(benchSubgraphs.map((s) => ({ name: s.name, url: subgraphs[s.name], typeDefs: parse(s.typeDefs) })));
  writeFileSync('/tmp/exp/supergraph.graphql', composed.supergraphSdl!);
  const gw = await startPinned(0, __dirname + '/gateways/' + process.argv[2], ['--supergraph', '/tmp/exp/supergraph.graphql'], (l) => l.startsWith('READY'));
  const url = gw.line.slice(6);
  const script = writePostScript(HEAVY_REQUEST_BODY);
  for (const c of process.argv.slice(3)) {
    console.log(execFileSync('taskset', ['-c', '1', 'wrk', '-t1', '-c' + c, '-d4s', '--latency', '-s', script, url]).toString().split('\n').filter((l) => /Requests\/sec|50%|99%|requests in|Non-2xx|Socket/.test(l)).join(' | '));
  }
  await gw.stop(); await sub.stop();
}
main();
