// The social store's tables. Instants are epoch milliseconds (bigint) on both dialects.
import type { Generated } from 'kysely';

export interface ProfileTable {
  id: Generated<number>;
  network: string;
  /** Lowercase, without a leading @; unique per network. */
  handle: string;
  display_name: string | null;
  followers: number;
  /** When the follower count was observed (the posting time of the mention that carried it). */
  followers_at_ms: number;
  customer_id: string | null;
}

export interface MentionTable {
  id: Generated<number>;
  network: string;
  external_id: string;
  profile_id: number;
  author_handle: string;
  body: string;
  sentiment_score: number;
  /** 0 or 1 (a boolean on both dialects). */
  is_complaint: number;
  posted_at_ms: number;
  url: string | null;
  received_at_ms: number;
}

export interface SocialTables {
  soc_profile: ProfileTable;
  soc_mention: MentionTable;
}
