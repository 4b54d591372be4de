import { GraphQLError } from 'graphql';
import type { SubgraphDefinition } from '../support/subgraph-fixture';
import type { OperationCase } from '../support/conformance-harness';
import { productByUpc, products, reviews, userById, users, type ProductRow, type ReviewRow } from './shop-data';

// The "shop" supergraph: entity joins, nested lists, @requires, @provides, @shareable,
// @override (plain and progressive), root mutations, errors and null propagation.

const link = (imports: string[]) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: [${imports.map((i) => `"${i}"`).join(', ')}])`;

type Ref = { upc: string };

export const productsSubgraph: SubgraphDefinition = {
  name: 'products',
  typeDefs: `${link(['@key', '@shareable'])}
    type Query {
      topProducts(first: Int = 5): [Product!]!
      product(upc: String!): Product
    }
    type Product @key(fields: "upc") {
      upc: String!
      name: String! @shareable
      price: Int!
      weight: Int!
      category: Category
      tags: [[String!]]
      reviewCount: Int
      popularity: Int
      dimensions: Dimensions
    }
    type Dimensions @shareable { width: Int! height: Int! depth: Int! }
    type Category @shareable { id: ID! name: String! }`,
  resolvers: {
    Query: {
      topProducts: (_: unknown, { first }: { first: number }) => products.slice(0, first),
      product: (_: unknown, { upc }: { upc: string }) => {
        const product = productByUpc(upc);
        if (!product) throw new GraphQLError(`No product ${upc}`, { extensions: { code: 'NOT_FOUND' } });
        return product;
      },
    },
    Product: {
      __resolveReference: (ref: Ref) => productByUpc(ref.upc),
      // Overridden by the reviews subgraph: this value must never reach a client.
      reviewCount: () => -1,
      // Progressively overridden by reviews under the "reviews-popularity" label.
      popularity: () => 0,
    },
  },
};

export const inventorySubgraph: SubgraphDefinition = {
  name: 'inventory',
  typeDefs: `${link(['@key', '@external', '@requires', '@shareable'])}
    type Dimensions @shareable { width: Int! height: Int! depth: Int! }
    type Product @key(fields: "upc") {
      upc: String!
      price: Int! @external
      weight: Int! @external
      dimensions: Dimensions @external
      packageVolume: Int @requires(fields: "dimensions { width height depth }")
      inStock: Boolean!
      shippingEstimate: Int! @requires(fields: "price weight")
      stockWarning: String
      restockDate: String!
    }`,
  resolvers: {
    Product: {
      __resolveReference: (ref: Ref & { price?: number; weight?: number }) => ({ ...ref, row: productByUpc(ref.upc) }),
      inStock: (p: { row: ProductRow }) => p.row.inStock,
      // Free over 1000, else half the weight: needs price and weight from the products subgraph.
      shippingEstimate: (p: { price?: number; weight?: number }) => {
        if (p.price === undefined || p.weight === undefined) throw new Error('price and weight are required');
        return p.price > 1000 ? 0 : Math.round(p.weight * 0.5);
      },
      // Needs a nested object from the products subgraph: the representation carries it.
      packageVolume: (p: { dimensions?: { width: number; height: number; depth: number } | null }) => {
        if (p.dimensions === undefined) throw new Error('dimensions are required');
        return p.dimensions === null ? null : p.dimensions.width * p.dimensions.height * p.dimensions.depth;
      },
      stockWarning: (p: Ref) => {
        if (p.upc === 'p3') throw new GraphQLError('Stock level unknown for p3', { extensions: { code: 'STOCK_UNKNOWN' } });
        return p.upc === 'p2' ? 'Last units' : null;
      },
      restockDate: (p: Ref) => {
        if (p.upc === 'p4') throw new Error('Restock planning unavailable');
        return '2030-01-01';
      },
    },
  },
};

const reviewOf = (r: ReviewRow) => r;

export const reviewsSubgraph: SubgraphDefinition = {
  name: 'reviews',
  typeDefs: `${link(['@key', '@external', '@provides', '@override', '@shareable'])}
    type Query {
      recentReviews(limit: Int): [Review!]!
      review(id: ID!): Review
    }
    type Mutation {
      addReview(upc: String!, body: String!): Review
    }
    type Review @key(fields: "id") {
      id: ID!
      body: String!
      rating: Int
      author: User @provides(fields: "username")
      product: Product!
    }
    type User @key(fields: "id") {
      id: ID!
      username: String! @external
      reviews: [Review!]!
    }
    type Product @key(fields: "upc") {
      upc: String!
      name: String! @shareable
      reviews: [Review]!
      reviewCount: Int @override(from: "products")
      popularity: Int @override(from: "products", label: "reviews-popularity")
    }`,
  resolvers: {
    Query: {
      recentReviews: (_: unknown, { limit }: { limit?: number }) => [...reviews].reverse().slice(0, limit ?? reviews.length).map(reviewOf),
      review: (_: unknown, { id }: { id: string }) => reviews.find((r) => r.id === id) ?? null,
    },
    Mutation: {
      // Answers as if it stored the review, without changing the fixed data.
      addReview: (_: unknown, { upc, body }: { upc: string; body: string }) => ({ id: `new-${upc}`, body, rating: null, authorId: 'u4', upc }),
    },
    Review: {
      __resolveReference: (ref: { id: string }) => reviews.find((r) => r.id === ref.id),
      author: (r: ReviewRow) => {
        const user = userById(r.authorId);
        return user ? { id: user.id, username: user.username } : null;
      },
      product: (r: ReviewRow) => ({ upc: r.upc }),
    },
    User: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      reviews: (u: { id: string }) => reviews.filter((r) => r.authorId === u.id),
    },
    Product: {
      __resolveReference: (ref: Ref) => ({ upc: ref.upc }),
      name: (p: Ref) => productByUpc(p.upc)?.name,
      // p6 has a review that was deleted: the list holds a null.
      reviews: (p: Ref) => (p.upc === 'p6' ? [null] : reviews.filter((r) => r.upc === p.upc)),
      reviewCount: (p: Ref) => reviews.filter((r) => r.upc === p.upc).length,
      popularity: (p: Ref) => reviews.filter((r) => r.upc === p.upc).reduce((sum, r) => sum + (r.rating ?? 0), 0),
    },
  },
};

export const accountsSubgraph: SubgraphDefinition = {
  name: 'accounts',
  typeDefs: `${link(['@key', '@shareable'])}
    type Query {
      me: User
      users: [User!]!
      user(id: ID!): User
    }
    type User @key(fields: "id") {
      id: ID!
      name: String!
      username: String! @shareable
      birthYear: Int
    }`,
  resolvers: {
    Query: {
      me: () => users[0],
      users: () => users,
      user: (_: unknown, { id }: { id: string }) => userById(id) ?? null,
    },
    User: {
      __resolveReference: (ref: { id: string }) => userById(ref.id),
    },
  },
};

export const shopSubgraphs = [productsSubgraph, inventorySubgraph, reviewsSubgraph, accountsSubgraph];

export const shopOperations: OperationCase[] = [
  {
    name: 'entity joins across four subgraphs',
    query: `{ topProducts { upc name price inStock reviews { body author { name username } } } }`,
  },
  {
    name: 'nested lists, lists of lists, and joins inside lists',
    query: `{
      topProducts(first: 3) { tags reviews { id product { name reviews { rating } } } }
      users { username reviews { product { upc inStock } } }
    }`,
  },
  { name: '@requires: fields from another subgraph in the representation', query: `{ topProducts(first: 6) { upc shippingEstimate } }` },
  { name: '@requires of a nested object (a null one included)', query: `{ topProducts(first: 6) { upc packageVolume dimensions { width } } }` },
  { name: '@requires next to plain fields of the same subgraph', query: `{ product(upc: "p2") { name shippingEstimate inStock price } }` },
  { name: '@provides: the reviews subgraph answers username itself', query: `{ recentReviews(limit: 4) { body author { username } } }` },
  { name: '@provides with a field it does not provide', query: `{ recentReviews { author { username name birthYear } } }` },
  { name: '@shareable fields and value types', query: `{ recentReviews { product { name price category { id name } } } }` },
  { name: '@override: the overriding subgraph answers', query: `{ topProducts { upc reviewCount popularity } }` },
  {
    name: 'aliases, named fragments, inline fragments, variables, @skip/@include',
    query: `query Shop($first: Int, $withStock: Boolean!, $skipReviews: Boolean = false, $upc: String!) {
      cheap: topProducts(first: $first) { ...ProductBits stock: inStock @include(if: $withStock) }
      one: product(upc: $upc) {
        ... on Product { label: name }
        reviews @skip(if: $skipReviews) { ...ReviewBits }
      }
    }
    fragment ProductBits on Product { id: upc name }
    fragment ReviewBits on Review { stars: rating author { handle: username } }`,
    variables: { first: 3, withStock: true, upc: 'p1' },
    operationName: 'Shop',
  },
  {
    name: 'the same operation with other variables',
    query: `query Shop($first: Int, $withStock: Boolean!, $skipReviews: Boolean = false, $upc: String!) {
      cheap: topProducts(first: $first) { ...ProductBits stock: inStock @include(if: $withStock) }
      one: product(upc: $upc) {
        ... on Product { label: name }
        reviews @skip(if: $skipReviews) { ...ReviewBits }
      }
    }
    fragment ProductBits on Product { id: upc name }
    fragment ReviewBits on Review { stars: rating author { handle: username } }`,
    variables: { first: 1, withStock: false, skipReviews: true, upc: 'p2' },
    operationName: 'Shop',
  },
  {
    name: 'one field under two aliases with different arguments',
    query: `{ a: topProducts(first: 1) { upc } b: topProducts(first: 2) { upc name } a2: product(upc: "p3") { upc } }`,
  },
  {
    name: 'several operations in one document, chosen by name',
    query: `query First { me { name } } query Second { users { id username } }`,
    operationName: 'Second',
  },
  { name: '__typename at every level', query: `{ __typename topProducts(first: 2) { __typename upc reviews { __typename author { __typename } } } }` },
  {
    name: 'a mutation runs its root fields in sequence and joins entities',
    query: `mutation { first: addReview(upc: "p1", body: "Nice") { id body product { name inStock } } second: addReview(upc: "p2", body: "Meh") { id author { name } } }`,
  },
  { name: 'introspection answered by the gateway', query: `{ __type(name: "Product") { name fields { name } } __schema { queryType { name } } }` },
  { name: 'a nullable field whose resolver fails: error with its path', query: `{ topProducts { upc stockWarning } }` },
  { name: 'a root field that fails: null with the error', query: `{ product(upc: "nope") { upc name } me { name } }` },
  { name: 'a non-null field that fails in an entity fetch: null propagates to the nullable parent', query: `{ product(upc: "p4") { upc restockDate } me { name } }` },
  { name: 'null propagation up to the root', query: `{ topProducts { upc restockDate } }` },
  { name: 'a null element in a list of nullable elements', query: `{ product(upc: "p6") { reviews { id body } } }` },
  { name: 'a missing entity is null', query: `{ review(id: "none") { body } user(id: "u9") { name } }` },
];
