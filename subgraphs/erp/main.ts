// Starts the erp subgraph on its own. Env: ERP_DATABASE_URL (sqlite:.data/erp.sqlite),
// HUB_DATABASE_URL (sqlite:.data/hub.sqlite), ERP_PORT (4002), HOST (127.0.0.1), LOG_LEVEL (info).
import { createLogger } from '../../lib/logger';
import { startErpService } from './service';

async function main(): Promise<void> {
  const log = createLogger({ name: 'touchpoint', level: process.env.LOG_LEVEL ?? 'info' });
  const service = await startErpService({
    erpDatabaseUrl: process.env.ERP_DATABASE_URL ?? 'sqlite:.data/erp.sqlite',
    hubDatabaseUrl: process.env.HUB_DATABASE_URL ?? 'sqlite:.data/hub.sqlite',
    port: Number(process.env.ERP_PORT ?? 4002),
    host: process.env.HOST ?? '127.0.0.1',
    log,
  });
  log.info({ endpoint: service.endpoint }, 'erp subgraph listening');
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
