// The shipping subgraph's schema: SDL from schema/shipping.graphql and its typed resolvers. No side
// effects beyond reading the SDL file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Resolvers } from './generated/resolvers-types';
import { shippingResolvers } from './resolvers';

export const SHIPPING_SDL_FILE = join(__dirname, '..', '..', 'schema', 'shipping.graphql');

export interface ShippingSchema {
  typeDefs: string;
  resolvers: Resolvers;
}

export function buildShippingSchema(): ShippingSchema {
  return { typeDefs: readFileSync(SHIPPING_SDL_FILE, 'utf8'), resolvers: shippingResolvers };
}
