// Fills the social store with the demo world: the CRM's social accounts as profiles, then every
// demo mention through the same scoring, identity linking and save path as the webhook.
// Running it again adds nothing. Seed the hub's identities (seed-hub.ts) first so that authors link.
import { DEMO_EPOCH, type DemoDataset } from '../data/demo-dataset';
import type { IdentityPort } from '../../adapters/hub/hub-store-port';
import { ingestMentions } from '../../adapters/social/ingest-mentions';
import type { IncomingMention, SocialPort } from '../../adapters/social/social-port';

export interface SocialSeedResult {
  profiles: number;
  mentionsCreated: number;
}

const BATCH = 200;

export async function seedSocial(
  deps: { social: SocialPort; identities: Pick<IdentityPort, 'findCustomerIdsByIdentities'> },
  dataset: Pick<DemoDataset, 'customers' | 'mentions'>,
): Promise<SocialSeedResult> {
  let profiles = 0;
  for (const customer of dataset.customers) {
    for (const account of customer.social) {
      // Observed at the demo epoch, after every demo mention: the CRM's follower count is the latest.
      await deps.social.saveProfile({ network: account.network, handle: account.handle, followers: account.followers, customerId: customer.id, observedAt: new Date(DEMO_EPOCH) });
      profiles += 1;
    }
  }
  let mentionsCreated = 0;
  for (let start = 0; start < dataset.mentions.length; start += BATCH) {
    const batch: IncomingMention[] = dataset.mentions.slice(start, start + BATCH).map((m) => ({
      externalId: m.externalId,
      network: m.network,
      authorHandle: m.authorHandle,
      authorFollowers: m.authorFollowers,
      text: m.text,
      postedAt: m.postedAt,
      url: null,
    }));
    const results = await ingestMentions(batch, deps);
    mentionsCreated += results.filter((r) => r.created).length;
  }
  return { profiles, mentionsCreated };
}
