// Starts the demo carrier stand-in on its own. Env: CARRIER_STANDIN_PORT (4102), HOST (127.0.0.1),
// CARRIER_STANDIN_API_KEY (falls back to CARRIER_API_KEY; no key means open access), LOG_LEVEL.
import { createLogger } from '../../../lib/logger';
import { startCarrierStandIn } from './carrier-standin';
import { runMain, stopOnSignal } from '../../../lib/process-lifecycle';

async function main(): Promise<void> {
  const log = createLogger({ name: 'carrier-standin', level: process.env.LOG_LEVEL ?? 'info' });
  const service = await startCarrierStandIn({
    port: Number(process.env.CARRIER_STANDIN_PORT ?? 4102),
    host: process.env.HOST ?? '127.0.0.1',
    apiKey: process.env.CARRIER_STANDIN_API_KEY ?? process.env.CARRIER_API_KEY ?? undefined,
    log,
  });
  log.info({ url: service.url }, 'demo carrier stand-in listening');
  stopOnSignal(() => service.close());
}

runMain(main);
