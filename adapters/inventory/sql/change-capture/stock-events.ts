// One poll's warehouse change rows to `stock.changed` events: one per item and centre, however
// many balance and purchase-order rows of it changed.
import type { HubEvent } from '../../../events/event-bus-port';

export interface InventoryChangeRow {
  seq: number;
  /** B stock balance, P incoming purchase-order line. */
  src: string;
  /** I insert, U update, D delete. */
  op: string;
  itm_no: string;
  whs_cd: string;
}

export function toStockEvents(rows: readonly InventoryChangeRow[], stream: string): HubEvent<'stock.changed'>[] {
  const lastSeq = new Map<string, { sku: string; centerCode: string; seq: number }>();
  for (const row of rows) {
    const sku = row.itm_no.trim();
    const centerCode = row.whs_cd.trim();
    const key = `${sku}\u0000${centerCode}`;
    // Re-inserted, so that the map's order is the order of each key's last change.
    lastSeq.delete(key);
    lastSeq.set(key, { sku, centerCode, seq: row.seq });
  }
  const occurredAt = new Date().toISOString();
  return [...lastSeq.values()].map((k) => ({
    id: `${stream}:${k.seq}`,
    topic: 'stock.changed' as const,
    occurredAt,
    payload: { sku: k.sku, centerCode: k.centerCode },
  }));
}
