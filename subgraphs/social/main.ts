// Starts the social subgraph on its own. Env: SOCIAL_DATABASE_URL (sqlite:.data/social.sqlite),
// HUB_DATABASE_URL (sqlite:.data/hub.sqlite), SOCIAL_WEBHOOK_SECRET (required in production; a
// fixed demo secret otherwise), SOCIAL_PORT (4005), HOST (127.0.0.1), LOG_LEVEL (info),
// EVENT_BUS_URL (redis://... or nats://...; unset: in-process, events stay in this process),
// CHANGE_CAPTURE_INTERVAL_MS (500: how often the outbox is relayed).
// The process also relays the hub store's outbox (relays in several processes take turns).
import { openEventRuntime } from '../../adapters/events/event-runtime';
import { eventSettingsFromEnv } from '../../adapters/events/event-settings';
import { createLogger } from '../../lib/logger';
import { DEMO_WEBHOOK_SECRET } from './demo-webhook-secret';
import { startSocialService } from './service';
import { runMain, stopOnSignal } from '../../lib/process-lifecycle';

async function main(): Promise<void> {
  const log = createLogger({ name: 'touchpoint', level: process.env.LOG_LEVEL ?? 'info' });
  let webhookSecret = process.env.SOCIAL_WEBHOOK_SECRET ?? '';
  if (!webhookSecret) {
    if (process.env.NODE_ENV === 'production') throw new Error('SOCIAL_WEBHOOK_SECRET must be set in production');
    log.warn('SOCIAL_WEBHOOK_SECRET is not set: the mention webhook accepts the public demo secret');
    webhookSecret = DEMO_WEBHOOK_SECRET;
  }
  const settings = eventSettingsFromEnv(process.env);
  const hubDatabaseUrl = process.env.HUB_DATABASE_URL ?? 'sqlite:.data/hub.sqlite';
  const events = await openEventRuntime({ eventBusUrl: settings.eventBusUrl, hubDatabaseUrl, log, outboxIntervalMs: settings.changeCaptureIntervalMs });
  if (!settings.eventBusUrl) log.warn('EVENT_BUS_URL is not set: events stay inside this process');
  let service;
  try {
    service = await startSocialService({
      socialDatabaseUrl: process.env.SOCIAL_DATABASE_URL ?? 'sqlite:.data/social.sqlite',
      hubDatabaseUrl,
      webhookSecret,
      port: Number(process.env.SOCIAL_PORT ?? 4005),
      // Shared with the gateway: when set, only requests carrying the claims the gateway signs are served.
      gatewayClaimsSecret: process.env.GATEWAY_CLAIMS_SECRET || undefined,
      host: process.env.HOST ?? '127.0.0.1',
      log,
      eventBus: events.bus,
    });
  } catch (error) {
    await events.close();
    throw error;
  }
  log.info({ endpoint: service.endpoint, webhook: `${service.url}/webhooks/mentions` }, 'social subgraph listening');
  const running = service;
  stopOnSignal(async () => {
    await events.stopProducers();
    await running.close();
    await events.close();
  });
}

runMain(main);
