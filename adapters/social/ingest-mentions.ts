// The one path every mention takes into the hub (the webhook, the demo seed): score the text,
// link the author to a customer through the hub's identities, store it idempotently.
import type { IdentityPort } from '../hub/hub-store-port';
import { normalizeHandle } from './handles';
import { scoreMention } from './scoring';
import type { IncomingMention, Mention, SocialPort } from './social-port';

export interface IngestDependencies {
  social: Pick<SocialPort, 'saveMention'>;
  identities: Pick<IdentityPort, 'findCustomerIdsByIdentities'>;
}

export interface IngestedMention {
  mention: Mention;
  /** False when the mention had been delivered before (nothing changed). */
  created: boolean;
}

/** Results are aligned with the input. Authors are looked up in one batch (namespace = network). */
export async function ingestMentions(incoming: readonly IncomingMention[], deps: IngestDependencies): Promise<IngestedMention[]> {
  if (incoming.length === 0) return [];
  const customerIds = await deps.identities.findCustomerIdsByIdentities(
    incoming.map((m) => ({ namespace: m.network, value: normalizeHandle(m.authorHandle) })),
  );
  const results: IngestedMention[] = [];
  // One after another: ids follow delivery order, and a large batch never floods the pool.
  for (const [i, mention] of incoming.entries()) {
    const { sentimentScore, isComplaint } = scoreMention(mention.text);
    results.push(await deps.social.saveMention({ ...mention, sentimentScore, isComplaint, customerId: customerIds[i] ?? null }));
  }
  return results;
}
