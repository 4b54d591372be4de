// The inventory subgraph's schema: SDL from schema/inventory.graphql and its typed resolvers. No
// side effects beyond reading the SDL file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Resolvers } from './generated/resolvers-types';
import { inventoryResolvers } from './resolvers';

export const INVENTORY_SDL_FILE = join(__dirname, '..', '..', 'schema', 'inventory.graphql');

export interface InventorySchema {
  typeDefs: string;
  resolvers: Resolvers;
}

export function buildInventorySchema(): InventorySchema {
  return { typeDefs: readFileSync(INVENTORY_SDL_FILE, 'utf8'), resolvers: inventoryResolvers };
}
