// Starts the crm subgraph on its own. Env: CRM_API_URL (http://localhost:4101), CRM_API_KEY,
// HUB_DATABASE_URL (sqlite:.data/hub.sqlite), CRM_PORT (4001), HOST (127.0.0.1), LOG_LEVEL (info),
// HTTP_TIMEOUT_MS (per attempt, 2000), EVENT_BUS_URL (redis://... or nats://...; unset:
// in-process, events stay in this process), CHANGE_CAPTURE (on: poll the CRM's activity change
// feed for new interactions), CHANGE_CAPTURE_INTERVAL_MS (500).
// The process also relays the hub store's outbox (relays in several processes take turns).
import { startCrmInteractionFeed } from '../../adapters/crm/http/change-feed/crm-interaction-feed';
import { openEventRuntime } from '../../adapters/events/event-runtime';
import { eventSettingsFromEnv } from '../../adapters/events/event-settings';
import { createLogger } from '../../lib/logger';
import { startCrmService } from './service';
import { runMain, stopOnSignal } from '../../lib/process-lifecycle';

async function main(): Promise<void> {
  const log = createLogger({ name: 'touchpoint', level: process.env.LOG_LEVEL ?? 'info' });
  const settings = eventSettingsFromEnv(process.env);
  const crmApiUrl = process.env.CRM_API_URL ?? 'http://localhost:4101';
  const crmApiKey = process.env.CRM_API_KEY || undefined;
  const httpTimeoutMs = process.env.HTTP_TIMEOUT_MS ? Number(process.env.HTTP_TIMEOUT_MS) : undefined;
  const hubDatabaseUrl = process.env.HUB_DATABASE_URL ?? 'sqlite:.data/hub.sqlite';
  const events = await openEventRuntime({ eventBusUrl: settings.eventBusUrl, hubDatabaseUrl, log, outboxIntervalMs: settings.changeCaptureIntervalMs });
  if (!settings.eventBusUrl) log.warn('EVENT_BUS_URL is not set: events stay inside this process');
  let service;
  try {
    service = await startCrmService({
      crmApiUrl,
      crmApiKey,
      hubDatabaseUrl,
      port: Number(process.env.CRM_PORT ?? 4001),
      // Shared with the gateway: when set, only requests carrying the claims the gateway signs are served.
      gatewayClaimsSecret: process.env.GATEWAY_CLAIMS_SECRET || undefined,
      host: process.env.HOST ?? '127.0.0.1',
      httpTimeoutMs,
      log,
      eventBus: events.bus,
    });
    if (settings.changeCapture) {
      const { hub, lease, bus } = events;
      events.add(startCrmInteractionFeed({ crmApiUrl, crmApiKey, httpTimeoutMs, watermarks: hub.watermarks, lease, bus, log, intervalMs: settings.changeCaptureIntervalMs }));
    }
  } catch (error) {
    await service?.close();
    await events.close();
    throw error;
  }
  log.info({ endpoint: service.endpoint, changeCapture: settings.changeCapture }, 'crm subgraph listening');
  const running = service;
  stopOnSignal(async () => {
    await events.stopProducers();
    await running.close();
    await events.close();
  });
}

runMain(main);
