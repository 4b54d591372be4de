// Composition: change capture on the ERP's database, publishing `order.updated`.
import type { Logger } from '../../../../lib/logger';
import type { EventBus } from '../../../events/event-bus-port';
import type { LeasePort } from '../../../events/lease/lease-port';
import { startChangeTablePoller, type ChangeCapture, type ChangeCaptureTuning } from '../../../events/change-capture/change-table-poller';
import { SqlChangeLog } from '../../../events/change-capture/sql-change-log';
import type { IdentityPort, WatermarkPort } from '../../../hub/hub-store-port';
import { openDatabase, type DatabaseUrl, type StatementObserver } from '../../../sql/database';
import { ERP_CHANGE_TABLE, migrateErpChangeCapture } from './erp-change-migrations';
import { toOrderEvents, type ErpChangeRow } from './erp-order-events';

export const ERP_ORDER_STREAM = 'change-capture:erp.orders';

export interface ErpChangeCaptureOptions extends ChangeCaptureTuning {
  /** The ERP's database (its own connection is opened and closed by the capture). */
  erpDatabaseUrl: DatabaseUrl;
  /** ERP account numbers to hub customers. */
  identities: IdentityPort;
  watermarks: WatermarkPort;
  lease: LeasePort;
  bus: EventBus;
  log: Logger;
  /** Create the change table and triggers when missing (default true). */
  migrate?: boolean;
  /** Watermark and lease name; one per ERP database (default `change-capture:erp.orders`). */
  stream?: string;
  statementObserver?: StatementObserver;
}

export async function startErpChangeCapture(options: ErpChangeCaptureOptions): Promise<ChangeCapture> {
  const database = openDatabase<unknown>(options.erpDatabaseUrl, { observer: options.statementObserver, poolSize: 2 });
  try {
    if (options.migrate ?? true) await migrateErpChangeCapture(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  const stream = options.stream ?? ERP_ORDER_STREAM;
  return startChangeTablePoller<ErpChangeRow>(
    {
      ...options,
      stream,
      changes: new SqlChangeLog<ErpChangeRow>(database.db, ERP_CHANGE_TABLE),
      toEvents: (rows) => toOrderEvents(rows, options.identities, stream),
    },
    () => database.close(),
  );
}
