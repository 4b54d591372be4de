// Identity resolution on the hub store's SQL tables (tp_identity_link, tp_identity_merge). Each
// resolution runs in one transaction: it either links and merges everything or stores nothing.
import type { Kysely, Transaction } from 'kysely';
import { alignMany, uniqueKeys } from '../../../lib/batch';
import { ConflictError, InvalidInputError, NotFoundError } from '../../../lib/errors';
import type { IdentityNamespace } from '../hub-store-port';
import { requireNormalizedIdentity } from '../identity-normalization';
import type { HubTables } from '../sql/hub-tables';
import { requireKey, storeCall, toDate } from '../sql/store-errors';
import { blockedReason } from './blocked-values';
import type { IdentityMerge, IdentityResolution, IdentityResolutionPort, IncomingIdentity, SkippedIdentity } from './identity-resolution-port';
import { byPriority, DEFAULT_MATCHING_POLICY, type MatchingPolicy } from './matching-policy';

interface Normalized extends IncomingIdentity {
  raw: string;
}

type Db = Kysely<HubTables> | Transaction<HubTables>;

export class SqlIdentityResolver implements IdentityResolutionPort {
  constructor(
    private readonly db: Kysely<HubTables>,
    private readonly policy: MatchingPolicy = DEFAULT_MATCHING_POLICY,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The canonical value, or InvalidInputError for a value that is unusable or a placeholder. */
  private usable(identity: IncomingIdentity): Normalized {
    const value = requireNormalizedIdentity(identity.namespace, identity.value);
    const blocked = blockedReason(identity.namespace, value);
    if (blocked) throw new InvalidInputError(`${JSON.stringify(identity.value)} cannot identify a customer: ${blocked}`, 'value');
    return { namespace: identity.namespace, value, raw: identity.value.trim().slice(0, 255) };
  }

  private async countIn(db: Db, customerId: string, namespace: IdentityNamespace): Promise<number> {
    const row = await db.selectFrom('tp_identity_link').select((eb) => eb.fn.countAll<number>().as('n')).where('customer_id', '=', customerId).where('namespace', '=', namespace).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  private async holderOf(db: Db, identity: IncomingIdentity): Promise<string | null> {
    const row = await db.selectFrom('tp_identity_link').select('customer_id').where('namespace', '=', identity.namespace).where('normalized_value', '=', identity.value).executeTakeFirst();
    return row?.customer_id ?? null;
  }

  private async insertLink(db: Db, customerId: string, identity: Normalized): Promise<void> {
    await db.insertInto('tp_identity_link').values({ namespace: identity.namespace, normalized_value: identity.value, raw_value: identity.raw, customer_id: customerId, created_at_ms: this.now().getTime() }).execute();
  }

  async linkIdentity(customerId: string, identity: IncomingIdentity, source: string): Promise<void> {
    const id = requireKey(customerId.trim(), 'customerId', 64);
    requireKey(source, 'source', 64);
    const normalized = this.usable(identity);
    await storeCall('link an identity', () =>
      this.db.transaction().execute(async (tx) => {
        const holder = await this.holderOf(tx, normalized);
        if (holder === id) return;
        if (holder) throw new ConflictError(`the ${identity.namespace} identity is already linked to another customer`);
        const limit = this.policy.limits[identity.namespace];
        if ((await this.countIn(tx, id, identity.namespace)) >= limit) {
          throw new InvalidInputError(`customer ${id} already holds ${limit} ${identity.namespace} identities, the most one customer may hold`, 'value');
        }
        await this.insertLink(tx, id, normalized);
      }),
    );
  }

  async resolve(identities: readonly IncomingIdentity[], source: string): Promise<IdentityResolution> {
    requireKey(source, 'source', 64);
    if (identities.length === 0) throw new InvalidInputError('at least one identity is needed', 'identities');
    // Placeholders and unusable values take no part in matching; they are reported, not fatal.
    const skipped: SkippedIdentity[] = [];
    const usable: Normalized[] = [];
    const seen = new Set<string>();
    for (const identity of byPriority(this.policy, identities)) {
      let normalized: Normalized;
      try {
        normalized = this.usable(identity);
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        skipped.push({ ...identity, reason: error.message });
        continue;
      }
      const key = `${normalized.namespace}\u0000${normalized.value}`;
      if (!seen.has(key)) usable.push(normalized);
      seen.add(key);
    }
    return storeCall('resolve identities', () =>
      this.db.transaction().execute(async (tx) => {
        const holders = await Promise.all(usable.map((i) => this.holderOf(tx, i)));
        const first = holders.findIndex((h) => h !== null);
        if (first === -1) throw new NotFoundError('Customer with identities', usable.map((i) => `${i.namespace}:${i.value}`).join(', ') || '(none usable)');
        const survivor = holders[first]!;
        const matchedBy = { namespace: usable[first].namespace, value: usable[first].value };
        const merges: IdentityMerge[] = [];
        for (let i = 0; i < usable.length; i += 1) {
          const other = holders[i];
          if (other === null || other === survivor || merges.some((m) => m.mergedCustomerId === other)) continue;
          merges.push(await this.merge(tx, survivor, other, usable[i], matchedBy, source));
        }
        const linked: IncomingIdentity[] = [];
        for (let i = 0; i < usable.length; i += 1) {
          if (holders[i] !== null) continue;
          const limit = this.policy.limits[usable[i].namespace];
          if ((await this.countIn(tx, survivor, usable[i].namespace)) >= limit) {
            skipped.push({ namespace: usable[i].namespace, value: usable[i].raw, reason: `customer ${survivor} already holds ${limit} ${usable[i].namespace} identities` });
            continue;
          }
          await this.insertLink(tx, survivor, usable[i]);
          linked.push({ namespace: usable[i].namespace, value: usable[i].value });
        }
        return { customerId: survivor, matchedBy, linked, skipped, merges };
      }),
    );
  }

  /** Moves every link of `merged` to `survivor` (its CRM id included, so the old id still finds it) and records why. */
  private async merge(tx: Transaction<HubTables>, survivor: string, merged: string, shared: Normalized, matchedBy: IncomingIdentity, source: string): Promise<IdentityMerge> {
    const moved = await tx.updateTable('tp_identity_link').set({ customer_id: survivor }).where('customer_id', '=', merged).executeTakeFirst();
    let movedLinks = Number(moved.numUpdatedRows ?? 0);
    if ((await this.holderOf(tx, { namespace: 'CRM', value: merged })) === null) {
      await this.insertLink(tx, survivor, { namespace: 'CRM', value: merged, raw: merged });
      movedLinks += 1;
    }
    const reason = `${source} sent ${shared.namespace} ${shared.value}, linked to ${merged}, together with ${matchedBy.namespace} ${matchedBy.value}, linked to ${survivor} (the stronger identity decides the survivor)`;
    const mergedAt = this.now();
    const record = { survivor_customer_id: survivor, merged_customer_id: merged, reason: reason.slice(0, 512), namespace: shared.namespace, normalized_value: shared.value, source, moved_links: movedLinks, merged_at_ms: mergedAt.getTime() };
    await tx.insertInto('tp_identity_merge').values(record).execute();
    return { survivorCustomerId: survivor, mergedCustomerId: merged, reason: record.reason, namespace: shared.namespace, value: shared.value, source, movedLinks, mergedAt };
  }

  async findMergesByCustomerIds(customerIds: readonly string[]): Promise<IdentityMerge[][]> {
    const ids = uniqueKeys(customerIds);
    if (ids.length === 0) return [];
    const rows = await storeCall('find identity merges', () =>
      this.db
        .selectFrom('tp_identity_merge')
        .selectAll()
        .where((eb) => eb.or([eb('survivor_customer_id', 'in', ids), eb('merged_customer_id', 'in', ids)]))
        .orderBy('id')
        .execute(),
    );
    const merges = rows.map((r): IdentityMerge => ({
      survivorCustomerId: r.survivor_customer_id,
      mergedCustomerId: r.merged_customer_id,
      reason: r.reason,
      namespace: r.namespace as IdentityNamespace,
      value: r.normalized_value,
      source: r.source,
      movedLinks: Number(r.moved_links),
      mergedAt: toDate(r.merged_at_ms),
    }));
    // A merge belongs to both customers it names.
    const pairs = merges.flatMap((m) => (m.survivorCustomerId === m.mergedCustomerId ? [{ id: m.survivorCustomerId, m }] : [{ id: m.survivorCustomerId, m }, { id: m.mergedCustomerId, m }]));
    return alignMany(customerIds, pairs, (p) => p.id).map((list) => list.map((p) => p.m));
  }
}
