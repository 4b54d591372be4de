// The erp subgraph's schema: SDL from schema/erp.graphql and its typed resolvers. No side effects
// beyond reading the SDL file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Resolvers } from './generated/resolvers-types';
import { erpResolvers } from './resolvers';

export const ERP_SDL_FILE = join(__dirname, '..', '..', 'schema', 'erp.graphql');

export interface ErpSchema {
  typeDefs: string;
  resolvers: Resolvers;
}

export function buildErpSchema(): ErpSchema {
  return { typeDefs: readFileSync(ERP_SDL_FILE, 'utf8'), resolvers: erpResolvers };
}
