// Orders written straight into the ERP's database (plain SQL, as a batch job would) are heard as
// `order.updated` events within 5 seconds, deletes included, on SQLite and MariaDB.
import { eventually, Received } from '../../adapters/events/event-bus-contract';
import type { EventBus } from '../../adapters/events/event-bus-port';
import { parsePosition } from '../../adapters/events/change-capture/change-position';
import type { ChangeCapture } from '../../adapters/events/change-capture/change-table-poller';
import { InProcessEventBus } from '../../adapters/events/memory/in-process-event-bus';
import { ERP_ORDER_STREAM, startErpChangeCapture } from '../../adapters/erp/sql/change-capture/erp-change-capture';
import { ERP_CHANGE_TABLE } from '../../adapters/erp/sql/change-capture/erp-change-migrations';
import { openErpSql } from '../../adapters/erp/sql/open-erp-sql';
import { silentLogger } from '../../lib/logger';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../support/test-databases';
import { BatchJob, openHubSide, sleep, type HubSide } from './capture-support';

const FIVE_SECONDS = 5000;

function orderSql(orderNo: number, account: string, lines: number): string[] {
  return [
    `INSERT INTO ORDHDR (ORD_NO, ACCT_NO, ORD_DT, ORD_TM, ORD_STS, CHNL_CD, ORD_TOT, CUR_CD) VALUES (${orderNo}, '${account}', '20250102', '101500', 'O', 'WB', 30.00, 'USD')`,
    ...Array.from(
      { length: lines },
      (_, i) => `INSERT INTO ORDLIN (ORD_NO, LIN_NO, ITM_NO, ORD_QTY, UNT_PRC, CUR_CD) VALUES (${orderNo}, ${i + 1}, 'SKU-${i}', 1, 10.00, 'USD')`,
    ),
  ];
}

const orderId = (n: number) => `SO-${String(n).padStart(7, '0')}`;

