// Starts the inventory subgraph: the legacy warehouse database through its SQL adapter; queries
// over HTTP, subscriptions over graphql-ws (WebSocket) and SSE, fed by the hub's event bus.
import type { EventBus } from '../../adapters/events/event-bus-port';
import type { InventoryPort } from '../../adapters/inventory/inventory-port';
import { openInventorySql } from '../../adapters/inventory/sql/open-inventory-sql';
import type { StatementObserver } from '../../adapters/sql/database';
import type { Logger } from '../../lib/logger';
import { createSubgraphServer } from '../shared/create-subgraph-server';
import { claimsVerifierFor } from '../shared/gateway-claims';
import { graphqlWsAttachment } from '../shared/graphql-ws-server';
import { listen } from '../shared/listen';
import { ServiceEventBus } from '../shared/service-event-bus';
import type { RunningService } from '../shared/running-service';
import type { InventoryContext } from './context';
import { createInventoryLoaders } from './loaders';
import { buildInventorySchema } from './schema';
import { ResourceStack } from '../shared/resource-stack';

/** Where the warehouse system is: a database URL for the built-in SQL adapter, or an adapter of your own. */
export type InventorySource =
  | {
      /** The warehouse system's database: `sqlite:<file>` or `mysql://...`. */
      inventoryDatabaseUrl: string;
      inventory?: undefined;
    }
  | {
      /** An already-opened InventoryPort (your own adapter); the caller keeps ownership and closes it. */
      inventory: InventoryPort;
      inventoryDatabaseUrl?: undefined;
    };

export type InventoryServiceOptions = InventorySource & {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  log: Logger;
  /** Observes every SQL statement on the inventory database (for counting statements). */
  statementObserver?: StatementObserver;
  /** Create the legacy tables when missing (default true; turn off against a real warehouse system). */
  migrateInventory?: boolean;
  /** The hub's event bus (stock.changed); default: an in-process bus of this service's own. */
  eventBus?: EventBus;
  /** Secret shared with the gateway: when set, every GraphQL request must carry the claims it signs. */
  gatewayClaimsSecret?: string;
};

export async function startInventoryService(options: InventoryServiceOptions): Promise<RunningService> {
  const log = options.log.child({ subgraph: 'inventory' });
  const opened = new ResourceStack(log);
  const closeAll = () => opened.closeAll();
  try {
    const events = new ServiceEventBus(options.eventBus);
    opened.push(events);
    let inventory: InventoryPort;
    if (options.inventory) {
      inventory = options.inventory;
    } else {
      const sql = await openInventorySql(options.inventoryDatabaseUrl, { observer: options.statementObserver, migrate: options.migrateInventory });
      opened.push(sql);
      inventory = sql.inventory;
    }
    const { typeDefs, resolvers } = buildInventorySchema();
    const server = createSubgraphServer<InventoryContext>({
      name: 'inventory',
      typeDefs,
      resolvers,
      gatewayClaims: claimsVerifierFor(options.gatewayClaimsSecret),
      log,
      context: (base) => {
        const context: InventoryContext = {
          ...base,
          inventory,
          events,
          loaders: createInventoryLoaders(inventory),
          renewLoaders() {
            this.loaders = createInventoryLoaders(inventory);
          },
        };
        return context;
      },
    });
    const listening = await listen(server, options.port, options.host, { webSocket: graphqlWsAttachment(server, { name: 'inventory', log }) });
    opened.push(listening);
    return { name: 'inventory', url: listening.url, endpoint: `${listening.url}/graphql`, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
