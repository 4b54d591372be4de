// SocialPort over the social store's tables (kysely; SQLite or MySQL). Every batch method issues
// one statement for the whole batch; saveMention relies on unique indexes, not on locks.
import type { Kysely } from 'kysely';
import { alignMany, alignOne, uniqueKeys } from '../../../lib/batch';
import { InvalidInputError } from '../../../lib/errors';
import type { IncomingMention, Mention, MentionQuery, ProfileUpdate, SocialNetwork, SocialPort, SocialProfile } from '../social-port';
import { storeCall } from './social-errors';
import { parseMentionId, parseProfileId, toMention, toProfile, type MentionRow } from './social-mappers';
import type { SocialTables } from './social-tables';
import { MAX_MENTION_TEXT, requireDate, requireFollowers, requireHandle, requireNetwork, requirePageSize, requireText } from './social-validation';

const MENTION_COLUMNS = [
  'm.id',
  'm.network',
  'm.external_id',
  'm.profile_id',
  'm.author_handle',
  'm.body',
  'm.sentiment_score',
  'm.is_complaint',
  'm.posted_at_ms',
  'm.url',
  'p.customer_id',
] as const;

const PROFILE_COLUMNS = ['id', 'network', 'handle', 'display_name', 'followers', 'customer_id'] as const;

type ScoredMention = IncomingMention & { sentimentScore: number; isComplaint: boolean; customerId: string | null };

export class SqlSocialAdapter implements SocialPort {
  constructor(private readonly db: Kysely<SocialTables>) {}

  // A mention's customer is its author's profile's customer, so a link made later applies to
  // every earlier mention too.
  private mentions() {
    return this.db.selectFrom('soc_mention as m').innerJoin('soc_profile as p', 'p.id', 'm.profile_id').select(MENTION_COLUMNS);
  }

  async findProfilesByIds(ids: readonly string[]): Promise<(SocialProfile | null)[]> {
    const numeric = uniqueKeys(ids.map(parseProfileId).filter((n): n is number => n !== null));
    if (numeric.length === 0) return ids.map(() => null);
    const rows = await storeCall('find profiles', () => this.db.selectFrom('soc_profile').select(PROFILE_COLUMNS).where('id', 'in', numeric).execute());
    return alignOne(ids, rows.map(toProfile), (p) => p.id);
  }

  async findProfilesByCustomerIds(customerIds: readonly string[]): Promise<SocialProfile[][]> {
    const keys = uniqueKeys(customerIds);
    if (keys.length === 0) return [];
    const rows = await storeCall('find profiles of customers', () =>
      this.db.selectFrom('soc_profile').select(PROFILE_COLUMNS).where('customer_id', 'in', keys).orderBy('network').orderBy('handle').execute(),
    );
    return alignMany(customerIds, rows.map(toProfile), (p) => p.customerId!);
  }

  async findProfileByHandle(network: SocialNetwork, handle: string): Promise<SocialProfile | null> {
    const key = { network: requireNetwork(network), handle: requireHandle(handle) };
    const row = await storeCall('find a profile', () =>
      this.db.selectFrom('soc_profile').select(PROFILE_COLUMNS).where('network', '=', key.network).where('handle', '=', key.handle).executeTakeFirst(),
    );
    return row ? toProfile(row) : null;
  }

  async findMentionsByIds(ids: readonly string[]): Promise<(Mention | null)[]> {
    const numeric = uniqueKeys(ids.map(parseMentionId).filter((n): n is number => n !== null));
    if (numeric.length === 0) return ids.map(() => null);
    const rows = await storeCall('find mentions', () => this.mentions().where('m.id', 'in', numeric).execute());
    return alignOne(ids, rows.map(toMention), (m) => m.id);
  }

  async findMentionsByCustomerIds(customerIds: readonly string[], query: MentionQuery): Promise<Mention[][]> {
    const first = requirePageSize(query);
    const keys = uniqueKeys(customerIds);
    if (keys.length === 0) return [];
    if (first === 0) return customerIds.map(() => []);
    // One statement for every customer: rank each customer's mentions newest first, keep the top `first`.
    const rows = await storeCall('find mentions of customers', () => {
      let ranked = this.mentions()
        .select((eb) => eb.fn.agg<number>('row_number').over((ob) => ob.partitionBy('p.customer_id').orderBy('m.posted_at_ms', 'desc').orderBy('m.id', 'desc')).as('rank'))
        .where('p.customer_id', 'in', keys);
      if (query.complaintsOnly) ranked = ranked.where('m.is_complaint', '=', 1);
      return this.db
        .selectFrom(ranked.as('r'))
        .selectAll()
        .where('r.rank', '<=', first)
        .orderBy('r.customer_id')
        .orderBy('r.posted_at_ms', 'desc')
        .orderBy('r.id', 'desc')
        .execute();
    });
    return alignMany(customerIds, rows.map((r) => toMention(r as MentionRow)), (m) => m.customerId!);
  }

