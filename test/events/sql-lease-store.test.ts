import { LeaseHolder } from '../../adapters/events/lease/lease-holder';
import { openSqlLeaseStore, type ClosableLeaseStore } from '../../adapters/events/lease/sql/sql-lease-store';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../support/test-databases';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const dialect of TEST_DIALECTS) {
  describe(`SQL lease store (${dialect})`, () => {
    let database: TestDatabase;
    let a: ClosableLeaseStore;
    let b: ClosableLeaseStore;

    beforeAll(async () => {
      database = await createTestDatabase(dialect, 'lease');
      a = await openSqlLeaseStore(database.url);
      b = await openSqlLeaseStore(database.url); // another process; finds the table migrated
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await database?.drop();
    });

    it('lets one holder in at a time, and the same holder renew', async () => {
      expect(await a.tryAcquire('duty-1', 'A', 10_000)).toBe(true);
      expect(await b.tryAcquire('duty-1', 'B', 10_000)).toBe(false);
      expect(await a.tryAcquire('duty-1', 'A', 10_000)).toBe(true);
      expect(await b.tryAcquire('duty-2', 'B', 10_000)).toBe(true);
    });

    it('gives exactly one of many simultaneous claimants the lease', async () => {
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).tryAcquire('race', `H${i}`, 10_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('hands an expired lease to another holder, and a released one at once', async () => {
      expect(await a.tryAcquire('duty-3', 'A', 300)).toBe(true);
      expect(await b.tryAcquire('duty-3', 'B', 300)).toBe(false);
      await sleep(450);
      expect(await b.tryAcquire('duty-3', 'B', 10_000)).toBe(true);
      expect(await a.tryAcquire('duty-3', 'A', 10_000)).toBe(false);
      await a.release('duty-3', 'A'); // not A's any more: no effect
      expect(await a.tryAcquire('duty-3', 'A', 10_000)).toBe(false);
      await b.release('duty-3', 'B');
      expect(await a.tryAcquire('duty-3', 'A', 10_000)).toBe(true);
    });

    it('tells a holder process how long it may act, renewing only when due', async () => {
      let now = 0;
      const holder = new LeaseHolder(a, 'duty-4', { ttlMs: 3000, holderId: 'H', now: () => now });
      const rival = new LeaseHolder(b, 'duty-4', { ttlMs: 3000, holderId: 'R', now: () => now });
      expect(await holder.ensure()).toBe(true);
      expect(holder.held).toBe(true);
      expect(await rival.ensure()).toBe(false);
      expect(rival.held).toBe(false);
      now = 2400; // past the local deadline (ttl minus a margin): the holder must not act without renewing
      expect(holder.held).toBe(false);
      expect(await holder.ensure()).toBe(true);
      expect(holder.held).toBe(true);
      await holder.release();
      expect(holder.held).toBe(false);
      expect(await rival.ensure()).toBe(true);
    });
  });
}
