// Entity resolution of the social subgraph as the gateway calls it (_entities), and the DataLoader
// batching behind it: the number of SQL statements does not grow with the number of customers.
import { StatementCounter } from '../../adapters/sql/database';
import { openSocialStore } from '../../adapters/social/sql/social-sql-store';
import { silentLogger } from '../../lib/logger';
import type { RunningService } from '../../subgraphs/shared/running-service';
import { startSocialService } from '../../subgraphs/social/service';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../support/test-databases';

const CUSTOMERS = Array.from({ length: 30 }, (_, i) => `C-${String(i + 1).padStart(6, '0')}`);

const CUSTOMER_360 = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Customer {
      id
      socialProfiles { id network handle followers customer { id } }
      mentions(first: 2) { id text sentiment isComplaint postedAt author { handle followers } }
      complaints: mentions(first: 5, complaintsOnly: true) { id isComplaint }
    }
  }
}`;

for (const dialect of TEST_DIALECTS) {
  describe(`social subgraph entities (${dialect})`, () => {
    let hubDb: TestDatabase;
    let socialDb: TestDatabase;
    let service: RunningService;
    const counter = new StatementCounter(true);
    const mentionIds: string[] = [];
    const profileIds: string[] = [];

    beforeAll(async () => {
      hubDb = await createTestDatabase(dialect, 'enthub');
      socialDb = await createTestDatabase(dialect, 'entsocial');
      const social = await openSocialStore(socialDb.url);
      for (const [i, customerId] of CUSTOMERS.entries()) {
        for (let k = 0; k < 3; k += 1) {
          const complaint = k === 0;
          const { mention } = await social.saveMention({
            externalId: `x-${i}-${k}`, network: i % 2 ? 'X' : 'INSTAGRAM', authorHandle: `fan${i}`, authorFollowers: 100 + i,
            text: complaint ? 'Still waiting, want a refund' : `Great product number ${k}`, postedAt: new Date(Date.UTC(2026, 0, 1 + k, i)),
            sentimentScore: complaint ? -0.5 : 0.6, isComplaint: complaint, customerId,
          });
          mentionIds.push(mention.id);
          if (k === 0) profileIds.push(mention.profileId!);
        }
      }
      await social.close();
      service = await startSocialService({ socialDatabaseUrl: socialDb.url, hubDatabaseUrl: hubDb.url, webhookSecret: 's', port: 0, log: silentLogger, statementObserver: counter });
    });
    afterAll(async () => {
      await service?.close();
      await socialDb?.drop();
      await hubDb?.drop();
    });

    const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
      const response = await fetch(service.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      return (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- ad-hoc test queries
    };
    const customers360 = async (ids: string[]) => {
      counter.reset();
      const result = await graphql(CUSTOMER_360, { representations: ids.map((id) => ({ __typename: 'Customer', id })) });
      return { result, statements: counter.count };
    };

    it("resolves each customer's profiles and newest mentions, in the order asked", async () => {
      const { result } = await customers360([CUSTOMERS[3]!, 'C-UNKNOWN', CUSTOMERS[0]!]);
      expect(result.errors).toBeUndefined();
      const [fourth, unknown, first] = result.data._entities;
      expect(unknown).toEqual({ id: 'C-UNKNOWN', socialProfiles: [], mentions: [], complaints: [] });
      expect(first.socialProfiles).toEqual([{ id: profileIds[0], network: 'INSTAGRAM', handle: 'fan0', followers: 100, customer: { id: CUSTOMERS[0] } }]);
      expect(first.mentions.map((m: { text: string }) => m.text)).toEqual(['Great product number 2', 'Great product number 1']);
      expect(first.mentions[0]).toMatchObject({ sentiment: 'POSITIVE', isComplaint: false, postedAt: '2026-01-03T00:00:00.000Z', author: { handle: 'fan0', followers: 100 } });
      expect(first.complaints).toEqual([{ id: mentionIds[0], isComplaint: true }]);
      expect(fourth.socialProfiles[0].handle).toBe('fan3');
    });

    it('issues the same few SQL statements for 5 customers as for 30 (DataLoader batching)', async () => {
      const few = await customers360(CUSTOMERS.slice(0, 5));
      const many = await customers360(CUSTOMERS);
      expect(many.result.data._entities).toHaveLength(30);
      expect(many.result.data._entities.every((c: { mentions: unknown[] }) => c.mentions.length === 2)).toBe(true);
      // profiles of customers, mentions (first 2), complaints (first 5), authors of the mentions.
      expect(many.statements).toBe(4);
      expect(few.statements).toBe(many.statements);
    });

    it('resolves Mention and SocialProfile references in one statement each, null for unknown ids', async () => {
      counter.reset();
      const representations = [
        ...mentionIds.slice(0, 20).map((id) => ({ __typename: 'Mention', id })),
        { __typename: 'Mention', id: 'M-999999' },
        ...profileIds.slice(0, 10).map((id) => ({ __typename: 'SocialProfile', id })),
        { __typename: 'SocialProfile', id: 'nonsense' },
      ];
      const { data, errors } = await graphql(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Mention { id text customer { id } } ... on SocialProfile { id handle } } }`,
        { r: representations },
      );
      expect(errors).toBeUndefined();
      expect(data._entities).toHaveLength(32);
      expect(data._entities[0]).toEqual({ id: mentionIds[0], text: 'Still waiting, want a refund', customer: { id: CUSTOMERS[0] } });
      expect(data._entities[20]).toBeNull();
      expect(data._entities[21]).toEqual({ id: profileIds[0], handle: 'fan0' });
      expect(data._entities[31]).toBeNull();
      expect(counter.count).toBe(2);
    });

    it('answers the root fields, and a page size out of range with BAD_USER_INPUT', async () => {
      const { data } = await graphql(`{ recentMentions(first: 3, complaintsOnly: true) { isComplaint } socialProfile(network: X, handle: "@FAN1") { handle followers } }`);
      expect(data.recentMentions).toEqual([{ isComplaint: true }, { isComplaint: true }, { isComplaint: true }]);
      expect(data.socialProfile).toEqual({ handle: 'fan1', followers: 101 });
      const bad = await graphql(`{ recentMentions(first: -1) { id } }`);
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect((await graphql(`{ mention(id: "M-424242") { id } }`)).data).toEqual({ mention: null });
    });
  });
}
