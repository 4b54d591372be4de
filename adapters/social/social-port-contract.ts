// The port contract every SocialPort adapter must meet. Run it against a new adapter with
// describeSocialPortContract('my adapter', factory) from a jest test file.
import { randomUUID } from 'node:crypto';
import { InvalidInputError } from '../../lib/errors';
import type { IncomingMention, SocialPort } from './social-port';

export type ClosableSocialPort = SocialPort & { close(): Promise<void> };

export interface SocialPortFixture {
  /** Opens the adapter on the fixture's store; each call opens a separate connection. */
  open(): Promise<ClosableSocialPort>;
  drop(): Promise<void>;
}

type Scored = IncomingMention & { sentimentScore: number; isComplaint: boolean; customerId: string | null };

export function describeSocialPortContract(name: string, createFixture: () => Promise<SocialPortFixture>): void {
  describe(`SocialPort contract: ${name}`, () => {
    let fixture: SocialPortFixture;
    let social: ClosableSocialPort;
    let other: ClosableSocialPort;
    const unique = (prefix: string) => `${prefix}${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const at = (iso: string) => new Date(iso);
    const mention = (overrides: Partial<Scored> = {}): Scored => ({
      externalId: unique('ext-'),
      network: 'X',
      authorHandle: unique('author'),
      authorDisplayName: null,
      authorFollowers: 100,
      text: 'Great service today',
      postedAt: at('2026-03-01T10:00:00Z'),
      url: null,
      sentimentScore: 0.6,
      isComplaint: false,
      customerId: null,
      ...overrides,
    });

    beforeAll(async () => {
      fixture = await createFixture();
      social = await fixture.open();
      other = await fixture.open();
    });
    afterAll(async () => {
      await other?.close();
      await social?.close();
      await fixture?.drop();
    });

    it('stores a mention with its scores and creates its author profile, linked to the customer', async () => {
      const customerId = unique('C-');
      const handle = unique('Jane');
      const { mention: saved, created } = await social.saveMention(
        mention({ authorHandle: `@${handle}`, authorDisplayName: 'Jane', authorFollowers: 1234, customerId, url: 'https://x.example/1', sentimentScore: -0.7, isComplaint: true, text: 'It arrived broken' }),
      );
      expect(created).toBe(true);
      expect(saved).toMatchObject({ network: 'X', authorHandle: handle.toLowerCase(), customerId, text: 'It arrived broken', sentimentScore: -0.7, isComplaint: true, url: 'https://x.example/1' });
      expect(saved.postedAt.toISOString()).toBe('2026-03-01T10:00:00.000Z');

      const profile = await social.findProfileByHandle('X', handle.toUpperCase());
      expect(profile).toEqual({ id: saved.profileId, network: 'X', handle: handle.toLowerCase(), displayName: 'Jane', followers: 1234, customerId });
      expect(await social.findProfileByHandle('INSTAGRAM', handle)).toBeNull();
    });

    it('treats a redelivered mention as the stored one and changes nothing', async () => {
      const first = mention({ authorFollowers: 10 });
      const { mention: stored } = await social.saveMention(first);
      const again = await other.saveMention({ ...first, text: 'edited text', authorFollowers: 99_999, postedAt: at('2027-01-01T00:00:00Z') });
      expect(again).toEqual({ mention: stored, created: false });
      const [profile] = await social.findProfilesByIds([stored.profileId!]);
      expect(profile?.followers).toBe(10);
    });

    it('lets exactly one of many concurrent deliveries of a mention create it', async () => {
      const m = mention();
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? social : other).saveMention(m)));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.mention.id)).size).toBe(1);
    });

    it('keeps the newest follower count and never overwrites it with an older observation', async () => {
      const authorHandle = unique('fan');
      await social.saveMention(mention({ authorHandle, authorFollowers: 100, postedAt: at('2026-03-01T00:00:00Z') }));
      await social.saveMention(mention({ authorHandle, authorFollowers: 250, postedAt: at('2026-04-01T00:00:00Z') }));
      await social.saveMention(mention({ authorHandle, authorFollowers: 50, postedAt: at('2026-02-01T00:00:00Z') }));
      await social.saveMention(mention({ authorHandle, authorFollowers: null, postedAt: at('2026-05-01T00:00:00Z') }));
      expect((await social.findProfileByHandle('X', authorHandle))?.followers).toBe(250);
    });

    it('finds profiles and mentions by id, aligned, with null for unknown or malformed ids', async () => {
      const a = (await social.saveMention(mention())).mention;
      const b = (await social.saveMention(mention({ network: 'INSTAGRAM' }))).mention;
      const mentions = await social.findMentionsByIds([b.id, 'M-999999999', a.id, 'garbage', b.id]);
      expect(mentions.map((m) => m?.id ?? null)).toEqual([b.id, null, a.id, null, b.id]);
      expect(mentions[0]).toEqual(b);
      const profiles = await social.findProfilesByIds([a.profileId!, 'SP-999999999', 'nope', b.profileId!]);
      expect(profiles.map((p) => p?.id ?? null)).toEqual([a.profileId, null, null, b.profileId]);
      expect(profiles[3]?.network).toBe('INSTAGRAM');
      expect(await social.findMentionsByIds([])).toEqual([]);
    });

    it("lists each customer's mentions newest first, at most `first` each, aligned with the customers", async () => {
      const busy = unique('C-');
      const quiet = unique('C-');
      const nobody = unique('C-');
      const busyHandleX = unique('busy');
      for (let day = 1; day <= 6; day += 1) {
        await social.saveMention(mention({ customerId: busy, authorHandle: day % 2 ? busyHandleX : `${busyHandleX}ig`, network: day % 2 ? 'X' : 'INSTAGRAM', postedAt: at(`2026-01-0${day}T12:00:00Z`), isComplaint: day >= 5, sentimentScore: day >= 5 ? -0.5 : 0.4 }));
      }
      await social.saveMention(mention({ customerId: quiet, postedAt: at('2026-02-01T00:00:00Z') }));

      const [ofQuiet, ofNobody, ofBusy, ofBusyAgain] = await social.findMentionsByCustomerIds([quiet, nobody, busy, busy], { first: 3 });
      expect(ofQuiet).toHaveLength(1);
      expect(ofNobody).toEqual([]);
      expect(ofBusy?.map((m) => m.postedAt.toISOString().slice(0, 10))).toEqual(['2026-01-06', '2026-01-05', '2026-01-04']);
      expect(ofBusy?.every((m) => m.customerId === busy)).toBe(true);
      expect(ofBusyAgain).toEqual(ofBusy);

      const [complaints] = await social.findMentionsByCustomerIds([busy], { first: 10, complaintsOnly: true });
      expect(complaints?.map((m) => m.isComplaint)).toEqual([true, true]);
      expect(await social.findMentionsByCustomerIds([busy], { first: 0 })).toEqual([[]]);

      const [profiles, none] = await social.findProfilesByCustomerIds([busy, nobody]);
      expect(profiles?.map((p) => [p.network, p.handle])).toEqual([['INSTAGRAM', `${busyHandleX}ig`.toLowerCase()], ['X', busyHandleX.toLowerCase()]]);
      expect(none).toEqual([]);
    });

    it('lists the newest mentions of all, optionally complaints only', async () => {
      // Posted far in the future so that they are the newest in a store shared with other tests.
      const saved = [];
      for (const [i, isComplaint] of [false, true, false, true].entries()) {
        saved.push((await social.saveMention(mention({ postedAt: at(`2100-01-0${i + 1}T00:00:00Z`), isComplaint }))).mention);
      }
      expect((await social.recentMentions({ first: 3 })).map((m) => m.id)).toEqual([saved[3]!.id, saved[2]!.id, saved[1]!.id]);
      expect((await social.recentMentions({ first: 2, complaintsOnly: true })).map((m) => m.id)).toEqual([saved[3]!.id, saved[1]!.id]);
      expect(await social.recentMentions({ first: 0 })).toEqual([]);
    });

    it("links a profile to a customer later, and the profile's earlier mentions follow", async () => {
      const handle = unique('late');
      const { mention: earlier } = await social.saveMention(mention({ authorHandle: handle, customerId: null }));
      expect(earlier.customerId).toBeNull();
      const customerId = unique('C-');
      const profile = await social.saveProfile({ network: 'X', handle: `@${handle}`, followers: 7, customerId, observedAt: new Date('2030-01-01T00:00:00Z') });
      expect(profile).toMatchObject({ id: earlier.profileId, followers: 7, customerId });
      const [linked] = await social.findMentionsByCustomerIds([customerId], { first: 5 });
      expect(linked?.map((m) => m.id)).toEqual([earlier.id]);
      // A mention without a known customer never unlinks the profile.
      await social.saveMention(mention({ authorHandle: handle, customerId: null }));
      expect((await social.findProfileByHandle('X', handle))?.customerId).toBe(customerId);
    });

    it('rejects invalid input with InvalidInputError and stores nothing', async () => {
      const externalId = unique('bad-');
      await expect(social.saveMention(mention({ externalId, network: 'MYSPACE' as never }))).rejects.toBeInstanceOf(InvalidInputError);
      await expect(social.saveMention(mention({ externalId, text: '   ' }))).rejects.toBeInstanceOf(InvalidInputError);
      await expect(social.saveMention(mention({ externalId, authorHandle: '@' }))).rejects.toBeInstanceOf(InvalidInputError);
      await expect(social.saveMention(mention({ externalId, postedAt: new Date('nope') }))).rejects.toBeInstanceOf(InvalidInputError);
      await expect(social.saveMention(mention({ externalId, sentimentScore: 3 }))).rejects.toBeInstanceOf(InvalidInputError);
      await expect(social.saveMention(mention({ externalId, authorFollowers: -1 }))).rejects.toBeInstanceOf(InvalidInputError);
      await expect(social.recentMentions({ first: -1 })).rejects.toBeInstanceOf(InvalidInputError);
      await expect(social.findMentionsByCustomerIds(['C-1'], { first: 10_000 })).rejects.toBeInstanceOf(InvalidInputError);
      const ok = await social.saveMention(mention({ externalId }));
      expect(ok.created).toBe(true);
    });
  });
}
