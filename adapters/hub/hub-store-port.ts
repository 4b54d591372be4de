// The hub's own store: state that belongs to no legacy system.

export type IdentityNamespace = 'CRM' | 'ERP' | 'EMAIL' | 'PHONE' | 'X' | 'INSTAGRAM' | 'FACEBOOK';

export interface IdentityLink {
  customerId: string;
  namespace: IdentityNamespace;
  value: string;
}

export interface IdentityPort {
  /** Aligned with customer ids: every identity of each customer (optionally one namespace only). */
  findIdentitiesByCustomerIds(customerIds: readonly string[], namespace?: IdentityNamespace): Promise<IdentityLink[][]>;
  /** Aligned with the given identities; null where no customer holds it. Values are compared normalized. */
  findCustomerIdsByIdentities(
    identities: readonly { namespace: IdentityNamespace; value: string }[],
  ): Promise<(string | null)[]>;
  /** Links an identity to a customer; linking the same identity to the same customer again is a no-op. */
  link(link: IdentityLink): Promise<void>;
}

export interface IdempotencyRecord {
  scope: string;
  key: string;
  requestHash: string;
  /** The stored outcome (JSON), null while the first attempt is still in progress. */
  response: string | null;
  createdAt: Date;
}

export interface IdempotencyPort {
  /**
   * Claims (scope, key) for a request. Returns `claimed` for the first caller; a later caller gets
   * the existing record (with its stored response once completed). Atomic across processes.
   */
  claim(scope: string, key: string, requestHash: string): Promise<{ claimed: true } | { claimed: false; record: IdempotencyRecord }>;
  complete(scope: string, key: string, response: string): Promise<void>;
  /** Forgets a claim whose request failed, so that a retry can run again. */
  release(scope: string, key: string): Promise<void>;
  /** Deletes records older than the date; returns how many. */
  purgeOlderThan(date: Date): Promise<number>;
}

export interface NoncePort {
  /** Records a webhook nonce; false when it was seen before (a replay). Atomic across processes. */
  remember(source: string, nonce: string, seenAt: Date): Promise<boolean>;
  purgeOlderThan(date: Date): Promise<number>;
}

export interface WatermarkPort {
  get(stream: string): Promise<string | null>;
  set(stream: string, position: string): Promise<void>;
}

export interface OutboxEvent {
  id: number;
  topic: string;
  payload: string;
  createdAt: Date;
}

export interface OutboxPort {
  append(topic: string, payload: string): Promise<number>;
  /** The oldest unpublished events, at most `limit`. */
  pending(limit: number): Promise<OutboxEvent[]>;
  markPublished(ids: readonly number[]): Promise<void>;
}

export interface HubStore {
  identities: IdentityPort;
  idempotency: IdempotencyPort;
  nonces: NoncePort;
  watermarks: WatermarkPort;
  outbox: OutboxPort;
}
