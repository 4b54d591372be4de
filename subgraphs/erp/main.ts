// Starts the erp subgraph on its own. Env: ERP_DATABASE_URL (sqlite:.data/erp.sqlite),
// HUB_DATABASE_URL (sqlite:.data/hub.sqlite), ERP_PORT (4002), HOST (127.0.0.1), LOG_LEVEL (info),
// EVENT_BUS_URL (redis://... or nats://...; unset: in-process, events stay in this process),
// CHANGE_CAPTURE (on: hear orders written straight into the ERP's database), CHANGE_CAPTURE_INTERVAL_MS (500).
// The process also relays the hub store's outbox (relays in several processes take turns).
import { openEventRuntime } from '../../adapters/events/event-runtime';
import { eventSettingsFromEnv } from '../../adapters/events/event-settings';
import { startErpChangeCapture } from '../../adapters/erp/sql/change-capture/erp-change-capture';
import { createLogger } from '../../lib/logger';
import { startErpService } from './service';
import { runMain, stopOnSignal } from '../../lib/process-lifecycle';

async function main(): Promise<void> {
  const log = createLogger({ name: 'touchpoint', level: process.env.LOG_LEVEL ?? 'info' });
  const settings = eventSettingsFromEnv(process.env);
  const erpDatabaseUrl = process.env.ERP_DATABASE_URL ?? 'sqlite:.data/erp.sqlite';
  const hubDatabaseUrl = process.env.HUB_DATABASE_URL ?? 'sqlite:.data/hub.sqlite';
  const events = await openEventRuntime({ eventBusUrl: settings.eventBusUrl, hubDatabaseUrl, log, outboxIntervalMs: settings.changeCaptureIntervalMs });
  if (!settings.eventBusUrl) log.warn('EVENT_BUS_URL is not set: events stay inside this process');
  let service;
  try {
    service = await startErpService({
      erpDatabaseUrl,
      hubDatabaseUrl,
      port: Number(process.env.ERP_PORT ?? 4002),
      // Shared with the gateway: when set, only requests carrying the claims the gateway signs are served.
      gatewayClaimsSecret: process.env.GATEWAY_CLAIMS_SECRET || undefined,
      // The warehouse database, read for stock by Product.alsoBought and Customer.recommendations (unset: those fields answer an error).
      inventoryDatabaseUrl: process.env.INVENTORY_DATABASE_URL || undefined,
      host: process.env.HOST ?? '127.0.0.1',
      log,
      eventBus: events.bus,
    });
    // After the service, which creates the ERP's tables when they are missing.
    if (settings.changeCapture) {
      const { hub, lease, bus } = events;
      events.add(await startErpChangeCapture({ erpDatabaseUrl, identities: hub.identities, watermarks: hub.watermarks, lease, bus, log, intervalMs: settings.changeCaptureIntervalMs }));
    }
  } catch (error) {
    await service?.close();
    await events.close();
    throw error;
  }
  log.info({ endpoint: service.endpoint, changeCapture: settings.changeCapture }, 'erp subgraph listening');
  const running = service;
  stopOnSignal(async () => {
    await events.stopProducers();
    await running.close();
    await events.close();
  });
}

runMain(main);
