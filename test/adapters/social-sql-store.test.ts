import { describeSocialPortContract } from '../../adapters/social/social-port-contract';
import { openSocialStore } from '../../adapters/social/sql/social-sql-store';
import { StatementCounter } from '../../adapters/sql/database';
import { createTestDatabase, TEST_DIALECTS } from '../support/test-databases';

for (const dialect of TEST_DIALECTS) {
  describeSocialPortContract(`SQL (${dialect})`, async () => {
    const database = await createTestDatabase(dialect, 'social');
    return { open: () => openSocialStore(database.url), drop: () => database.drop() };
  });

  it(`reads the mentions and profiles of many customers in one statement each (${dialect})`, async () => {
    const database = await createTestDatabase(dialect, 'socialcount');
    const counter = new StatementCounter();
    const social = await openSocialStore(database.url, { observer: counter });
    try {
      const customers = Array.from({ length: 25 }, (_, i) => `C-${i}`);
      for (const [i, customerId] of customers.entries()) {
        for (let k = 0; k < 3; k += 1) {
          await social.saveMention({
            externalId: `e-${i}-${k}`, network: 'X', authorHandle: `h${i}`, text: 'hello', postedAt: new Date(Date.UTC(2026, 0, 1 + k)),
            sentimentScore: 0, isComplaint: false, customerId,
          });
        }
      }
      counter.reset();
      const mentions = await social.findMentionsByCustomerIds(customers, { first: 2 });
      expect(counter.count).toBe(1);
      expect(mentions.map((list) => list.length)).toEqual(customers.map(() => 2));
      counter.reset();
      const profiles = await social.findProfilesByCustomerIds(customers);
      expect(counter.count).toBe(1);
      expect(profiles.map((list) => list[0]?.handle)).toEqual(customers.map((_, i) => `h${i}`));
    } finally {
      await social.close();
      await database.drop();
    }
  });
}
