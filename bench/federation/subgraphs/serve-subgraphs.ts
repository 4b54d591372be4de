import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { benchSubgraphs } from './definitions';
import { servePrecomputedSubgraph } from './precomputed-subgraph-server';

// Starts the four benchmark subgraphs in this process, plus a control endpoint (GET /stats:
// requests answered and connections accepted per subgraph), and prints one JSON line:
// { subgraphs: {name: url}, control }.
async function main(): Promise<void> {
  const served = await Promise.all(benchSubgraphs.map((definition) => servePrecomputedSubgraph(definition)));
  const control = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(Object.fromEntries(served.map((s) => [s.name, { requests: s.requests(), connections: s.connections() }]))));
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  const port = (control.address() as AddressInfo).port;
  process.stdout.write(
    `${JSON.stringify({ subgraphs: Object.fromEntries(served.map((s) => [s.name, s.url])), control: `http://127.0.0.1:${port}/stats` })}\n`,
  );
  const stop = () => {
    control.close();
    void Promise.all(served.map((s) => s.close())).then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
