import { openHubStore } from '../../adapters/hub/sql/hub-sql-store';
import { describeHubStoreContract } from '../../adapters/hub/hub-store-contract';
import { StatementCounter } from '../../adapters/sql/database';
import { createTestDatabase, TEST_DIALECTS } from '../support/test-databases';

for (const dialect of TEST_DIALECTS) {
  describeHubStoreContract(`SQL (${dialect})`, async () => {
    const database = await createTestDatabase(dialect, 'hub');
    // The first open migrates; later opens (the "other process") find the schema up to date.
    return { open: () => openHubStore(database.url), drop: () => database.drop() };
  });

  describe(`hub SQL store (${dialect})`, () => {
    it('looks up a batch of identities in one statement and migrates idempotently', async () => {
      const database = await createTestDatabase(dialect, 'hubcount');
      const counter = new StatementCounter();
      const first = await openHubStore(database.url);
      await first.close();
      const store = await openHubStore(database.url, { observer: counter });
      try {
        await store.identities.link({ customerId: 'C-1', namespace: 'EMAIL', value: 'a@example.com' });
        await store.identities.link({ customerId: 'C-2', namespace: 'PHONE', value: '+15550000002' });
        counter.reset();
        const found = await store.identities.findCustomerIdsByIdentities([
          { namespace: 'EMAIL', value: 'A@example.com' },
          { namespace: 'PHONE', value: '+1 555 000 0002' },
          { namespace: 'X', value: 'nobody' },
        ]);
        expect(found).toEqual(['C-1', 'C-2', null]);
        expect(counter.count).toBe(1);
        counter.reset();
        await store.identities.findIdentitiesByCustomerIds(['C-1', 'C-2', 'C-3']);
        expect(counter.count).toBe(1);
      } finally {
        await store.close();
        await database.drop();
      }
    });
  });
}
