// Security, contracts and limits as configured by environment variables, as plain data. Parsed
// here from an env object handed in by a main.ts (the gateway's or the hub's), never from process.env.
import { RECOMMENDED_COST_BUDGET } from '../limits/operation-limits';

export interface AuthSettings {
  jwtSecret?: string;
  jwksUrl?: string;
  algorithms: string[];
  issuer?: string[];
  audience?: string[];
  clockSkewSeconds: number;
  /** The public endpoint refuses anonymous callers. */
  requireToken: boolean;
}

export interface SecuritySettings {
  auth: AuthSettings | null;
  /** Shared with the subgraphs; the gateway signs each request's claims with it. */
  claimsSecret?: string;
  /** Which contracts to serve: every one in `contractsDir`, or these. */
  contracts: 'all' | string[];
  contractsDir: string;
  /** Manifest files per contract name: that endpoint runs only their operations. */
  persistedOperations: Record<string, string[]>;
  limits: { maxAliases?: number; maxRootFields?: number; costBudget: number; defaultListSize?: number };
  /** The contract endpoints' cost budget, when it differs from the public one. */
  partnerCostBudget?: number;
  rateLimit: { limit: number; windowMs: number; burst?: number; redisUrl?: string; trustProxy: boolean } | null;
  automaticPersistedQueries: boolean;
}

type Env = Record<string, string | undefined>;

export const SECURITY_ENV_HELP = `Security, contracts and limits (see docs/security.md):
  AUTH_JWT_SECRET          HS256 secret for bearer tokens (at least 32 bytes)
  AUTH_JWKS_URL            JWKS URL of the identity provider (RS256, ES256, ...)
  AUTH_ALGORITHMS          accepted algorithms (default HS256 with a secret, RS256,ES256 with a JWKS URL)
  AUTH_ISSUER, AUTH_AUDIENCE   accepted iss / aud values, comma-separated
  AUTH_CLOCK_SKEW_SECONDS  tolerated clock difference (default 30)
  AUTH_REQUIRED            the public endpoint refuses anonymous callers (default false)
  GATEWAY_CLAIMS_SECRET    secret shared with the subgraphs for the signed claims header
  CONTRACTS                contracts served at /partners/<name>/graphql: all, none or a list
  CONTRACTS_DIR            where <name>.contract.json files are (default schema/contracts)
  PERSISTED_OPERATIONS_<CONTRACT>  manifest files: that contract endpoint runs only their operations
  MAX_ALIASES, MAX_ROOT_FIELDS     per operation (default 30, 20)
  COST_BUDGET, PARTNER_COST_BUDGET estimated cost per operation (default ${RECOMMENDED_COST_BUDGET}; 0 = no budget)
  COST_DEFAULT_LIST_SIZE   assumed size of a list without first: (default 10)
  RATE_LIMIT_MAX, RATE_LIMIT_WINDOW_MS, RATE_LIMIT_BURST   requests per client per window (default: off; window 60000)
  RATE_LIMIT_REDIS_URL     share the rate limit between gateway instances through Redis
  TRUST_PROXY              count anonymous callers by the first X-Forwarded-For address (default false)
  APQ                      automatic persisted queries on the public endpoint (default true)
`;

function list(value: string | undefined): string[] | undefined {
  const items = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return items.length > 0 ? items : undefined;
}

function flag(value: string | undefined, name: string, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(true|1|yes|on)$/i.test(value)) return true;
  if (/^(false|0|no|off)$/i.test(value)) return false;
  throw new Error(`${name} must be true or false, got ${JSON.stringify(value)}`);
}

function whole(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

/** The env key of a contract's manifests: PERSISTED_OPERATIONS_ and the name in upper case, dashes as underscores. */
export function persistedOperationsVariable(contract: string): string {
  return `PERSISTED_OPERATIONS_${contract.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

export function securitySettingsFromEnv(env: Env, defaults: { contractsDir: string; contracts: 'all' | 'none' }): SecuritySettings {
  const jwtSecret = env.AUTH_JWT_SECRET || undefined;
  const jwksUrl = env.AUTH_JWKS_URL || undefined;
  const auth: AuthSettings | null =
    jwtSecret || jwksUrl
      ? {
          jwtSecret,
          jwksUrl,
          algorithms: list(env.AUTH_ALGORITHMS) ?? [...(jwtSecret ? ['HS256'] : []), ...(jwksUrl ? ['RS256', 'ES256'] : [])],
          issuer: list(env.AUTH_ISSUER),
          audience: list(env.AUTH_AUDIENCE),
          clockSkewSeconds: whole(env.AUTH_CLOCK_SKEW_SECONDS, 'AUTH_CLOCK_SKEW_SECONDS') ?? 30,
          requireToken: flag(env.AUTH_REQUIRED, 'AUTH_REQUIRED', false),
        }
      : null;
  if (!auth && flag(env.AUTH_REQUIRED, 'AUTH_REQUIRED', false)) throw new Error('AUTH_REQUIRED needs AUTH_JWT_SECRET or AUTH_JWKS_URL');
  const contractsValue = (env.CONTRACTS ?? defaults.contracts).trim();
  const contracts = contractsValue === 'all' ? 'all' : contractsValue === 'none' || contractsValue === '' ? [] : list(contractsValue) ?? [];
  const persistedOperations: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(env)) {
    const match = /^PERSISTED_OPERATIONS_(.+)$/.exec(key);
    const files = list(value);
    if (match && files) persistedOperations[match[1]] = files;
  }
  const limit = whole(env.RATE_LIMIT_MAX, 'RATE_LIMIT_MAX') ?? 0;
  return {
    auth,
    claimsSecret: env.GATEWAY_CLAIMS_SECRET || undefined,
    contracts,
    contractsDir: env.CONTRACTS_DIR || defaults.contractsDir,
    persistedOperations,
    limits: {
      maxAliases: whole(env.MAX_ALIASES, 'MAX_ALIASES'),
      maxRootFields: whole(env.MAX_ROOT_FIELDS, 'MAX_ROOT_FIELDS'),
      costBudget: whole(env.COST_BUDGET, 'COST_BUDGET') ?? RECOMMENDED_COST_BUDGET,
      defaultListSize: whole(env.COST_DEFAULT_LIST_SIZE, 'COST_DEFAULT_LIST_SIZE'),
    },
    partnerCostBudget: whole(env.PARTNER_COST_BUDGET, 'PARTNER_COST_BUDGET'),
    rateLimit:
      limit > 0
        ? {
            limit,
            windowMs: whole(env.RATE_LIMIT_WINDOW_MS, 'RATE_LIMIT_WINDOW_MS') ?? 60_000,
            burst: whole(env.RATE_LIMIT_BURST, 'RATE_LIMIT_BURST'),
            redisUrl: env.RATE_LIMIT_REDIS_URL || undefined,
            trustProxy: flag(env.TRUST_PROXY, 'TRUST_PROXY', false),
          }
        : null,
    automaticPersistedQueries: flag(env.APQ, 'APQ', true),
  };
}

/** What may be logged about the settings: never a secret. */
export function describeSecurity(settings: SecuritySettings): Record<string, unknown> {
  return {
    auth: settings.auth ? { algorithms: settings.auth.algorithms, jwks: Boolean(settings.auth.jwksUrl), requireToken: settings.auth.requireToken } : 'off',
    signedClaims: Boolean(settings.claimsSecret),
    rateLimit: settings.rateLimit ? { limit: settings.rateLimit.limit, windowMs: settings.rateLimit.windowMs, shared: Boolean(settings.rateLimit.redisUrl) } : 'off',
    costBudget: settings.limits.costBudget,
  };
}
