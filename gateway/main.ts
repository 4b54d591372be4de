// The gateway on its own: `npm run gateway -- --supergraph <file> --port <port>`.
// The only gateway file that reads the environment and the command line.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createLogger } from '../lib/logger';
import { securityOptions } from './auth/security-options';
import { describeSecurity, SECURITY_ENV_HELP, securitySettingsFromEnv } from './auth/security-settings';
import { GATEWAY_USAGE, parseGatewayConfig } from './cli-config';
import { executorByName } from './execution/executors';
import { OVERRIDE_USAGE, overrideSettingsFromEnv, SHADOW_USAGE, shadowSettingsFromEnv } from './override/override-settings';
import { startGateway, type SupergraphUpdates } from './service';
import { fetchSupergraph } from './supergraph/supergraph-source';
import { SUBSCRIPTION_USAGE, subscriptionSettingsFromEnv } from './subscriptions/subscription-settings';

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(`${GATEWAY_USAGE}\n${SECURITY_ENV_HELP}\n${SUBSCRIPTION_USAGE}\n${OVERRIDE_USAGE}\n${SHADOW_USAGE}`);
    return;
  }
  const defaultSupergraphPath = join(__dirname, '..', 'schema', 'supergraph.graphql');
  const config = parseGatewayConfig(process.argv.slice(2), process.env, defaultSupergraphPath);
  // Touchpoint's own contracts are served with Touchpoint's supergraph; another supergraph gets none unless CONTRACTS names them.
  const security = securitySettingsFromEnv(process.env, {
    contractsDir: join(dirname(defaultSupergraphPath), 'contracts'),
    contracts: !config.supergraphUrl && resolve(config.supergraphPath) === defaultSupergraphPath ? 'all' : 'none',
  });
  const log = createLogger({ name: 'gateway', level: config.logLevel });
  const supergraphPath = resolve(config.supergraphPath);
  let supergraphSdl: string;
  try {
    supergraphSdl = config.supergraphUrl ? await fetchSupergraph(config.supergraphUrl) : readFileSync(supergraphPath, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the supergraph ${config.supergraphUrl ?? supergraphPath}: ${(error as Error).message}`);
  }
  const supergraphUpdates: SupergraphUpdates | undefined = config.supergraphUrl
    ? { url: config.supergraphUrl, pollMs: config.supergraphPollMs }
    : config.supergraphWatch ? { file: supergraphPath } : undefined;
  const service = await startGateway({
    supergraphSdl,
    subgraphUrls: config.subgraphUrls,
    port: config.port,
    host: config.host,
    log,
    graphiql: config.graphiql,
    introspection: config.introspection,
    cors: config.cors,
    maxDepth: config.maxDepth,
    maxTokens: config.maxTokens,
    subgraphTimeoutMs: config.subgraphTimeoutMs,
    metrics: config.metrics,
    progressiveOverride: overrideSettingsFromEnv(process.env),
    shadowComparison: shadowSettingsFromEnv(process.env),
    supergraphUpdates,
    executor: executorByName(config.executor),
    subscriptions: subscriptionSettingsFromEnv(process.env),
    ...securityOptions(security, log),
  });
  log.info(
    { url: service.endpoint, supergraph: config.supergraphUrl ?? supergraphPath, supergraphUpdates: supergraphUpdates ? ('url' in supergraphUpdates ? 'poll' : 'watch') : 'none', subgraphs: Object.fromEntries(service.gateway.subgraphs.map((s) => [s.name, s.url])), executor: config.executor, contracts: service.gateway.contracts.map((c) => c.path), security: describeSecurity(security) },
    `Touchpoint gateway ready at ${service.endpoint}`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'stopping the gateway');
    service.close().then(
      () => {
        log.info('gateway stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'gateway did not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`gateway: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
