// Starts the inventory subgraph on its own. Env: INVENTORY_DATABASE_URL (sqlite:.data/inventory.sqlite),
// INVENTORY_PORT (4003), HOST (127.0.0.1), LOG_LEVEL (info).
import { createLogger } from '../../lib/logger';
import { startInventoryService } from './service';

async function main(): Promise<void> {
  const log = createLogger({ name: 'touchpoint', level: process.env.LOG_LEVEL ?? 'info' });
  const service = await startInventoryService({
    inventoryDatabaseUrl: process.env.INVENTORY_DATABASE_URL ?? 'sqlite:.data/inventory.sqlite',
    port: Number(process.env.INVENTORY_PORT ?? 4003),
    host: process.env.HOST ?? '127.0.0.1',
    log,
  });
  log.info({ endpoint: service.endpoint }, 'inventory subgraph listening');
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
