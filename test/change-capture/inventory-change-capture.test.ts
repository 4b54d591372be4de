// Stock written straight into the warehouse system's database (plain SQL, as its batch jobs do) is
// heard as `stock.changed` events within 5 seconds, deletes included, on SQLite and MariaDB.
import { eventually, Received } from '../../adapters/events/event-bus-contract';
import type { EventBus } from '../../adapters/events/event-bus-port';
import type { ChangeCapture } from '../../adapters/events/change-capture/change-table-poller';
import { InProcessEventBus } from '../../adapters/events/memory/in-process-event-bus';
import { startInventoryChangeCapture } from '../../adapters/inventory/sql/change-capture/inventory-change-capture';
import { INVENTORY_CHANGE_TABLE } from '../../adapters/inventory/sql/change-capture/inventory-change-migrations';
import { openInventorySql } from '../../adapters/inventory/sql/open-inventory-sql';
import { silentLogger } from '../../lib/logger';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../support/test-databases';
import { BatchJob, openHubSide, sleep, type HubSide } from './capture-support';

const FIVE_SECONDS = 5000;

for (const dialect of TEST_DIALECTS) {
  describe(`inventory change capture (${dialect})`, () => {
    let inventoryDb: TestDatabase;
    let hubDb: TestDatabase;
    let bus: EventBus;
    let job: BatchJob;
    const seen = new Received<'stock.changed'>();
    const instances: { capture: ChangeCapture; side: HubSide }[] = [];
    const eventsFor = (sku: string, centerCode = 'DC01') => seen.events.filter((e) => e.payload.sku === sku && e.payload.centerCode === centerCode);

    const startInstance = async () => {
      const side = await openHubSide(hubDb.url);
      const capture = await startInventoryChangeCapture({
        inventoryDatabaseUrl: inventoryDb.url,
        watermarks: side.hub.watermarks,
        lease: side.lease,
        bus,
        log: silentLogger,
        leaseTtlMs: 1500,
      });
      instances.push({ capture, side });
      return capture;
    };

    beforeAll(async () => {
      inventoryDb = await createTestDatabase(dialect, 'invcc');
      hubDb = await createTestDatabase(dialect, 'invcchub');
      await (await openInventorySql(inventoryDb.url)).close();
      job = new BatchJob(inventoryDb.url);
      // Stock that was there before the hub listened: no news.
      await job.run(...Array.from({ length: 30 }, (_, i) => `INSERT INTO STKBAL (WHS_CD, ITM_NO, QOH, QRSV, LST_CNT_DT) VALUES ('DC01', 'ITEM-${i}', 10, 0, NULL)`));
      bus = new InProcessEventBus();
      await bus.subscribe('stock.changed', seen.handler);
      const capture = await startInstance();
      await capture.runOnce();
    });
    afterAll(async () => {
      for (const { capture, side } of instances) {
        await capture.stop();
        await side.close();
      }
      await job?.close();
      await bus?.close();
      await inventoryDb?.drop();
      await hubDb?.drop();
    });

    it('starts at the end: stock written before the hub listened raises nothing', async () => {
      await sleep(700);
      expect(seen.events).toEqual([]);
    });

    it('hears the last unit sold (on hand changed with plain SQL) as a stock change of that item and centre', async () => {
      await job.run(`UPDATE STKBAL SET QOH = 0 WHERE ITM_NO = 'ITEM-1' AND WHS_CD = 'DC01'`);
      await eventually(() => eventsFor('ITEM-1').length === 1, FIVE_SECONDS, 'the stock change');
      expect(eventsFor('ITEM-1')[0]!.payload).toEqual({ sku: 'ITEM-1', centerCode: 'DC01' });
    });

    it('hears a reservation, a new incoming purchase-order line, its receipt, and a deleted balance', async () => {
      await job.run(`UPDATE STKBAL SET QRSV = 3 WHERE ITM_NO = 'ITEM-2' AND WHS_CD = 'DC01'`);
      await eventually(() => eventsFor('ITEM-2').length === 1, FIVE_SECONDS, 'the reservation');
      await job.run(`INSERT INTO POINC (PO_NO, PO_LIN, WHS_CD, ITM_NO, ORD_QTY, RCV_QTY, EXP_DT, PO_STS) VALUES (77, 1, 'DC02', 'ITEM-1', 50, 0, '20300101', 'O')`);
      await eventually(() => eventsFor('ITEM-1', 'DC02').length === 1, FIVE_SECONDS, 'the incoming line');
      await job.run(`UPDATE POINC SET RCV_QTY = 50, PO_STS = 'C' WHERE PO_NO = 77 AND PO_LIN = 1`);
      await eventually(() => eventsFor('ITEM-1', 'DC02').length === 2, FIVE_SECONDS, 'the receipt');
      await job.run(`DELETE FROM STKBAL WHERE ITM_NO = 'ITEM-3' AND WHS_CD = 'DC01'`);
      await eventually(() => eventsFor('ITEM-3').length === 1, FIVE_SECONDS, 'the delete');
    });

    it('hears a purchase-order line moved to another centre at both centres', async () => {
      await job.run(`UPDATE POINC SET WHS_CD = 'DC03' WHERE PO_NO = 77 AND PO_LIN = 1`);
      await eventually(() => eventsFor('ITEM-1', 'DC03').length === 1 && eventsFor('ITEM-1', 'DC02').length === 3, FIVE_SECONDS, 'both centres');
    });

    it('coalesces several changes of one balance in a poll, and ignores a recount that moved nothing', async () => {
      const before = seen.events.length;
      await job.run(
        `UPDATE STKBAL SET QOH = QOH - 1 WHERE ITM_NO = 'ITEM-4' AND WHS_CD = 'DC01'`,
        `UPDATE STKBAL SET QOH = QOH - 1 WHERE ITM_NO = 'ITEM-4' AND WHS_CD = 'DC01'`,
        `UPDATE STKBAL SET QRSV = QRSV + 1 WHERE ITM_NO = 'ITEM-4' AND WHS_CD = 'DC01'`,
        `UPDATE STKBAL SET LST_CNT_DT = '20250301' WHERE ITM_NO = 'ITEM-5' AND WHS_CD = 'DC01'`,
      );
      await job.run(`UPDATE STKBAL SET QOH = 9 WHERE ITM_NO = 'ITEM-6' AND WHS_CD = 'DC01'`); // a marker behind them
      await eventually(() => eventsFor('ITEM-6').length === 1, FIVE_SECONDS, 'the marker');
      expect(seen.events.slice(before).map((e) => e.payload.sku)).toEqual(['ITEM-4', 'ITEM-6']);
    });

    it('hears a nightly batch job that rewrites many balances in one statement, one event per balance', async () => {
      const before = seen.events.length;
      await job.run(`UPDATE STKBAL SET QOH = QOH + 100 WHERE WHS_CD = 'DC01' AND ITM_NO LIKE 'ITEM-1%'`);
      const expected = Array.from({ length: 30 }, (_, i) => `ITEM-${i}`).filter((s) => s.startsWith('ITEM-1')).sort();
      await eventually(() => seen.events.length - before >= expected.length, FIVE_SECONDS, 'every rewritten balance');
      await sleep(700);
      expect(seen.events.slice(before).map((e) => e.payload.sku).sort()).toEqual(expected);
      expect(await job.count(INVENTORY_CHANGE_TABLE)).toBeLessThanOrEqual(1);
    });

    it('with a second instance, publishes each change once; the second takes over when the first dies', async () => {
      await startInstance();
      await job.run(`UPDATE STKBAL SET QOH = 1 WHERE ITM_NO = 'ITEM-7' AND WHS_CD = 'DC01'`);
      await eventually(() => eventsFor('ITEM-7').length === 1, FIVE_SECONDS, 'the change');
      await sleep(1200);
      expect(eventsFor('ITEM-7')).toHaveLength(1);
      await instances[0]!.side.close(); // the first instance dies
      await job.run(`UPDATE STKBAL SET QOH = 2 WHERE ITM_NO = 'ITEM-7' AND WHS_CD = 'DC01'`);
      await eventually(() => eventsFor('ITEM-7').length === 2, FIVE_SECONDS, 'the change after the takeover');
    });
  });
}
