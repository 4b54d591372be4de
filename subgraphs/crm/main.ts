// Starts the crm subgraph on its own. Env: CRM_API_URL (http://localhost:4101), CRM_API_KEY,
// HUB_DATABASE_URL (sqlite:.data/hub.sqlite), CRM_PORT (4001), HOST (127.0.0.1), LOG_LEVEL (info),
// HTTP_TIMEOUT_MS (per attempt, 2000).
import { createLogger } from '../../lib/logger';
import { startCrmService } from './service';

async function main(): Promise<void> {
  const log = createLogger({ name: 'touchpoint', level: process.env.LOG_LEVEL ?? 'info' });
  const service = await startCrmService({
    crmApiUrl: process.env.CRM_API_URL ?? 'http://localhost:4101',
    crmApiKey: process.env.CRM_API_KEY || undefined,
    hubDatabaseUrl: process.env.HUB_DATABASE_URL ?? 'sqlite:.data/hub.sqlite',
    port: Number(process.env.CRM_PORT ?? 4001),
    host: process.env.HOST ?? '127.0.0.1',
    httpTimeoutMs: process.env.HTTP_TIMEOUT_MS ? Number(process.env.HTTP_TIMEOUT_MS) : undefined,
    log,
  });
  log.info({ endpoint: service.endpoint }, 'crm subgraph listening');
  const stop = () => {
    service.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
