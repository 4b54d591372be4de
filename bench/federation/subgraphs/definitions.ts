import { inStock, products, reviews, users, type Product, type Review } from './data';

/** A benchmark subgraph: Federation 2 SDL and resolvers over the fixed data. */
export interface BenchSubgraph {
  name: string;
  typeDefs: string;
  // Plain functions over fixed data; @apollo/subgraph types resolver maps loosely.
  resolvers: Record<string, Record<string, unknown>>;
}

const link = (imports: string[]) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: [${imports.map((i) => `"${i}"`).join(', ')}])`;

const userById = (id: string) => users.find((u) => u.id === id);
const productByUpc = (upc: string) => products.find((p) => p.upc === upc);

export const accounts: BenchSubgraph = {
  name: 'accounts',
  typeDefs: `${link(['@key', '@shareable'])}
    type Query { me: User users: [User] user(id: ID!): User }
    type User @key(fields: "id") { id: ID! name: String username: String @shareable birthYear: Int }`,
  resolvers: {
    Query: { me: () => users[0], users: () => users, user: (_: unknown, { id }: { id: string }) => userById(id) },
    User: { __resolveReference: (ref: { id: string }) => userById(ref.id) },
  },
};

export const inventory: BenchSubgraph = {
  name: 'inventory',
  typeDefs: `${link(['@key', '@external', '@requires'])}
    type Product @key(fields: "upc") {
      upc: String!
      weight: Int @external
      price: Int @external
      inStock: Boolean
      shippingEstimate: Int @requires(fields: "price weight")
    }`,
  resolvers: {
    Product: {
      __resolveReference: (ref: { upc: string; price?: number; weight?: number }) => ref,
      inStock: (p: { upc: string }) => inStock(p.upc),
      shippingEstimate: (p: { price?: number; weight?: number }) => ((p.price ?? 0) > 1000 ? 0 : Math.round((p.weight ?? 0) * 0.5)),
    },
  },
};

export const productsSubgraph: BenchSubgraph = {
  name: 'products',
  typeDefs: `${link(['@key'])}
    type Query { topProducts(first: Int = 5): [Product] }
    type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int }`,
  resolvers: {
    Query: { topProducts: (_: unknown, { first }: { first: number }) => products.slice(0, first) },
    Product: { __resolveReference: (ref: { upc: string }) => productByUpc(ref.upc) },
  },
};

export const reviewsSubgraph: BenchSubgraph = {
  name: 'reviews',
  typeDefs: `${link(['@key', '@external', '@provides'])}
    type Review @key(fields: "id") { id: ID! body: String author: User @provides(fields: "username") product: Product }
    type User @key(fields: "id") { id: ID! username: String @external reviews: [Review] }
    type Product @key(fields: "upc") { upc: String! reviews: [Review] }`,
  resolvers: {
    Review: {
      __resolveReference: (ref: { id: string }) => reviews.find((r) => r.id === ref.id),
      author: (r: Review) => ({ id: r.authorId, username: userById(r.authorId)?.username }),
      product: (r: Review) => ({ upc: r.upc }),
    },
    User: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      reviews: (u: { id: string }) => reviews.filter((r) => r.authorId === u.id),
    },
    Product: {
      __resolveReference: (ref: { upc: string }) => ({ upc: ref.upc }),
      reviews: (p: Pick<Product, 'upc'>) => reviews.filter((r) => r.upc === p.upc),
    },
  },
};

export const benchSubgraphs = [accounts, inventory, productsSubgraph, reviewsSubgraph];
