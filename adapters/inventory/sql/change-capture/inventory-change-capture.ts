// Composition: change capture on the warehouse system's database, publishing `stock.changed`.
import type { Logger } from '../../../../lib/logger';
import type { EventBus } from '../../../events/event-bus-port';
import type { LeasePort } from '../../../events/lease/lease-port';
import { startChangeTablePoller, type ChangeCapture, type ChangeCaptureTuning } from '../../../events/change-capture/change-table-poller';
import { SqlChangeLog } from '../../../events/change-capture/sql-change-log';
import type { WatermarkPort } from '../../../hub/hub-store-port';
import { openDatabase, type DatabaseUrl, type StatementObserver } from '../../../sql/database';
import { INVENTORY_CHANGE_TABLE, migrateInventoryChangeCapture } from './inventory-change-migrations';
import { toStockEvents, type InventoryChangeRow } from './stock-events';

export const INVENTORY_STOCK_STREAM = 'change-capture:inventory.stock';

export interface InventoryChangeCaptureOptions extends ChangeCaptureTuning {
  /** The warehouse system's database (its own connection is opened and closed by the capture). */
  inventoryDatabaseUrl: DatabaseUrl;
  watermarks: WatermarkPort;
  lease: LeasePort;
  bus: EventBus;
  log: Logger;
  /** Create the change table and triggers when missing (default true). */
  migrate?: boolean;
  /** Watermark and lease name; one per warehouse database (default `change-capture:inventory.stock`). */
  stream?: string;
  statementObserver?: StatementObserver;
}

export async function startInventoryChangeCapture(options: InventoryChangeCaptureOptions): Promise<ChangeCapture> {
  const database = openDatabase<unknown>(options.inventoryDatabaseUrl, { observer: options.statementObserver, poolSize: 2 });
  try {
    if (options.migrate ?? true) await migrateInventoryChangeCapture(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  const stream = options.stream ?? INVENTORY_STOCK_STREAM;
  return startChangeTablePoller<InventoryChangeRow>(
    {
      ...options,
      stream,
      changes: new SqlChangeLog<InventoryChangeRow>(database.db, INVENTORY_CHANGE_TABLE),
      toEvents: async (rows) => toStockEvents(rows, stream),
    },
    () => database.close(),
  );
}
