import { openHubStore } from '../../adapters/hub/sql/hub-sql-store';
import { openSocialStore } from '../../adapters/social/sql/social-sql-store';
import { generateDemoDataset } from '../../demo/data/demo-dataset';
import { seedHub } from '../../demo/seed/seed-hub';
import { seedSocial } from '../../demo/seed/seed-social';
import { createTestDatabase, TEST_DIALECTS } from '../support/test-databases';

const dataset = generateDemoDataset({ customers: 40, products: 20, orders: 20 });

for (const dialect of TEST_DIALECTS) {
  it(`seeds demo profiles and scored, linked mentions once (${dialect})`, async () => {
    const hubDb = await createTestDatabase(dialect, 'seedhub');
    const socialDb = await createTestDatabase(dialect, 'seedsocial');
    const hub = await openHubStore(hubDb.url);
    const social = await openSocialStore(socialDb.url);
    try {
      await seedHub(hub, dataset);
      const first = await seedSocial({ social, identities: hub.identities }, dataset);
      expect(first.mentionsCreated).toBe(dataset.mentions.length);
      const second = await seedSocial({ social, identities: hub.identities }, dataset);
      expect(second.mentionsCreated).toBe(0);
      expect(await social.recentMentions({ first: 500 })).toHaveLength(dataset.mentions.length);

      // A known author's mentions are linked to the customer, and scored.
      const author = dataset.customers.find((c) => c.social.length > 0 && dataset.mentions.some((m) => m.authorHandle === c.social[0]!.handle))!;
      const [profiles] = await social.findProfilesByCustomerIds([author.id]);
      expect(profiles).toEqual([expect.objectContaining({ handle: author.social[0]!.handle, followers: author.social[0]!.followers, customerId: author.id })]);
      const [mentions] = await social.findMentionsByCustomerIds([author.id], { first: 100 });
      expect(mentions!.length).toBe(dataset.mentions.filter((m) => m.authorHandle === author.social[0]!.handle).length);

      const all = await social.recentMentions({ first: 500 });
      const complaints = all.filter((m) => m.isComplaint);
      expect(complaints.length).toBeGreaterThan(0);
      expect(complaints.every((m) => m.sentimentScore <= 0)).toBe(true);
      expect(all.filter((m) => /^Love my new|^Great service/.test(m.text)).every((m) => !m.isComplaint && m.sentimentScore > 0)).toBe(true);
      expect(all.filter((m) => m.authorHandle.startsWith('visitor')).every((m) => m.customerId === null)).toBe(true);
    } finally {
      await social.close();
      await hub.close();
      await socialDb.drop();
      await hubDb.drop();
    }
  });
}
