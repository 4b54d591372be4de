// The benchmark's subgraphs in one process, and a control endpoint the runner publishes through:
//   POST /emit {"count": 20, "intervalMs": 50}   publishes `count` ticks, `intervalMs` apart (0: at once)
//   GET  /stats                                  {"active": <upstream subscriptions open>}
// Prints one JSON line when ready: {"ticker": url, "catalog": url, "control": url}.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startLiveSubgraphs } from './live-subgraphs';

async function main(): Promise<void> {
  const subgraphs = await startLiveSubgraphs();
  const control = createServer((req, res) => {
    const reply = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && req.url === '/stats') return reply({ active: subgraphs.activeSubscriptions() });
    if (req.method === 'POST' && req.url === '/emit') {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString()));
      req.on('end', async () => {
        const { count = 1, intervalMs = 0 } = JSON.parse(text || '{}') as { count?: number; intervalMs?: number };
        for (let i = 0; i < count; i++) {
          subgraphs.emit();
          if (intervalMs > 0 && i < count - 1) await new Promise((resolve) => setTimeout(resolve, intervalMs));
          // A burst still yields now and then, so that the subgraph sends what it has published.
          else if (i % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
        }
        reply({ emitted: count });
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  const stop = () => void subgraphs.close().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdout.write(`${JSON.stringify({ ticker: subgraphs.tickerUrl, catalog: subgraphs.catalogUrl, control: `http://127.0.0.1:${(control.address() as AddressInfo).port}` })}\n`);
}

void main();
