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

export interface HubTables {
  tp_identity_link: IdentityLinkTable;
  tp_idempotency_key: IdempotencyKeyTable;
  tp_webhook_nonce: WebhookNonceTable;
  tp_watermark: WatermarkTable;
  tp_outbox: OutboxTable;
}
