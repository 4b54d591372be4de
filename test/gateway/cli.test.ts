// `npm run gateway -- --supergraph <file> --port <port>`: the gateway alone, as its own process,
// configured by flags and environment variables, stopping cleanly on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseGatewayConfig } from '../../gateway/cli-config';
import { postGraphQL } from './support/gateway-client';
import { composeSupergraph, startFixtureWorld, type FixtureWorld } from './support/fixture-subgraphs';

const root = resolve(__dirname, '..', '..');

interface Started {
  child: ChildProcess;
  url: string;
  lines: Array<Record<string, unknown>>;
}

function runGateway(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'gateway/main.ts', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Waits for the log line announcing the gateway's URL. */
function whenReady(child: ChildProcess): Promise<Started> {
  const lines: Array<Record<string, unknown>> = [];
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start: ${stderr}`)), 30_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      lines.push(entry);
      if (typeof entry.url === 'string' && String(entry.msg).includes('ready')) {
        clearTimeout(timer);
        resolvePromise({ child, url: entry.url, lines });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited with ${code}: ${stderr}`));
    });
  });
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  return new Promise((resolvePromise) => child.once('exit', (code) => resolvePromise({ code, stderr })));
}

describe('the gateway command', () => {
  let world: FixtureWorld;
  let dir: string;
  let supergraphPath: string;

  beforeAll(async () => {
    world = await startFixtureWorld();
    dir = mkdtempSync(join(tmpdir(), 'tp-gateway-cli-'));
    supergraphPath = join(dir, 'supergraph.graphql');
    // Routing URLs for another environment: the products URL comes from SUBGRAPH_URL_PRODUCTS.
    writeFileSync(
      supergraphPath,
      composeSupergraph([
        { name: 'accounts', url: world.accounts.endpoint, typeDefs: world.accounts.typeDefs },
        { name: 'products', url: 'http://products.internal.invalid/graphql', typeDefs: world.products.typeDefs },
        { name: 'reviews', url: world.reviews.endpoint, typeDefs: world.reviews.typeDefs },
      ]),
    );
  });
  afterAll(async () => {
    await world?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves a supergraph file on the port asked for, and stops cleanly on SIGTERM', async () => {
    const child = runGateway(['--supergraph', supergraphPath, '--port', '0'], {
      HOST: '127.0.0.1',
      SUBGRAPH_URL_PRODUCTS: world.products.endpoint,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
    });
    const exited = exitOf(child);
    const { url, lines } = await whenReady(child);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);

    const { status, body, headers } = await postGraphQL(fetch, url, { query: '{ topProducts { name reviews { author { name } } } }' }, { 'x-request-id': 'cli-1' });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { topProducts: [{ name: 'Keyboard', reviews: [{ author: { name: 'Ada' } }] }, { name: 'Mouse', reviews: [{ author: { name: 'Grace' } }, { author: { name: 'Ada' } }] }] } });
    expect(headers.get('x-request-id')).toBe('cli-1');

    // NODE_ENV=production turns GraphiQL and introspection off unless they are set.
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
    const introspection = await postGraphQL(fetch, url, { query: '{ __schema { queryType { name } } }' });
    expect(introspection.status).toBe(400);

    child.kill('SIGTERM');
    const { code } = await exited;
    expect(code).toBe(0);
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['graphql operation', 'stopping the gateway', 'gateway stopped']));
  });

  it('exits with a clear message when the configuration is wrong', async () => {
    const typo = await exitOf(runGateway(['--supergraph', supergraphPath, '--port', '0'], { HOST: '127.0.0.1', SUBGRAPH_URL_PRODUKTS: 'http://127.0.0.1:1/graphql' }));
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('URL override for unknown subgraph "PRODUKTS"');

    const missing = await exitOf(runGateway(['--supergraph', join(dir, 'nope.graphql')], {}));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read the supergraph');
  });
});

describe('gateway configuration from flags and environment', () => {
  const fallback = '/repo/schema/supergraph.graphql';

  it('has defaults for a developer machine', () => {
    expect(parseGatewayConfig([], {}, fallback)).toEqual({
      supergraphPath: fallback,
      port: 4000,
      host: '0.0.0.0',
      subgraphUrls: {},
      graphiql: true,
      introspection: true,
      cors: false,
      logLevel: 'info',
      executor: 'touchpoint',
      maxDepth: undefined,
      maxTokens: undefined,
      subgraphTimeoutMs: undefined,
    });
  });

  it('reads the environment, and flags win over it', () => {
    const config = parseGatewayConfig(['--supergraph=/tmp/a.graphql', '--port', '4100'], {
      SUPERGRAPH_PATH: '/tmp/b.graphql',
      GATEWAY_PORT: '4200',
      SUBGRAPH_URL_ERP: 'http://erp:4002/graphql',
      SUBGRAPH_URL_INVENTORY_V2: 'http://inventory:4003/graphql',
      CORS_ORIGINS: 'https://shop.example.com, https://desk.example.com',
      NODE_ENV: 'production',
      GRAPHIQL: 'true',
      GATEWAY_EXECUTOR: 'touchpoint',
      GATEWAY_MAX_DEPTH: '10',
    }, fallback);
    expect(config).toMatchObject({
      supergraphPath: '/tmp/a.graphql',
      port: 4100,
      subgraphUrls: { ERP: 'http://erp:4002/graphql', INVENTORY_V2: 'http://inventory:4003/graphql' },
      cors: ['https://shop.example.com', 'https://desk.example.com'],
      graphiql: true,
      introspection: false,
      executor: 'touchpoint',
      maxDepth: 10,
    });
  });

  it('refuses values it cannot understand', () => {
    expect(() => parseGatewayConfig(['--prot', '4000'], {}, fallback)).toThrow('unknown argument "--prot"');
    expect(() => parseGatewayConfig([], { GATEWAY_PORT: 'four' }, fallback)).toThrow('GATEWAY_PORT must be a whole number, got "four"');
    expect(() => parseGatewayConfig([], { INTROSPECTION: 'maybe' }, fallback)).toThrow('INTROSPECTION must be true or false');
  });
});
