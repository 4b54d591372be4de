import type { SubgraphDefinition } from '../support/subgraph-fixture';
import type { OperationCase } from '../support/conformance-harness';

// The "media" supergraph: interfaces and unions across subgraphs, an @interfaceObject,
// @inaccessible fields, enum values and types, and __typename of abstract types.

const link = (imports: string[]) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: [${imports.map((i) => `"${i}"`).join(', ')}])`;

interface MediaRow {
  __typename: 'Book' | 'Movie' | 'Podcast';
  id: string;
  title: string;
  author?: string;
  format?: string;
  pages?: number | null;
  internalCode?: string;
  director?: string;
}

const media: MediaRow[] = [
  { __typename: 'Book', id: 'b1', title: 'Dune', author: 'Frank Herbert', format: 'HARDCOVER', pages: 412, internalCode: 'X-1' },
  { __typename: 'Movie', id: 'm1', title: 'Alien', director: 'Ridley Scott' },
  { __typename: 'Book', id: 'b2', title: 'Emma', author: 'Jane Austen', format: 'PAPERBACK', pages: null, internalCode: 'X-2' },
  { __typename: 'Movie', id: 'm2', title: 'Arrival', director: 'Denis Villeneuve' },
  { __typename: 'Book', id: 'b3', title: 'Untitled draft', author: 'Anonymous', format: 'DRAFT', pages: 12, internalCode: 'X-3' },
];
const podcast: MediaRow = { __typename: 'Podcast', id: 'c1', title: 'Backstage' };
const people = [{ __typename: 'Person', name: 'Ada' }, { __typename: 'Person', name: 'Alan' }];
const byId = (id: string) => (id === podcast.id ? podcast : media.find((m) => m.id === id));

const ratings: Record<string, { average: number | null; count: number }> = {
  b1: { average: 4.5, count: 120 },
  m1: { average: 4.8, count: 300 },
  b2: { average: null, count: 0 },
  m2: { average: 4.1, count: 42 },
  b3: { average: 1, count: 1 },
  c1: { average: 3, count: 3 },
};
const copies: Record<string, number> = { b1: 3, b2: 0, b3: 1 };

export const catalogSubgraph: SubgraphDefinition = {
  name: 'catalog',
  typeDefs: `${link(['@key', '@inaccessible', '@shareable'])}
    type Query {
      media: [Media!]!
      latest: Media
      search(term: String!): [SearchResult!]!
      book(id: ID!): Book
    }
    interface Media @key(fields: "id") { id: ID! title: String! }
    type Book implements Media @key(fields: "id") {
      id: ID!
      title: String!
      author: String!
      format: Format
      pages: Int
      internalCode: String @inaccessible
    }
    type Movie implements Media @key(fields: "id") { id: ID! title: String! director: String! }
    type Podcast implements Media @key(fields: "id") @inaccessible { id: ID! title: String! }
    type Person { name: String! }
    union SearchResult = Book | Movie | Person
    enum Format { HARDCOVER PAPERBACK DRAFT @inaccessible }`,
  resolvers: {
    Query: {
      media: () => media,
      latest: () => podcast,
      search: (_: unknown, { term }: { term: string }) =>
        [...media, ...people].filter((item) => ('title' in item ? item.title : item.name).toLowerCase().includes(term.toLowerCase())),
      book: (_: unknown, { id }: { id: string }) => media.find((m) => m.id === id && m.__typename === 'Book') ?? null,
    },
    Media: { __resolveReference: (ref: { id: string }) => byId(ref.id) },
    Book: { __resolveReference: (ref: { id: string }) => byId(ref.id) },
    Movie: { __resolveReference: (ref: { id: string }) => byId(ref.id) },
    Podcast: { __resolveReference: (ref: { id: string }) => byId(ref.id) },
  },
};

export const ratingsSubgraph: SubgraphDefinition = {
  name: 'ratings',
  typeDefs: `${link(['@key', '@interfaceObject'])}
    type Query { topRated(limit: Int = 3): [Media!]! }
    type Media @key(fields: "id") @interfaceObject {
      id: ID!
      averageRating: Float
      ratingCount: Int!
    }`,
  resolvers: {
    Query: {
      topRated: (_: unknown, { limit }: { limit: number }) =>
        Object.entries(ratings)
          .filter(([id]) => id !== 'c1')
          .sort(([, a], [, b]) => (b.average ?? 0) - (a.average ?? 0))
          .slice(0, limit)
          .map(([id]) => ({ id })),
    },
    Media: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      averageRating: (m: { id: string }) => ratings[m.id]?.average ?? null,
      ratingCount: (m: { id: string }) => ratings[m.id]?.count ?? 0,
    },
  },
};

export const librarySubgraph: SubgraphDefinition = {
  name: 'library',
  typeDefs: `${link(['@key'])}
    type Book @key(fields: "id") { id: ID! libraryCopies: Int! }`,
  resolvers: {
    Book: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      libraryCopies: (b: { id: string }) => copies[b.id] ?? 0,
    },
  },
};

export const mediaSubgraphs = [catalogSubgraph, ratingsSubgraph, librarySubgraph];

export const mediaOperations: OperationCase[] = [
  {
    name: 'interface list with type-specific fragments and __typename',
    query: `{ media { __typename id title ... on Book { author pages } ... on Movie { director } } }`,
  },
  { name: '@interfaceObject fields through the interface', query: `{ media { title averageRating ratingCount } }` },
  {
    name: 'root field of an @interfaceObject subgraph, resolved to concrete types elsewhere',
    query: `{ topRated { __typename id title averageRating ... on Book { author libraryCopies } ... on Movie { director } } }`,
  },
  {
    name: 'union members joined with other subgraphs',
    query: `{ search(term: "a") { __typename ... on Media { title ratingCount } ... on Book { libraryCopies format } ... on Person { name } } }`,
  },
  { name: 'union with only __typename', query: `{ search(term: "e") { __typename } }` },
  {
    name: 'named fragments on interface and union types',
    query: `query Q($term: String!) { search(term: $term) { ...Found } media { ...Titled } }
      fragment Found on SearchResult { __typename ... on Book { id } ...Titled }
      fragment Titled on Media { title averageRating }`,
    variables: { term: 'ar' },
  },
  { name: '@inaccessible enum value returned by a subgraph', query: `{ book(id: "b3") { title format } }` },
  { name: 'an object of an @inaccessible type in an interface position', query: `{ latest { id title } }` },
  { name: '@inaccessible field is not queryable', query: `{ book(id: "b1") { internalCode } }` },
  { name: '@inaccessible type is not queryable', query: `{ latest { ... on Podcast { id } } }` },
];