  async recentMentions(query: MentionQuery): Promise<Mention[]> {
    const first = requirePageSize(query);
    if (first === 0) return [];
    const rows = await storeCall('list recent mentions', () => {
      let q = this.mentions().orderBy('m.posted_at_ms', 'desc').orderBy('m.id', 'desc').limit(first);
      if (query.complaintsOnly) q = q.where('m.is_complaint', '=', 1);
      return q.execute();
    });
    return rows.map(toMention);
  }

  async saveProfile(update: ProfileUpdate): Promise<SocialProfile> {
    const network = requireNetwork(update.network);
    const handle = requireHandle(update.handle);
    const id = await this.upsertProfile(network, handle, update);
    const [profile] = await this.findProfilesByIds([`SP-${id}`]);
    return profile!;
  }

  async saveMention(mention: ScoredMention): Promise<{ mention: Mention; created: boolean }> {
    const network = requireNetwork(mention.network);
    const handle = requireHandle(mention.authorHandle);
    const externalId = requireText(mention.externalId, 'externalId', 255);
    const text = requireText(mention.text, 'text', MAX_MENTION_TEXT);
    const postedAt = requireDate(mention.postedAt, 'postedAt');
    const url = mention.url ? requireText(mention.url, 'url', 2048) : null;
    if (!Number.isFinite(mention.sentimentScore) || Math.abs(mention.sentimentScore) > 1) {
      throw new InvalidInputError('sentimentScore must be from -1 to 1', 'sentimentScore');
    }

    // A redelivery changes nothing: not the mention, not its author's profile.
    const existing = await this.findByExternalId(network, externalId);
    if (existing) return { mention: existing, created: false };

    const profileId = await this.upsertProfile(network, handle, {
      displayName: mention.authorDisplayName,
      followers: mention.authorFollowers,
      customerId: mention.customerId,
      observedAt: postedAt,
    });
    const inserted = await storeCall('save a mention', () =>
      this.db
        .insertInto('soc_mention')
        .orIgnore()
        .values({
          network,
          external_id: externalId,
          profile_id: profileId,
          author_handle: handle,
          body: text,
          sentiment_score: mention.sentimentScore,
          is_complaint: mention.isComplaint ? 1 : 0,
          posted_at_ms: postedAt.getTime(),
          url,
          received_at_ms: Date.now(),
        })
        .executeTakeFirst(),
    );
    const stored = await this.findByExternalId(network, externalId);
    if (!stored) throw new Error('a saved mention could not be read back');
    // Zero rows inserted means a concurrent delivery of the same mention won the unique index.
    return { mention: stored, created: Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 };
  }

  private async findByExternalId(network: SocialNetwork, externalId: string): Promise<Mention | null> {
    const row = await storeCall('find a mention', () =>
      this.mentions().where('m.network', '=', network).where('m.external_id', '=', externalId).executeTakeFirst(),
    );
    return row ? toMention(row) : null;
  }

  /** Creates the profile or brings it up to date; returns its numeric id. */
  private async upsertProfile(network: SocialNetwork, handle: string, update: Omit<ProfileUpdate, 'network' | 'handle'>): Promise<number> {
    const followers = requireFollowers(update.followers);
    const observedAt = requireDate(update.observedAt, 'observedAt').getTime();
    const displayName = update.displayName ? requireText(update.displayName, 'displayName', 255) : null;
    const customerId = update.customerId ? requireText(update.customerId, 'customerId', 64) : null;
    return storeCall('save a profile', async () => {
      const created = await this.db
        .insertInto('soc_profile')
        .orIgnore()
        .values({ network, handle, display_name: displayName, followers: followers ?? 0, followers_at_ms: observedAt, customer_id: customerId })
        .executeTakeFirst();
      if (Number(created.numInsertedOrUpdatedRows ?? 0) === 0) {
        const byKey = this.db.updateTable('soc_profile').where('network', '=', network).where('handle', '=', handle);
        if (displayName !== null || customerId !== null) {
          await byKey
            .set((eb) => ({
              display_name: displayName ?? eb.ref('display_name'),
              customer_id: customerId ?? eb.ref('customer_id'),
            }))
            .execute();
        }
        // An older observation (a late redelivery, a backfill) never overwrites a newer count.
        if (followers !== null) {
          await byKey.set({ followers, followers_at_ms: observedAt }).where('followers_at_ms', '<=', observedAt).execute();
        }
      }
      const row = await this.db.selectFrom('soc_profile').select('id').where('network', '=', network).where('handle', '=', handle).executeTakeFirstOrThrow();
      return Number(row.id);
    });
  }
}
