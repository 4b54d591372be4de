import type { Logger } from '../../lib/logger';
import type { ContractEndpointOptions, GatewayOptions } from '../create-gateway';
import { readContractConfigs, selectContracts } from '../contracts/contract-config';
import { createMemoryRateLimiter } from '../limits/memory-rate-limiter';
import { createRedisRateLimiter } from '../limits/redis-rate-limiter';
import { loadPersistedDocuments } from '../persisted/persisted-documents';
import { createBearerAuthenticator } from './authenticator';
import { createJwtVerifier } from './jwt/jwt-verifier';
import { persistedOperationsVariable, type SecuritySettings } from './security-settings';

type SecurityOptions = Pick<GatewayOptions, 'auth' | 'claimsSecret' | 'contracts' | 'limits' | 'rateLimit' | 'automaticPersistedQueries'>;

/**
 * Turns settings into gateway options: the authenticator, the contracts with their allow-lists,
 * limits and the rate limiter (in Redis when a URL is given; the gateway closes it).
 */
export function securityOptions(settings: SecuritySettings, log: Logger): SecurityOptions {
  const auth = settings.auth
    ? {
        authenticator: createBearerAuthenticator(
          createJwtVerifier({
            secret: settings.auth.jwtSecret,
            jwks: settings.auth.jwksUrl,
            algorithms: settings.auth.algorithms,
            issuer: settings.auth.issuer,
            audience: settings.auth.audience,
            clockSkewSeconds: settings.auth.clockSkewSeconds,
          }),
        ),
        requireToken: settings.auth.requireToken,
      }
    : undefined;

  const wanted = settings.contracts === 'all' || settings.contracts.length > 0 ? selectContracts(readContractConfigs(settings.contractsDir), settings.contracts) : [];
  const served = new Set(wanted.map((c) => persistedOperationsVariable(c.name).slice('PERSISTED_OPERATIONS_'.length)));
  const unknown = Object.keys(settings.persistedOperations).filter((key) => !served.has(key));
  if (unknown.length > 0) throw new Error(`persisted operations given for contracts not served: ${unknown.map((k) => `PERSISTED_OPERATIONS_${k}`).join(', ')}`);
  const contracts: ContractEndpointOptions[] = wanted.map((config) => {
    const files = settings.persistedOperations[persistedOperationsVariable(config.name).slice('PERSISTED_OPERATIONS_'.length)];
    return {
      config,
      ...(files ? { persistedDocuments: loadPersistedDocuments(files) } : {}),
      ...(settings.partnerCostBudget !== undefined ? { limits: { costBudget: settings.partnerCostBudget } } : {}),
    };
  });

  const rate = settings.rateLimit;
  const rateLimit = rate
    ? {
        limiter: rate.redisUrl
          ? createRedisRateLimiter({ url: rate.redisUrl, limit: rate.limit, windowMs: rate.windowMs, burst: rate.burst, log })
          : createMemoryRateLimiter({ limit: rate.limit, windowMs: rate.windowMs, burst: rate.burst }),
        trustProxy: rate.trustProxy,
      }
    : undefined;

  const limits = Object.fromEntries(
    Object.entries({
      maxAliases: settings.limits.maxAliases,
      maxRootFields: settings.limits.maxRootFields,
      costBudget: settings.limits.costBudget,
      cost: settings.limits.defaultListSize !== undefined ? { defaultListSize: settings.limits.defaultListSize } : undefined,
    }).filter(([, v]) => v !== undefined),
  );
  return { auth, claimsSecret: settings.claimsSecret, contracts, limits, rateLimit, automaticPersistedQueries: settings.automaticPersistedQueries };
}
