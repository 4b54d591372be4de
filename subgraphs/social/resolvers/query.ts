import type { QueryResolvers } from '../generated/resolvers-types';

export const Query: QueryResolvers = {
  mention: (_, { id }, { loaders }) => loaders.mentionById.load(id),
  recentMentions: (_, { first, complaintsOnly }, { social }) => social.recentMentions({ first, complaintsOnly }),
  socialProfile: (_, { network, handle }, { social }) => social.findProfileByHandle(network, handle),
};
