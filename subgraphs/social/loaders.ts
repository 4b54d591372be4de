// Per-request DataLoaders over the batch-first SocialPort. Created in the context factory.
import DataLoader from 'dataloader';
import type { Mention, MentionQuery, SocialPort, SocialProfile } from '../../adapters/social/social-port';
import { assessListening, DEFAULT_LISTENING_POLICY, type CustomerListening, type ListeningPolicy } from '../../adapters/social/listening/listening-policy';
import type { ListeningStatsPort } from '../../adapters/social/listening/listening-stats-port';

export interface SocialLoaders {
  profileById: DataLoader<string, SocialProfile | null>;
  profilesByCustomerId: DataLoader<string, SocialProfile[]>;
  mentionById: DataLoader<string, Mention | null>;
  /** Listening score, social-member flag and routing hint per customer (social listening). */
  listeningByCustomerId: DataLoader<string, CustomerListening>;
  /** One loader per distinct (first, complaintsOnly): customers asked with the same arguments share a batch. */
  mentionsByCustomerId(query: MentionQuery): DataLoader<string, Mention[]>;
}

export function createSocialLoaders(social: SocialPort, listening?: { stats: ListeningStatsPort; policy?: ListeningPolicy }): SocialLoaders {
  const mentionLoaders = new Map<string, DataLoader<string, Mention[]>>();
  return {
    profileById: new DataLoader((ids) => social.findProfilesByIds(ids)),
    profilesByCustomerId: new DataLoader((ids) => social.findProfilesByCustomerIds(ids)),
    mentionById: new DataLoader((ids) => social.findMentionsByIds(ids)),
    listeningByCustomerId: new DataLoader(async (ids) => {
      if (!listening) throw new Error('social listening is not configured for this service');
      const stats = await listening.stats.findListeningStatsByCustomerIds(ids);
      return stats.map((s) => assessListening(s, listening.policy ?? DEFAULT_LISTENING_POLICY));
    }),
    mentionsByCustomerId(query) {
      const normalized: MentionQuery = { first: query.first, complaintsOnly: query.complaintsOnly ?? false };
      const key = `${normalized.first}|${normalized.complaintsOnly}`;
      let loader = mentionLoaders.get(key);
      if (!loader) {
        loader = new DataLoader((customerIds) => social.findMentionsByCustomerIds(customerIds, normalized));
        mentionLoaders.set(key, loader);
      }
      return loader;
    },
  };
}
