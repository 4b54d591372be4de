// The whole hub in one process ("monolith mode"): demo stand-ins for the HTTP legacy systems, the
// five subgraphs and the gateway. Each can also run on its own (its main.ts); this is for
// development, the demo and the end-to-end tests.
import { readFileSync } from 'node:fs';
import type { Logger } from '../../lib/logger';
import type { StatementObserver } from '../../adapters/sql/database';
import type { HttpClientOptions } from '../../adapters/http/http-client';
import type { RunningService } from '../../subgraphs/shared/running-service';
import { startCrmStandIn } from '../../demo/standins/crm/crm-standin';
import { startCarrierStandIn } from '../../demo/standins/carrier/carrier-standin';
import type { StandInHandle } from '../../demo/standins/shared/standin-server';
import { startCrmService } from '../../subgraphs/crm/service';
import { startErpService } from '../../subgraphs/erp/service';
import { startInventoryService } from '../../subgraphs/inventory/service';
import { startShippingService } from '../../subgraphs/shipping/service';
import { startSocialService } from '../../subgraphs/social/service';
import { startGateway, type GatewayService } from '../../gateway/service';
import { securityOptions } from '../../gateway/auth/security-options';
import type { ExecutorFactory } from '../../gateway/execution/operation-executor';
import { prepareDemoStores } from './prepare-demo-stores';
import { generateDemoDataset, type DemoDataset } from '../../demo/data/demo-dataset';
import type { HubConfig } from './hub-config';
import { openEventRuntime, type EventRuntime } from '../../adapters/events/event-runtime';
import { startHubChangeCapture } from './start-change-capture';

export interface HubHooks {
  /** Sees every SQL statement of every subgraph (for counting). */
  statementObserver?: StatementObserver;
  /** Sees every HTTP attempt to the legacy HTTP systems (for counting). */
  onHttpAttempt?: HttpClientOptions['onAttempt'];
  executor?: ExecutorFactory;
  /** The demo world to seed and serve from the stand-ins (tests use a smaller one). */
  dataset?: DemoDataset;
}

export interface RunningHub {
  gateway: GatewayService;
  subgraphs: Record<'crm' | 'erp' | 'inventory' | 'shipping' | 'social', RunningService>;
  standIns: { crm: StandInHandle | null; carrier: StandInHandle | null };
  /** The bus every service of this hub shares (in-process unless config.eventBusUrl), the outbox relay, change capture. */
  events: EventRuntime;
  close(): Promise<void>;
}

export async function startHub(config: HubConfig, log: Logger, hooks: HubHooks = {}): Promise<RunningHub> {
  const started: RunningService[] = [];
  const track = <T extends RunningService>(service: T): T => {
    started.push(service);
    return service;
  };
  let events: EventRuntime | null = null;
  const closeAll = async () => {
    // What raises events first, then the gateway, the subgraphs and what they call, the bus last.
    await events?.stopProducers();
    for (const service of [...started].reverse()) await service.close().catch((err) => log.error({ err, service: service.name }, 'close failed'));
    await events?.close();
  };

  try {
    const dataset = hooks.dataset ?? generateDemoDataset();
    if (config.seedDemoData) await prepareDemoStores(config.databases, log, dataset);
    const { host, ports } = config;
    const intervalMs = config.changeCaptureIntervalMs;
    // Not observed by the hooks: the pollers' statements and HTTP calls would blur the counts.
    events = await openEventRuntime({ eventBusUrl: config.eventBusUrl, hubDatabaseUrl: config.databases.hub, log, outboxIntervalMs: intervalMs });
    const eventBus = events.bus;

    const crmStandIn = config.crmApiUrl ? null : track(await startCrmStandIn({ port: ports.crmStandIn, host, dataset, apiKey: config.crmApiKey ?? undefined, log }));
    const carrierStandIn = config.carrierApiUrl ? null : track(await startCarrierStandIn({ port: ports.carrierStandIn, host, dataset, apiKey: config.carrierApiKey ?? undefined, log }));
    const crmApiUrl = config.crmApiUrl ?? crmStandIn!.url;
    const carrierApiUrl = config.carrierApiUrl ?? carrierStandIn!.url;

    const { statementObserver, onHttpAttempt } = hooks;
    const gatewayClaimsSecret = config.security?.claimsSecret;
    const [crm, erp, inventory, shipping, social] = await Promise.all([
      startCrmService({ crmApiUrl, crmApiKey: config.crmApiKey ?? undefined, hubDatabaseUrl: config.databases.hub, port: ports.crm, host, log, onHttpAttempt, statementObserver, eventBus, gatewayClaimsSecret }).then(track),
      startErpService({ erpDatabaseUrl: config.databases.erp, hubDatabaseUrl: config.databases.hub, inventoryDatabaseUrl: config.databases.inventory, port: ports.erp, host, log, statementObserver, eventBus, gatewayClaimsSecret }).then(track),
      startInventoryService({ inventoryDatabaseUrl: config.databases.inventory, port: ports.inventory, host, log, statementObserver, eventBus, gatewayClaimsSecret }).then(track),
      startShippingService({ carrierApiUrl, carrierApiKey: config.carrierApiKey ?? undefined, port: ports.shipping, host, log, onHttpAttempt, eventBus, gatewayClaimsSecret }).then(track),
      startSocialService({ socialDatabaseUrl: config.databases.social, hubDatabaseUrl: config.databases.hub, webhookSecret: config.socialWebhookSecret, port: ports.social, host, log, statementObserver, eventBus, gatewayClaimsSecret }).then(track),
    ]);
    // After the services: they create the legacy tables the change triggers are put on.
    if (config.changeCapture ?? true) {
      await startHubChangeCapture(events, { databases: config.databases, crmApiUrl, crmApiKey: config.crmApiKey ?? undefined, intervalMs, log });
    }

    const gateway = track(
      await startGateway({
        supergraphSdl: readFileSync(config.supergraphPath, 'utf8'),
        // The supergraph names the default ports; point the gateway at the ports actually bound.
        subgraphUrls: { crm: crm.endpoint, erp: erp.endpoint, inventory: inventory.endpoint, shipping: shipping.endpoint, social: social.endpoint },
        port: config.gatewayPort,
        host,
        log,
        graphiql: config.graphiql,
        introspection: config.introspection,
        cors: config.corsOrigins,
        ...(hooks.executor ? { executor: hooks.executor } : {}),
        ...(config.security ? securityOptions(config.security, log) : {}),
        ...(config.subscriptions ? { subscriptions: config.subscriptions } : {}),
      }),
    );

    return { gateway, subgraphs: { crm, erp, inventory, shipping, social }, standIns: { crm: crmStandIn, carrier: carrierStandIn }, events, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
