// The port contract every HubStore adapter must meet. Run it against a new adapter with
// describeHubStoreContract('my store', factory) from a jest test file.
import { randomUUID } from 'node:crypto';
import { ConflictError, InvalidInputError } from '../../lib/errors';
import type { HubStore } from './hub-store-port';

export type ClosableHub = HubStore & { close(): Promise<void> };

export interface HubStoreFixture {
  /** Opens a store on the fixture's database; each call opens a separate connection (another "process"). */
  open(): Promise<ClosableHub>;
  /** Removes the database. */
  drop(): Promise<void>;
}

export function describeHubStoreContract(name: string, createFixture: () => Promise<HubStoreFixture>): void {
  describe(`HubStore contract: ${name}`, () => {
    let fixture: HubStoreFixture;
    let store: ClosableHub;
    let other: ClosableHub;
    const unique = (prefix: string) => `${prefix}-${randomUUID()}`;

    beforeAll(async () => {
      fixture = await createFixture();
      store = await fixture.open();
      other = await fixture.open();
    });
    afterAll(async () => {
      await other?.close();
      await store?.close();
      await fixture?.drop();
    });

    describe('identities', () => {
      it('finds the customer by any spelling of a linked identity, aligned with the request', async () => {
        const customerId = unique('C');
        await store.identities.link({ customerId, namespace: 'EMAIL', value: '  Jane.Doe@Example.COM ' });
        await store.identities.link({ customerId, namespace: 'PHONE', value: '+1 (555) 010-0042' });
        await store.identities.link({ customerId, namespace: 'X', value: '@JaneDoe' });
        await store.identities.link({ customerId, namespace: 'ERP', value: ' A100042 ' });

        const found = await store.identities.findCustomerIdsByIdentities([
          { namespace: 'X', value: 'janedoe' },
          { namespace: 'EMAIL', value: 'nobody@example.com' },
          { namespace: 'EMAIL', value: 'jane.doe@example.com' },
          { namespace: 'PHONE', value: '0015550100042' },
          { namespace: 'INSTAGRAM', value: 'janedoe' },
          { namespace: 'ERP', value: 'A100042' },
          { namespace: 'PHONE', value: 'not a phone' },
        ]);
        expect(found).toEqual([customerId, null, customerId, customerId, null, customerId, null]);
      });

      it('lists every identity of each customer, aligned, optionally in one namespace', async () => {
        const a = unique('C');
        const b = unique('C');
        await store.identities.link({ customerId: a, namespace: 'CRM', value: a });
        await store.identities.link({ customerId: a, namespace: 'EMAIL', value: `${a}@example.com` });
        await store.identities.link({ customerId: b, namespace: 'EMAIL', value: `${b}@example.com` });

        const [ofB, ofNobody, ofA, ofAagain] = await store.identities.findIdentitiesByCustomerIds([b, 'nobody', a, a]);
        expect(ofB).toEqual([{ customerId: b, namespace: 'EMAIL', value: `${b}@example.com`.toLowerCase() }]);
        expect(ofNobody).toEqual([]);
        expect(ofA?.map((l) => l.namespace).sort()).toEqual(['CRM', 'EMAIL']);
        expect(ofAagain).toEqual(ofA);

        const emailsOnly = await store.identities.findIdentitiesByCustomerIds([a], 'EMAIL');
        expect(emailsOnly).toEqual([[{ customerId: a, namespace: 'EMAIL', value: `${a}@example.com`.toLowerCase() }]]);
        expect(await store.identities.findIdentitiesByCustomerIds([])).toEqual([]);
      });

      it('treats linking the same identity to the same customer again as a no-op', async () => {
        const customerId = unique('C');
        const handle = unique('handle');
        await store.identities.link({ customerId, namespace: 'INSTAGRAM', value: handle });
        await store.identities.link({ customerId, namespace: 'INSTAGRAM', value: `@${handle.toUpperCase()}` });
        const [links] = await store.identities.findIdentitiesByCustomerIds([customerId]);
        expect(links).toEqual([{ customerId, namespace: 'INSTAGRAM', value: handle.toLowerCase() }]);
      });

      it('refuses to move an identity to another customer, and keeps the first link', async () => {
        const first = unique('C');
        const email = `${unique('x')}@example.com`;
        await store.identities.link({ customerId: first, namespace: 'EMAIL', value: email });
        await expect(store.identities.link({ customerId: unique('C'), namespace: 'EMAIL', value: email.toUpperCase() })).rejects.toBeInstanceOf(ConflictError);
        expect(await store.identities.findCustomerIdsByIdentities([{ namespace: 'EMAIL', value: email }])).toEqual([first]);
      });

      it('rejects a value that cannot be an identity of its namespace', async () => {
        await expect(store.identities.link({ customerId: 'C-1', namespace: 'EMAIL', value: '   ' })).rejects.toBeInstanceOf(InvalidInputError);
        await expect(store.identities.link({ customerId: 'C-1', namespace: 'PHONE', value: '12' })).rejects.toBeInstanceOf(InvalidInputError);
      });

      it('answers a large batch of lookups aligned with the request', async () => {
        const ids = Array.from({ length: 30 }, () => unique('C'));
        for (const id of ids) await store.identities.link({ customerId: id, namespace: 'CRM', value: id });
        const found = await store.identities.findCustomerIdsByIdentities(ids.map((value) => ({ namespace: 'CRM' as const, value })));
        expect(found).toEqual(ids);
      });
    });

    describe('idempotency', () => {
      it('lets the first claim win and shows later callers the stored outcome', async () => {
        const key = unique('key');
        expect(await store.idempotency.claim('orders', key, 'hash-1')).toEqual({ claimed: true });

        const inProgress = await store.idempotency.claim('orders', key, 'hash-1');
        expect(inProgress).toMatchObject({ claimed: false, record: { scope: 'orders', key, requestHash: 'hash-1', response: null } });

        await store.idempotency.complete('orders', key, '{"orderId":"O-1"}');
        const done = await other.idempotency.claim('orders', key, 'hash-2');
        expect(done.claimed).toBe(false);
        if (!done.claimed) {
          expect(done.record.response).toBe('{"orderId":"O-1"}');
          expect(done.record.requestHash).toBe('hash-1');
          expect(done.record.createdAt).toBeInstanceOf(Date);
          expect(Math.abs(done.record.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
        }
      });

      it('keeps scopes apart and compares keys exactly', async () => {
        const key = unique('Key');
        expect(await store.idempotency.claim('orders', key, 'h')).toEqual({ claimed: true });
        expect(await store.idempotency.claim('payments', key, 'h')).toEqual({ claimed: true });
        expect(await store.idempotency.claim('orders', key.toLowerCase(), 'h')).toEqual({ claimed: true });
      });

      it('lets a retry run again after a failed attempt was released, but never releases a completed one', async () => {
        const key = unique('key');
        await store.idempotency.claim('orders', key, 'h');
        await store.idempotency.release('orders', key);
        expect(await store.idempotency.claim('orders', key, 'h')).toEqual({ claimed: true });

        await store.idempotency.complete('orders', key, '"done"');
        await store.idempotency.release('orders', key);
        expect(await store.idempotency.claim('orders', key, 'h')).toMatchObject({ claimed: false, record: { response: '"done"' } });
      });

      it('keeps a large stored response whole', async () => {
        const key = unique('key');
        const response = JSON.stringify({ lines: 'x'.repeat(200_000) });
        await store.idempotency.claim('orders', key, 'h');
        await store.idempotency.complete('orders', key, response);
        const again = await store.idempotency.claim('orders', key, 'h');
        expect(again.claimed === false && again.record.response).toBe(response);
      });

      it('rejects a key too long to store exactly', async () => {
        await expect(store.idempotency.claim('orders', 'k'.repeat(256), 'h')).rejects.toBeInstanceOf(InvalidInputError);
      });

      it('lets exactly one of many concurrent claims from two stores win', async () => {
        for (let round = 0; round < 5; round += 1) {
          const key = unique('race');
          const attempts = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? store : other).idempotency.claim('orders', key, `h${i}`));
          const results = await Promise.all(attempts);
          expect(results.filter((r) => r.claimed)).toHaveLength(1);
          const losers = results.filter((r) => !r.claimed);
          expect(losers).toHaveLength(9);
        }
      });

      it('purges records older than a date and says how many', async () => {
        const key = unique('old');
        await store.idempotency.claim('purge-test', key, 'h');
        expect(await store.idempotency.purgeOlderThan(new Date(Date.now() - 3_600_000))).toBe(0);
        const purged = await store.idempotency.purgeOlderThan(new Date(Date.now() + 1000));
        expect(purged).toBeGreaterThanOrEqual(1);
        expect(await store.idempotency.claim('purge-test', key, 'h')).toEqual({ claimed: true });
      });
    });

    describe('nonces', () => {
      it('remembers a nonce once and reports every replay', async () => {
        const nonce = unique('n');
        expect(await store.nonces.remember('social', nonce, new Date())).toBe(true);
        expect(await store.nonces.remember('social', nonce, new Date())).toBe(false);
        expect(await other.nonces.remember('social', nonce, new Date())).toBe(false);
        expect(await store.nonces.remember('carrier', nonce, new Date())).toBe(true);
      });

      it('lets exactly one of many concurrent deliveries of a nonce from two stores through', async () => {
        for (let round = 0; round < 5; round += 1) {
          const nonce = unique('race');
          const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? store : other).nonces.remember('social', nonce, new Date())));
          expect(results.filter(Boolean)).toHaveLength(1);
        }
      });

      it('purges nonces seen before a date', async () => {
        const old = unique('old');
        const fresh = unique('fresh');
        await store.nonces.remember('purge', old, new Date(Date.now() - 10 * 60_000));
        await store.nonces.remember('purge', fresh, new Date());
        expect(await store.nonces.purgeOlderThan(new Date(Date.now() - 5 * 60_000))).toBeGreaterThanOrEqual(1);
        expect(await store.nonces.remember('purge', old, new Date())).toBe(true);
        expect(await store.nonces.remember('purge', fresh, new Date())).toBe(false);
      });
    });

    describe('watermarks', () => {
      it('stores, overwrites and reads a position per stream', async () => {
        const stream = unique('stream');
        expect(await store.watermarks.get(stream)).toBeNull();
        await store.watermarks.set(stream, 'binlog.000001:4');
        await other.watermarks.set(stream, 'binlog.000001:1200');
        expect(await store.watermarks.get(stream)).toBe('binlog.000001:1200');
        expect(await store.watermarks.get(unique('other'))).toBeNull();
      });
    });

    describe('outbox', () => {
      it('hands out unpublished events oldest first until they are marked published', async () => {
        const topic = unique('topic');
        const first = await store.outbox.append(topic, '{"n":1}');
        const second = await other.outbox.append(topic, '{"n":2}');
        const third = await store.outbox.append(topic, '{"n":3}');
        expect(second).toBeGreaterThan(first);
        expect(third).toBeGreaterThan(second);

        const mine = <E extends { topic: string }>(events: E[]) => events.filter((e) => e.topic === topic);
        const pending = mine(await store.outbox.pending(1000));
        expect(pending.map((e) => [e.id, e.payload])).toEqual([[first, '{"n":1}'], [second, '{"n":2}'], [third, '{"n":3}']]);
        expect(pending[0]!.createdAt).toBeInstanceOf(Date);

        await store.outbox.markPublished([first, third]);
        expect(mine(await store.outbox.pending(1000)).map((e) => e.id)).toEqual([second]);
        await store.outbox.markPublished([]);
        await store.outbox.markPublished([second]);
        expect(mine(await store.outbox.pending(1000))).toEqual([]);
      });

      it('limits how many pending events it returns', async () => {
        const topic = unique('limit');
        for (let i = 0; i < 3; i += 1) await store.outbox.append(topic, `${i}`);
        expect((await store.outbox.pending(2)).length).toBe(2);
        expect(await store.outbox.pending(0)).toEqual([]);
      });
    });
  });
}
