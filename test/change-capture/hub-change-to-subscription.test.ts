// End to end at the subgraphs: in the whole hub (startHub), a change written straight into a legacy
// database with plain SQL reaches a client subscribed to the owning subgraph over a real socket
// within 5 seconds, carrying the data as it now stands. On SQLite and MariaDB.
import { resolve } from 'node:path';
import { generateDemoDataset } from '../../demo/data/demo-dataset';
import { silentLogger } from '../../lib/logger';
import { hubConfigFromEnv, type HubConfig } from '../../scripts/hub/hub-config';
import { startHub, type RunningHub } from '../../scripts/hub/start-hub';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../support/test-databases';
import { TEST_DATASET_SIZE } from '../support/test-hub';
import { subscribe, unsubscribeAll } from '../subscriptions/support/subscription-clients';
import { BatchJob } from './capture-support';

const FIVE_SECONDS = 5000;

for (const dialect of TEST_DIALECTS) {
  describe(`legacy database change to a subscriber, through the hub (${dialect})`, () => {
    const dataset = generateDemoDataset(TEST_DATASET_SIZE);
    const dbs: TestDatabase[] = [];
    let hub: RunningHub;
    let inventorySql: BatchJob;
    let erpSql: BatchJob;

    beforeAll(async () => {
      const db = async (label: string) => {
        const created = await createTestDatabase(dialect, label);
        dbs.push(created);
        return created.url;
      };
      const databases = { erp: await db('erp'), inventory: await db('inventory'), social: await db('social'), hub: await db('hub') };
      const config: HubConfig = {
        ...hubConfigFromEnv({}, resolve(__dirname, '..', '..')),
        host: '127.0.0.1',
        gatewayPort: 0,
        ports: { crm: 0, erp: 0, inventory: 0, shipping: 0, social: 0, crmStandIn: 0, carrierStandIn: 0 },
        databases,
        crmApiUrl: null,
        carrierApiUrl: null,
      };
      hub = await startHub(config, silentLogger, { dataset });
      inventorySql = new BatchJob(databases.inventory);
      erpSql = new BatchJob(databases.erp);
    });
    afterAll(async () => {
      unsubscribeAll();
      await inventorySql?.close();
      await erpSql?.close();
      await hub?.close();
      for (const d of dbs) await d.drop();
    });

    it('a stock balance changed by a warehouse batch job reaches a stockChanged subscriber', async () => {
      const sku = dataset.products[2]!.sku;
      const subscription = subscribe('graphql-ws', hub.subgraphs.inventory.endpoint, {
        query: 'subscription ($skus: [ID!]) { stockChanged(skus: $skus) { sku center { code } onHand reserved } }',
        variables: { skus: [sku] },
      });
      await new Promise((r) => setTimeout(r, 300)); // the subscription reaches the bus
      await inventorySql.run(`UPDATE STKBAL SET QOH = 4321 WHERE ITM_NO = '${sku}' AND WHS_CD = (SELECT MIN(WHS_CD) FROM (SELECT WHS_CD FROM STKBAL WHERE ITM_NO = '${sku}') AS b)`);
      const result = await subscription.next(FIVE_SECONDS);
      expect(result.errors).toBeUndefined();
      expect(result.data!.stockChanged).toMatchObject({ sku, onHand: 4321 });
      subscription.unsubscribe();
    });

    it('an order deleted straight in the ERP reaches an orderUpdated subscriber as DELETED', async () => {
      const order = dataset.orders[5]!;
      const orderNo = Number(order.id.slice(3));
      const subscription = subscribe('sse', hub.subgraphs.erp.endpoint, {
        query: 'subscription ($orderId: ID) { orderUpdated(orderId: $orderId) { orderId change order { id } } }',
        variables: { orderId: order.id },
      });
      await new Promise((r) => setTimeout(r, 300));
      await erpSql.run(`DELETE FROM ORDLIN WHERE ORD_NO = ${orderNo}`, `DELETE FROM ORDHDR WHERE ORD_NO = ${orderNo}`);
      const result = await subscription.next(FIVE_SECONDS);
      expect(result.errors).toBeUndefined();
      expect(result.data!.orderUpdated).toEqual({ orderId: order.id, change: 'DELETED', order: null });
      subscription.unsubscribe();
    });
  });
}
