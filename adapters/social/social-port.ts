// Social networks as the hub sees them: profiles linked to customers and mentions of the brand.
// Mentions arrive through a signed webhook and are kept in the social store.

export type SocialNetwork = 'X' | 'INSTAGRAM' | 'FACEBOOK';

export interface SocialProfile {
  id: string;
  network: SocialNetwork;
  handle: string;
  displayName: string | null;
  followers: number;
  customerId: string | null;
}

export interface Mention {
  id: string;
  externalId: string;
  network: SocialNetwork;
  authorHandle: string;
  profileId: string | null;
  customerId: string | null;
  text: string;
  /** From -1 (very negative) to 1 (very positive). */
  sentimentScore: number;
  isComplaint: boolean;
  postedAt: Date;
  url: string | null;
}

/** A mention as a network delivers it, before the hub scores and links it. */
export interface IncomingMention {
  externalId: string;
  network: SocialNetwork;
  authorHandle: string;
  authorDisplayName?: string | null;
  authorFollowers?: number | null;
  text: string;
  postedAt: Date;
  url?: string | null;
}

/** A profile as the hub learns it outside a mention (the CRM's social accounts, a network's API). */
export interface ProfileUpdate {
  network: SocialNetwork;
  handle: string;
  displayName?: string | null;
  followers?: number | null;
  /** Links the profile to a customer; null or absent leaves an existing link as it is. */
  customerId?: string | null;
  /** When the follower count was observed; an older observation never overwrites a newer one. */
  observedAt: Date;
}

export interface MentionQuery {
  first: number;
  complaintsOnly?: boolean | null;
}

export interface SocialPort {
  /** Aligned with ids; null for an unknown id. */
  findProfilesByIds(ids: readonly string[]): Promise<(SocialProfile | null)[]>;
  /** Aligned with customer ids. */
  findProfilesByCustomerIds(customerIds: readonly string[]): Promise<SocialProfile[][]>;
  findProfileByHandle(network: SocialNetwork, handle: string): Promise<SocialProfile | null>;
  /** Aligned with ids; null for an unknown id. */
  findMentionsByIds(ids: readonly string[]): Promise<(Mention | null)[]>;
  /** Aligned with customer ids: newest first, at most `first` each. */
  findMentionsByCustomerIds(customerIds: readonly string[], query: MentionQuery): Promise<Mention[][]>;
  recentMentions(query: MentionQuery): Promise<Mention[]>;
  /**
   * Stores a scored mention, creating or updating its author's profile. Idempotent by
   * (network, externalId): a redelivered mention returns the stored one and changes nothing.
   */
  saveMention(
    mention: IncomingMention & { sentimentScore: number; isComplaint: boolean; customerId: string | null },
  ): Promise<{ mention: Mention; created: boolean }>;
  /** Creates or updates a profile, keyed by (network, handle); returns the stored profile. */
  saveProfile(profile: ProfileUpdate): Promise<SocialProfile>;
}
