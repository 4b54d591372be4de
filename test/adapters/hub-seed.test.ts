import { openHubStore } from '../../adapters/hub/sql/hub-sql-store';
import { StatementCounter } from '../../adapters/sql/database';
import { generateDemoDataset } from '../../demo/data/demo-dataset';
import { demoIdentityLinks, seedHub } from '../../demo/seed/seed-hub';
import { createTestDatabase, TEST_DIALECTS } from '../support/test-databases';

const dataset = generateDemoDataset({ customers: 60, products: 20, orders: 50 });

for (const dialect of TEST_DIALECTS) {
  it(`seeds every demo customer's identities once (${dialect})`, async () => {
    const database = await createTestDatabase(dialect, 'hubseed');
    const counter = new StatementCounter();
    const store = await openHubStore(database.url, { observer: counter });
    try {
      const expected = demoIdentityLinks(dataset).length;
      expect(expected).toBeGreaterThan(dataset.customers.length * 4);
      expect(await seedHub(store, dataset)).toBe(expected);

      counter.reset();
      expect(await seedHub(store, dataset)).toBe(0);
      expect(counter.count).toBe(1);

      const someone = dataset.customers.find((c) => c.social.length > 0)!;
      const lookups = await store.identities.findCustomerIdsByIdentities([
        { namespace: 'ERP', value: someone.accountNumber },
        { namespace: 'EMAIL', value: someone.email.toUpperCase() },
        { namespace: 'PHONE', value: someone.phone },
        { namespace: someone.social[0]!.network, value: `@${someone.social[0]!.handle}` },
        { namespace: 'CRM', value: someone.id },
      ]);
      expect(lookups).toEqual(Array(5).fill(someone.id));
      const [links] = await store.identities.findIdentitiesByCustomerIds([someone.id]);
      expect(links).toHaveLength(4 + someone.social.length);
    } finally {
      await store.close();
      await database.drop();
    }
  });
}
