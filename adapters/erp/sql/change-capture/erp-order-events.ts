// One poll's ERP change rows to `order.updated` events: one event per order, however many of its
// header and lines changed, with the ERP account and the hub customer it belongs to.
import type { HubEvent } from '../../../events/event-bus-port';
import type { IdentityPort } from '../../../hub/hub-store-port';
import { orderIdOf } from '../erp-mappers';

export interface ErpChangeRow {
  seq: number;
  /** H order header, L order line. */
  src: string;
  /** I insert, U update, D delete. */
  op: string;
  ord_no: number;
  acct_no: string | null;
}

type Change = 'created' | 'updated' | 'deleted';

/** What happened to the order over the poll: judged by its header; line changes update it. */
function changeOf(rows: readonly ErpChangeRow[]): Change {
  const header = rows.filter((r) => r.src === 'H');
  if (header.length === 0) return 'updated';
  if (header[header.length - 1]!.op === 'D') return 'deleted';
  return header[0]!.op === 'I' ? 'created' : 'updated';
}

export async function toOrderEvents(rows: readonly ErpChangeRow[], identities: IdentityPort, stream: string): Promise<HubEvent<'order.updated'>[]> {
  const byOrder = new Map<number, ErpChangeRow[]>();
  for (const row of rows) {
    const orderNo = Number(row.ord_no);
    byOrder.set(orderNo, [...(byOrder.get(orderNo) ?? []), row]);
  }
  const groups = [...byOrder.entries()].map(([orderNo, changes]) => {
    const accounts = changes.map((c) => c.acct_no?.trim()).filter((a): a is string => !!a);
    return { orderNo, changes, lastSeq: changes[changes.length - 1]!.seq, accountNumber: accounts[accounts.length - 1] ?? null };
  });
  // Events leave in the order of each order's last change.
  groups.sort((a, b) => a.lastSeq - b.lastSeq);

  const accounts = [...new Set(groups.map((g) => g.accountNumber).filter((a): a is string => a !== null))];
  const customerIds = accounts.length > 0 ? await identities.findCustomerIdsByIdentities(accounts.map((value) => ({ namespace: 'ERP' as const, value }))) : [];
  const customerByAccount = new Map(accounts.map((a, i) => [a, customerIds[i] ?? null]));

  const occurredAt = new Date().toISOString();
  return groups.map((g) => ({
    id: `${stream}:${g.lastSeq}`,
    topic: 'order.updated' as const,
    occurredAt,
    payload: {
      orderId: orderIdOf(g.orderNo),
      accountNumber: g.accountNumber,
      customerId: g.accountNumber ? customerByAccount.get(g.accountNumber) ?? null : null,
      change: changeOf(g.changes),
    },
  }));
}
