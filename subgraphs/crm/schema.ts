// The crm subgraph's schema: SDL from schema/crm.graphql and its typed resolvers. No side effects
// beyond reading the SDL file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Resolvers } from './generated/resolvers-types';
import { crmResolvers } from './resolvers';

export const CRM_SDL_FILE = join(__dirname, '..', '..', 'schema', 'crm.graphql');

export interface CrmSchema {
  typeDefs: string;
  resolvers: Resolvers;
}

export function buildCrmSchema(): CrmSchema {
  return { typeDefs: readFileSync(CRM_SDL_FILE, 'utf8'), resolvers: crmResolvers };
}