for (const dialect of TEST_DIALECTS) {
  describe(`ERP change capture (${dialect})`, () => {
    let erpDb: TestDatabase;
    let hubDb: TestDatabase;
    let bus: EventBus;
    let job: BatchJob;
    const seen = new Received<'order.updated'>();
    const instances: { capture: ChangeCapture; side: HubSide }[] = [];
    const eventsFor = (n: number) => seen.events.filter((e) => e.payload.orderId === orderId(n));

    const startInstance = async () => {
      const side = await openHubSide(hubDb.url);
      const capture = await startErpChangeCapture({
        erpDatabaseUrl: erpDb.url,
        identities: side.hub.identities,
        watermarks: side.hub.watermarks,
        lease: side.lease,
        bus,
        log: silentLogger,
        leaseTtlMs: 1500,
      });
      const instance = { capture, side };
      instances.push(instance);
      return instance;
    };

    beforeAll(async () => {
      erpDb = await createTestDatabase(dialect, 'erpcc');
      hubDb = await createTestDatabase(dialect, 'erpcchub');
      await (await openErpSql(erpDb.url)).close(); // the ERP's own tables, as in production
      const side = await openHubSide(hubDb.url);
      await side.hub.identities.link({ customerId: 'C-900001', namespace: 'ERP', value: 'A900001' });
      await side.close();
      bus = new InProcessEventBus();
      await bus.subscribe('order.updated', seen.handler);
      job = new BatchJob(erpDb.url);
      await startInstance();
      await instances[0]!.capture.runOnce(); // the first poll sets the watermark at the table's end
    });
    afterAll(async () => {
      for (const { capture, side } of instances) {
        await capture.stop();
        await side.close();
      }
      await job?.close();
      await bus?.close();
      await erpDb?.drop();
      await hubDb?.drop();
    });

    it('hears an order inserted with plain SQL, header and lines, as one created event with its customer', async () => {
      await job.run(...orderSql(900001, 'A900001', 3));
      await eventually(() => eventsFor(900001).length > 0, FIVE_SECONDS, 'the new order');
      await sleep(700); // one more poll: the lines must not make more events
      expect(eventsFor(900001)).toHaveLength(1);
      expect(eventsFor(900001)[0]!.payload).toEqual({ orderId: orderId(900001), accountNumber: 'A900001', customerId: 'C-900001', change: 'created' });
    });

    it('hears a status change on the header and a quantity change on a line', async () => {
      await job.run(`UPDATE ORDHDR SET ORD_STS = 'S' WHERE ORD_NO = 900001`);
      await eventually(() => eventsFor(900001).length === 2, FIVE_SECONDS, 'the status change');
      await job.run(`UPDATE ORDLIN SET ORD_QTY = 4 WHERE ORD_NO = 900001 AND LIN_NO = 2`);
      await eventually(() => eventsFor(900001).length === 3, FIVE_SECONDS, 'the line change');
      expect(eventsFor(900001).slice(1).map((e) => e.payload.change)).toEqual(['updated', 'updated']);
      expect(eventsFor(900001)[2]!.payload.customerId).toBe('C-900001');
    });

    it('stays silent on an update that changes nothing', async () => {
      await job.run(...orderSql(900002, 'A900002', 1));
      await eventually(() => eventsFor(900002).length === 1, FIVE_SECONDS, 'the second order');
      await job.run(`UPDATE ORDHDR SET ORD_STS = ORD_STS WHERE ORD_NO = 900001`, `UPDATE ORDLIN SET ORD_QTY = ORD_QTY WHERE ORD_NO = 900001`);
      await job.run(`UPDATE ORDHDR SET ORD_STS = 'X' WHERE ORD_NO = 900002`); // a marker behind it
      await eventually(() => eventsFor(900002).length === 2, FIVE_SECONDS, 'the marker');
      expect(eventsFor(900001)).toHaveLength(3);
      expect(eventsFor(900002)[0]!.payload.customerId).toBeNull(); // an account no customer is linked to
    });

    it('hears a delete of the lines and the header as one deleted event', async () => {
      await job.run(`DELETE FROM ORDLIN WHERE ORD_NO = 900001`, `DELETE FROM ORDHDR WHERE ORD_NO = 900001`);
      await eventually(() => eventsFor(900001).length === 4, FIVE_SECONDS, 'the delete');
      expect(eventsFor(900001)[3]!.payload).toEqual({ orderId: orderId(900001), accountNumber: 'A900001', customerId: 'C-900001', change: 'deleted' });
    });

    it('keeps its watermark in the hub store and purges the change rows it has consumed', async () => {
      const side = await openHubSide(hubDb.url);
      try {
        const position = parsePosition(await side.hub.watermarks.get(ERP_ORDER_STREAM));
        expect(position).not.toBeNull();
        expect(position!.seq).toBeGreaterThan(0);
        // Only the row at the watermark stays (it keeps the sequence from going back).
        expect(await job.count(ERP_CHANGE_TABLE)).toBeLessThanOrEqual(1);
      } finally {
        await side.close();
      }
    });

    it('with a second instance on the same databases, publishes each change once; the second takes over when the first dies', async () => {
      await startInstance();
      await job.run(...orderSql(900003, 'A900001', 2));
      await eventually(() => eventsFor(900003).length > 0, FIVE_SECONDS, 'the third order');
      await sleep(1200);
      expect(eventsFor(900003)).toHaveLength(1);

      await instances[0]!.side.close(); // the first instance dies: no hub store, no lease renewal
      await job.run(`UPDATE ORDHDR SET ORD_STS = 'C' WHERE ORD_NO = 900003`);
      await eventually(() => eventsFor(900003).length === 2, FIVE_SECONDS, 'the change after the takeover');
      expect(eventsFor(900003)[1]!.payload.change).toBe('updated');
    });

    if (dialect === 'mysql') {
      it('hears an order whose transaction committed after later ones (a long batch transaction)', async () => {
        let commit!: () => void;
        const held = new Promise<void>((resolve) => (commit = resolve));
        const slow = job.db.transaction().execute(async (trx) => {
          const { sql } = await import('kysely');
          for (const statement of orderSql(900010, 'A900001', 1)) await sql.raw(statement).execute(trx);
          await held;
        });
        await sleep(200); // the slow transaction has taken its sequence numbers
        await job.run(...orderSql(900011, 'A900001', 1));
        await eventually(() => eventsFor(900011).length === 1, FIVE_SECONDS, 'the later order');
        expect(eventsFor(900010)).toEqual([]);
        commit();
        await slow;
        await eventually(() => eventsFor(900010).length === 1, FIVE_SECONDS, 'the order committed late');
        expect(eventsFor(900010)[0]!.payload.change).toBe('created');
      });
    }
  });
}
