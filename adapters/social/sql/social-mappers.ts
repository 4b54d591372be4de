// Row <-> domain mapping. Ids are the tables' integers behind a readable prefix ("SP-12", "M-40").
import type { Mention, SocialNetwork, SocialProfile } from '../social-port';
import type { MentionTable, ProfileTable } from './social-tables';

export const profileId = (id: number | string) => `SP-${Number(id)}`;
export const mentionId = (id: number | string) => `M-${Number(id)}`;

function parseId(prefix: string, id: string): number | null {
  const match = new RegExp(`^${prefix}-(\\d{1,15})$`).exec(id);
  return match ? Number(match[1]) : null;
}
export const parseProfileId = (id: string) => parseId('SP', id);
export const parseMentionId = (id: string) => parseId('M', id);

type ProfileRow = Pick<ProfileTable, 'network' | 'handle' | 'display_name' | 'followers' | 'customer_id'> & { id: number };

export function toProfile(row: ProfileRow): SocialProfile {
  return {
    id: profileId(row.id),
    network: row.network as SocialNetwork,
    handle: row.handle,
    displayName: row.display_name,
    followers: Number(row.followers),
    customerId: row.customer_id,
  };
}

export type MentionRow = Omit<MentionTable, 'id' | 'received_at_ms'> & { id: number; customer_id: string | null };

export function toMention(row: MentionRow): Mention {
  return {
    id: mentionId(row.id),
    externalId: row.external_id,
    network: row.network as SocialNetwork,
    authorHandle: row.author_handle,
    profileId: profileId(row.profile_id),
    customerId: row.customer_id,
    text: row.body,
    sentimentScore: Number(row.sentiment_score),
    isComplaint: Number(row.is_complaint) === 1,
    postedAt: new Date(Number(row.posted_at_ms)),
    url: row.url,
  };
}
