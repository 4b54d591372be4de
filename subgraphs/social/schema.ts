// The social subgraph's schema: SDL from schema/social.graphql and its typed resolvers. No side
// effects beyond reading the SDL file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Resolvers } from './generated/resolvers-types';
import { socialResolvers } from './resolvers';

export const SOCIAL_SDL_FILE = join(__dirname, '..', '..', 'schema', 'social.graphql');

export interface SocialSchema {
  typeDefs: string;
  resolvers: Resolvers;
}

export function buildSocialSchema(): SocialSchema {
  return { typeDefs: readFileSync(SOCIAL_SDL_FILE, 'utf8'), resolvers: socialResolvers };
}
