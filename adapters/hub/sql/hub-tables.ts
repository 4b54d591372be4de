// The hub store's tables as kysely sees them. Instants are kept as epoch milliseconds (bigint):
// one representation that both dialects store, compare and return alike.
import type { Generated } from 'kysely';

export interface IdentityLinkTable {
  namespace: string;
  /** The canonical form (see identity-normalization.ts); unique per namespace. */
  normalized_value: string;
  /** The value as it was first linked, kept for audit. */
  raw_value: string;
  customer_id: string;
  created_at_ms: number;
}

export interface IdempotencyKeyTable {
  scope: string;
  idem_key: string;
  request_hash: string;
  response: string | null;
  created_at_ms: number;
}

export interface WebhookNonceTable {
  source: string;
  nonce: string;
  seen_at_ms: number;
}

export interface WatermarkTable {
  stream: string;
  position: string;
  updated_at_ms: number;
}

export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  payload: string;
  created_at_ms: number;
  published_at_ms: number | null;
}

/** One merge of two customers by identity resolution (migration 0002). */
export interface IdentityMergeTable {
  id: Generated<number>;
  survivor_customer_id: string;
  merged_customer_id: string;
  /** The rule that decided it, in words. */
  reason: string;
  /** The shared identity that triggered it. */
  namespace: string;
  normalized_value: string;
  /** The system the identities arrived from. */
  source: string;
  /** How many links moved from the merged customer to the survivor. */
  moved_links: number;
  merged_at_ms: number;
}

export interface HubTables {
  tp_identity_link: IdentityLinkTable;
  tp_identity_merge: IdentityMergeTable;
  tp_idempotency_key: IdempotencyKeyTable;
  tp_webhook_nonce: WebhookNonceTable;
  tp_watermark: WatermarkTable;
  tp_outbox: OutboxTable;
}
