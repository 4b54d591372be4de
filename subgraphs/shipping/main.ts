// Starts the shipping subgraph on its own. Env: CARRIER_API_URL (http://localhost:4102),
// CARRIER_API_KEY, SHIPPING_PORT (4004), HOST (127.0.0.1), LOG_LEVEL (info), HTTP_TIMEOUT_MS
// (per attempt, 2000).
import { createLogger } from '../../lib/logger';
import { startShippingService } from './service';

async function main(): Promise<void> {
  const log = createLogger({ name: 'touchpoint', level: process.env.LOG_LEVEL ?? 'info' });
  const service = await startShippingService({
    carrierApiUrl: process.env.CARRIER_API_URL ?? 'http://localhost:4102',
    carrierApiKey: process.env.CARRIER_API_KEY || undefined,
    port: Number(process.env.SHIPPING_PORT ?? 4004),
    host: process.env.HOST ?? '127.0.0.1',
    httpTimeoutMs: process.env.HTTP_TIMEOUT_MS ? Number(process.env.HTTP_TIMEOUT_MS) : undefined,
    log,
  });
  log.info({ endpoint: service.endpoint }, 'shipping subgraph listening');
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
