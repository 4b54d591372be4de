import type { SocialProfileResolvers } from '../generated/resolvers-types';

export const SocialProfile: SocialProfileResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.profileById.load(reference.id),
  customer: (profile) => (profile.customerId ? { id: profile.customerId } : null),
};
