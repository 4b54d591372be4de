// Many subscribers in one process: `--subscribers N` graphql-ws subscriptions multiplexed over
// `--sockets S` WebSockets (graphql-ws's own client, the `ws` package), to `--url`. Every result is
// timed against the publish time it carries. `--channels K` spreads the subscribers over K channels
// (1: all identical; N: no two alike). A control endpoint lets the runner read and reset counts:
//   GET /status   {"subscribers", "withEvent", "received", "errors", "ended"}
//   POST /reset   forget everything received so far
//   GET /report   the counts, first and last receipt time, latency percentiles (ms)
// Prints `READY <control url>` once every subscription has been sent.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { percentiles } from '../latency';

const SUBSCRIPTION = 'subscription ($channel: String!) { ticked(channel: $channel) { n sentAt item { id name price } } }';

const now = (): number => performance.timeOrigin + performance.now();

function option(name: string, fallback?: string): string {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? process.argv[index + 1] : fallback;
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
}

class Samples {
  private values = new Float64Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
  view(): Float64Array {
    return this.values.subarray(0, this.length);
  }
  clear(): void {
    this.length = 0;
  }
}

async function main(): Promise<void> {
  const url = option('--url').replace(/^http/, 'ws');
  const subscribers = Number(option('--subscribers'));
  const socketCount = Math.min(subscribers, Number(option('--sockets', '250')));
  const channels = Math.max(1, Number(option('--channels', '1')));

  const latencies = new Samples();
  const seen = new Uint8Array(subscribers);
  let withEvent = 0;
  let received = 0;
  let errors = 0;
  let ended = 0;
  let firstAt = 0;
  let lastAt = 0;

  const clients: Client[] = [];
  for (let s = 0; s < socketCount; s++) {
    clients.push(createClient({ url, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, keepAlive: 0, onNonLazyError: () => undefined }));
  }
  for (let i = 0; i < subscribers; i++) {
    const client = clients[i % socketCount];
    client.subscribe<{ ticked: { sentAt: number } }>(
      { query: SUBSCRIPTION, variables: { channel: `channel-${i % channels}` } },
      {
        next: (result) => {
          const at = now();
          if (result.errors || !result.data) {
            errors += 1;
            return;
          }
          received += 1;
          if (firstAt === 0) firstAt = at;
          lastAt = at;
          latencies.push(at - result.data.ticked.sentAt);
          if (seen[i] === 0) {
            seen[i] = 1;
            withEvent += 1;
          }
        },
        error: () => {
          errors += 1;
          ended += 1;
        },
        complete: () => {
          ended += 1;
        },
      },
    );
  }

  const control = createServer((req, res) => {
    const reply = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/status') return reply({ subscribers, withEvent, received, errors, ended });
    if (req.url === '/reset' && req.method === 'POST') {
      latencies.clear();
      received = 0;
      errors = 0;
      firstAt = 0;
      lastAt = 0;
      return reply({ ok: true });
    }
    if (req.url === '/report') {
      return reply({ subscribers, withEvent, received, errors, ended, firstAt, lastAt, latencyMs: percentiles(latencies.view(), [50, 99, 100]) });
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  const stop = () => void Promise.allSettled(clients.map((c) => c.dispose())).finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdout.write(`READY http://127.0.0.1:${(control.address() as AddressInfo).port}\n`);
}

void main();
