// Starts the shipping subgraph on its own. Env: CARRIER_API_URL (http://localhost:4102),
// CARRIER_API_KEY, SHIPPING_PORT (4004), HOST (127.0.0.1), LOG_LEVEL (info), HTTP_TIMEOUT_MS
// (per attempt, 2000), EVENT_BUS_URL (redis://... or nats://...; unset: in-process, events stay in
// this process).
import { eventSettingsFromEnv } from '../../adapters/events/event-settings';
import { openEventBus } from '../../adapters/events/open-event-bus';
import { createLogger } from '../../lib/logger';
import { startShippingService } from './service';
import { runMain, stopOnSignal } from '../../lib/process-lifecycle';

async function main(): Promise<void> {
  const log = createLogger({ name: 'touchpoint', level: process.env.LOG_LEVEL ?? 'info' });
  const { eventBusUrl } = eventSettingsFromEnv(process.env);
  const bus = await openEventBus(eventBusUrl, { log });
  if (!eventBusUrl) log.warn('EVENT_BUS_URL is not set: events stay inside this process');
  let service;
  try {
    service = await startShippingService({
      carrierApiUrl: process.env.CARRIER_API_URL ?? 'http://localhost:4102',
      carrierApiKey: process.env.CARRIER_API_KEY || undefined,
      port: Number(process.env.SHIPPING_PORT ?? 4004),
      // Shared with the gateway: when set, only requests carrying the claims the gateway signs are served.
      gatewayClaimsSecret: process.env.GATEWAY_CLAIMS_SECRET || undefined,
      host: process.env.HOST ?? '127.0.0.1',
      httpTimeoutMs: process.env.HTTP_TIMEOUT_MS ? Number(process.env.HTTP_TIMEOUT_MS) : undefined,
      log,
      eventBus: bus,
    });
  } catch (error) {
    await bus.close();
    throw error;
  }
  log.info({ endpoint: service.endpoint }, 'shipping subgraph listening');
  const running = service;
  stopOnSignal(async () => {
    await running.close();
    await bus.close();
  });
}

runMain(main);
