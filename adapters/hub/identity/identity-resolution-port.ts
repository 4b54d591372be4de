// Identity resolution: identities arriving from any system find (or join) one customer by the
// matching policy's deterministic rules; two customers found to share an identity are merged into
// the one the strongest identity names, every source id kept, and the merge recorded with its reason.
import type { IdentityNamespace } from '../hub-store-port';

export interface IncomingIdentity {
  namespace: IdentityNamespace;
  value: string;
}

export interface IdentityMerge {
  survivorCustomerId: string;
  mergedCustomerId: string;
  reason: string;
  namespace: IdentityNamespace;
  value: string;
  source: string;
  movedLinks: number;
  mergedAt: Date;
}

export interface SkippedIdentity extends IncomingIdentity {
  reason: string;
}

export interface IdentityResolution {
  customerId: string;
  /** The identity whose link decided the customer (the strongest one that matched). */
  matchedBy: IncomingIdentity;
  /** Identities newly linked to the customer. */
  linked: IncomingIdentity[];
  /** Identities not used: placeholders, or over the namespace's limit. */
  skipped: SkippedIdentity[];
  merges: IdentityMerge[];
}

export interface IdentityResolutionPort {
  /**
   * Links one identity to a known customer. Refuses (InvalidInputError, nothing stored) a value that
   * does not normalize, a placeholder value, and a link beyond the namespace's limit; ConflictError
   * when another customer holds it. Linking a held identity again is a no-op.
   */
  linkIdentity(customerId: string, identity: IncomingIdentity, source: string): Promise<void>;
  /**
   * Finds the customer the identities of one incoming record belong to, links the others to it and
   * merges customers they name. NotFoundError (nothing stored) when none of them names a customer.
   */
  resolve(identities: readonly IncomingIdentity[], source: string): Promise<IdentityResolution>;
  /** Aligned with customer ids: merges each customer survived or was merged by, oldest first. */
  findMergesByCustomerIds(customerIds: readonly string[]): Promise<IdentityMerge[][]>;
}
