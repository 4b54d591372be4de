// Starts the erp subgraph: the legacy ERP database through its SQL adapter, customer identities
// (CRM id <-> ERP account numbers) from the hub store; queries over HTTP, subscriptions over
// graphql-ws (WebSocket) and SSE, fed by the hub's event bus.
import type { EventBus } from '../../adapters/events/event-bus-port';
import type { ErpPort } from '../../adapters/erp/erp-port';
import { openErpSql, type ErpSqlConnection } from '../../adapters/erp/sql/open-erp-sql';
import { openHubStore } from '../../adapters/hub/sql/hub-sql-store';
import type { StatementObserver } from '../../adapters/sql/database';
import type { Logger } from '../../lib/logger';
import { createSubgraphServer } from '../shared/create-subgraph-server';
import { claimsVerifierFor } from '../shared/gateway-claims';
import { withErpRowRules } from './authorization/erp-row-rules';
import { graphqlWsAttachment } from '../shared/graphql-ws-server';
import { listen } from '../shared/listen';
import { ServiceEventBus } from '../shared/service-event-bus';
import type { RunningService } from '../shared/running-service';
import type { ErpContext } from './context';
import { createErpLoaders } from './loaders';
import { buildErpSchema } from './schema';
import { openRecommendations } from './recommendations';
import type { RecommendationsPort } from '../../adapters/erp/recommendations/recommendations-port';
import { ResourceStack } from '../shared/resource-stack';

/** Where the ERP is: a database URL for the built-in SQL adapter, or an adapter of your own. */
export type ErpSource =
  | {
      /** The ERP's database: `sqlite:<file>` or `mysql://...`. */
      erpDatabaseUrl: string;
      erp?: undefined;
    }
  | {
      /** An already-opened ErpPort (your own adapter); the caller keeps ownership and closes it. */
      erp: ErpPort;
      erpDatabaseUrl?: undefined;
    };

export type ErpServiceOptions = ErpSource & {
  /** The hub store (identity links): `sqlite:<file>` or `mysql://...`. */
  hubDatabaseUrl: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  log: Logger;
  /** Observes every SQL statement on the ERP and hub databases (for counting statements). */
  statementObserver?: StatementObserver;
  /** Create the ERP's legacy tables when missing (default true; turn off against a real ERP). */
  migrateErp?: boolean;
  /** The hub's event bus (order.updated); default: an in-process bus of this service's own. */
  eventBus?: EventBus;
  /** Secret shared with the gateway: when set, every GraphQL request must carry the claims it signs. */
  gatewayClaimsSecret?: string;
  /**
   * The warehouse system's database (`sqlite:<file>` or `mysql://...`), read for stock only: with it
   * the ERP serves Product.alsoBought and Customer.recommendations (in-stock products only).
   */
  inventoryDatabaseUrl?: string;
};

export async function startErpService(options: ErpServiceOptions): Promise<RunningService> {
  const log = options.log.child({ subgraph: 'erp' });
  const opened = new ResourceStack(log);
  const closeAll = () => opened.closeAll();
  try {
    const events = new ServiceEventBus(options.eventBus);
    opened.push(events);
    let erp: ErpPort;
    /** The ERP's own database when this service opened it (recommendations read order history from it). */
    let erpDatabase: ErpSqlConnection['database'] | null = null;
    if (options.erp) {
      erp = options.erp;
    } else {
      const sql = await openErpSql(options.erpDatabaseUrl, { observer: options.statementObserver, migrate: options.migrateErp });
      opened.push(sql);
      erp = sql.erp;
      erpDatabase = sql.database;
    }
    const hub = await openHubStore(options.hubDatabaseUrl, { observer: options.statementObserver });
    opened.push(hub);
    let recommendations: RecommendationsPort | null = null;
    if (options.inventoryDatabaseUrl && erpDatabase) {
      const opening = await openRecommendations({ erpDb: erpDatabase.db, inventoryDatabaseUrl: options.inventoryDatabaseUrl, events, statementObserver: options.statementObserver, log });
      opened.push(opening);
      recommendations = opening.recommendations;
    }
    const { typeDefs, resolvers } = buildErpSchema();
    const server = createSubgraphServer<ErpContext>({
      name: 'erp',
      typeDefs,
      resolvers: withErpRowRules(resolvers),
      gatewayClaims: claimsVerifierFor(options.gatewayClaimsSecret),
      log,
      context: (base): ErpContext => ({
        ...base,
        erp,
        identities: hub.identities,
        recommendations,
        events,
        loaders: createErpLoaders(erp, hub.identities, recommendations),
        renewLoaders() {
          this.loaders = createErpLoaders(erp, hub.identities, recommendations);
        },
      }),
    });
    const listening = await listen(server, options.port, options.host, { webSocket: graphqlWsAttachment(server, { name: 'erp', log }) });
    opened.push(listening);
    return { name: 'erp', url: listening.url, endpoint: `${listening.url}/graphql`, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
