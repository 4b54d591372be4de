// The deterministic rules identity resolution follows: which namespaces decide a match first, and
// how many identities of one namespace a customer may hold before further ones are refused (a
// customer with ten e-mail addresses is more likely a shared mailbox than one person).
import type { IdentityNamespace } from '../hub-store-port';

export interface MatchingPolicy {
  /** Namespaces in the order they decide which customer an incoming record belongs to (strongest first). */
  priority: readonly IdentityNamespace[];
  /** The most identities of each namespace one customer may hold through linking. */
  limits: Readonly<Record<IdentityNamespace, number>>;
}

export const DEFAULT_MATCHING_POLICY: MatchingPolicy = {
  // System ids are assigned by a system and never typed by a person; then the contact points a
  // person owns (an e-mail more rarely shared than a phone); social handles last.
  priority: ['CRM', 'ERP', 'EMAIL', 'PHONE', 'X', 'INSTAGRAM', 'FACEBOOK'],
  limits: { CRM: 5, ERP: 5, EMAIL: 3, PHONE: 3, X: 2, INSTAGRAM: 2, FACEBOOK: 2 },
};

/** The rank of a namespace in the policy (0 = strongest). */
export function namespaceRank(policy: MatchingPolicy, namespace: IdentityNamespace): number {
  const rank = policy.priority.indexOf(namespace);
  return rank === -1 ? policy.priority.length : rank;
}

/** Sorts identities strongest first; equal namespaces keep their order. */
export function byPriority<T extends { namespace: IdentityNamespace }>(policy: MatchingPolicy, identities: readonly T[]): T[] {
  return identities
    .map((identity, index) => ({ identity, index }))
    .sort((a, b) => namespaceRank(policy, a.identity.namespace) - namespaceRank(policy, b.identity.namespace) || a.index - b.index)
    .map((e) => e.identity);
}
