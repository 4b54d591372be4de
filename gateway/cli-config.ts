import type { CorsSetting } from './cors';
import type { SubgraphUrlOverrides } from './execution/operation-executor';

/** Everything `gateway/main.ts` needs, read from argv and the environment (by main.ts only). */
export interface GatewayCliConfig {
  supergraphPath: string;
  port: number;
  host: string;
  subgraphUrls: SubgraphUrlOverrides;
  graphiql: boolean;
  introspection: boolean;
  cors: CorsSetting;
  logLevel: string;
  executor: string;
  maxDepth?: number;
  maxTokens?: number;
  subgraphTimeoutMs?: number;
  /** Prometheus metrics at /metrics (METRICS; unset: the gateway's default, on). */
  metrics?: boolean;
  /** Watch the supergraph file and serve each valid new version (SUPERGRAPH_WATCH). */
  supergraphWatch?: boolean;
  /** Take the supergraph from this URL and poll it (SUPERGRAPH_URL, every SUPERGRAPH_POLL_MS). */
  supergraphUrl?: string;
  supergraphPollMs?: number;
}

export const GATEWAY_USAGE = `Usage: npm run gateway -- [--supergraph <file>] [--port <port>] [--host <host>]

Environment (flags win over variables):
  SUPERGRAPH_PATH          supergraph SDL file (default: schema/supergraph.graphql)
  GATEWAY_PORT             port, 0 for a free one (default 4000)
  HOST                     interface to listen on (default 0.0.0.0)
  SUBGRAPH_URL_<NAME>      URL of subgraph <name>, e.g. SUBGRAPH_URL_ERP=http://erp:4002/graphql
  GRAPHIQL, INTROSPECTION  true/false (default true; false when NODE_ENV=production)
  CORS_ORIGINS             comma-separated allowed origins, * for any (default: none)
  LOG_LEVEL                pino level (default info)
  GATEWAY_EXECUTOR         which engine runs operations: touchpoint (default) or apollo (no subscriptions)
  GATEWAY_MAX_DEPTH, GATEWAY_MAX_TOKENS, SUBGRAPH_TIMEOUT_MS   limits
  METRICS                  Prometheus metrics at GET /metrics: true/false (default true)
  SUPERGRAPH_WATCH         true: serve each new version of the supergraph file without a restart (default false)
  SUPERGRAPH_URL           take the supergraph from this URL instead of a file, and poll it for new versions
  SUPERGRAPH_POLL_MS       how often SUPERGRAPH_URL is polled (default 10000)
`;

type Env = Record<string, string | undefined>;

function flag(value: string | undefined, name: string, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(true|1|yes|on)$/i.test(value)) return true;
  if (/^(false|0|no|off)$/i.test(value)) return false;
  throw new Error(`${name} must be true or false, got ${JSON.stringify(value)}`);
}

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

function readArgs(argv: ReadonlyArray<string>): Record<string, string> {
  const known = new Set(['supergraph', 'port', 'host']);
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match || !known.has(match[1])) throw new Error(`unknown argument ${JSON.stringify(argv[i])}\n\n${GATEWAY_USAGE}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${match[1]} needs a value`);
    args[match[1]] = value;
  }
  return args;
}

/** Parses the gateway's command line and environment; throws with a clear message on a mistake. */
export function parseGatewayConfig(argv: ReadonlyArray<string>, env: Env, defaultSupergraphPath: string): GatewayCliConfig {
  const args = readArgs(argv);
  const production = env.NODE_ENV === 'production';
  const port = integer(args.port ?? env.GATEWAY_PORT, args.port ? '--port' : 'GATEWAY_PORT') ?? 4000;
  if (port > 65535) throw new Error(`port ${port} is out of range`);
  const subgraphUrls: SubgraphUrlOverrides = {};
  for (const [key, value] of Object.entries(env)) {
    const match = /^SUBGRAPH_URL_(.+)$/.exec(key);
    if (match && value) subgraphUrls[match[1]] = value;
  }
  const origins = (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  return {
    supergraphPath: args.supergraph ?? env.SUPERGRAPH_PATH ?? defaultSupergraphPath,
    port,
    host: args.host ?? env.HOST ?? '0.0.0.0',
    subgraphUrls,
    graphiql: flag(env.GRAPHIQL, 'GRAPHIQL', !production),
    introspection: flag(env.INTROSPECTION, 'INTROSPECTION', !production),
    cors: origins.length > 0 ? origins : false,
    logLevel: env.LOG_LEVEL || 'info',
    executor: env.GATEWAY_EXECUTOR || 'touchpoint',
    maxDepth: integer(env.GATEWAY_MAX_DEPTH, 'GATEWAY_MAX_DEPTH'),
    maxTokens: integer(env.GATEWAY_MAX_TOKENS, 'GATEWAY_MAX_TOKENS'),
    subgraphTimeoutMs: integer(env.SUBGRAPH_TIMEOUT_MS, 'SUBGRAPH_TIMEOUT_MS'),
    metrics: env.METRICS ? flag(env.METRICS, 'METRICS', true) : undefined,
    supergraphWatch: env.SUPERGRAPH_WATCH ? flag(env.SUPERGRAPH_WATCH, 'SUPERGRAPH_WATCH', false) : undefined,
    supergraphUrl: env.SUPERGRAPH_URL || undefined,
    supergraphPollMs: integer(env.SUPERGRAPH_POLL_MS, 'SUPERGRAPH_POLL_MS'),
  };
}
