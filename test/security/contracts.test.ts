// Contract schemas: what a contract keeps and hides (Apollo's tag semantics plus what hidden
// elements take with them), the committed contract schemas match what the build makes, and the
// breaking-change check tells breaking changes from additive ones.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { buildContract } from '../../gateway/contracts/build-contract';
import { parseContractConfig, readContractConfigs } from '../../gateway/contracts/contract-config';
import { createGateway } from '../../gateway/create-gateway';
import { compareSchemas } from '../../scripts/contracts/breaking-changes';
import { currentSchemas } from '../../scripts/contracts/contract-schemas';

const SHOP = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@tag"])
  type Query {
    product(id: ID!): Product @tag(name: "public")
    search(filter: SearchFilter): [SearchHit!]! @tag(name: "public")
    auditReport(input: AuditInput!): Report @tag(name: "public")
    node(id: ID!): Node @tag(name: "public")
    admin: Admin
  }
  interface Node @tag(name: "public") { id: ID! }
  type Product implements Node @key(fields: "id") @tag(name: "public") {
    id: ID!
    name: String!
    cost: Float! @tag(name: "internal")
    supplier: Supplier
    kind: ProductKind!
  }
  type Supplier @tag(name: "internal") { name: String! }
  enum ProductKind @tag(name: "public") { PHYSICAL DIGITAL LEGACY @tag(name: "internal") }
  input SearchFilter @tag(name: "public") { text: String costAbove: Float @tag(name: "internal") }
  input AuditInput @tag(name: "internal") { since: String! }
  type Report @tag(name: "public") { lines: [String!]! }
  union SearchHit @tag(name: "public") = Product | Article
  type Article @tag(name: "internal") { id: ID! }
  type Admin { users: [String!]! }
  type Orphan @tag(name: "public") { x: Int }
`;
const REVIEWS = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@tag"])
  type Product @key(fields: "id") {
    id: ID!
    reviews: [Review!]! @tag(name: "public")
    moderationNotes: String
  }
  type Review @tag(name: "public") { stars: Int! body: String! }
`;

function supergraph(): string {
  const result = composeServices([
    { name: 'shop', url: 'http://shop.invalid/graphql', typeDefs: parse(SHOP) },
    { name: 'reviews', url: 'http://reviews.invalid/graphql', typeDefs: parse(REVIEWS) },
  ]);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl;
}

describe('building a contract from tags', () => {
  const built = buildContract(supergraph(), parseContractConfig({ name: 'storefront', include: ['public'], exclude: ['internal'] }, 'test'));
  const api = built.apiSchemaSdl;

  it('keeps what carries an included tag; a type tag covers every field of the type, whichever subgraph adds it', () => {
    // moderationNotes is untagged in its own subgraph, but Product is tagged in the shop subgraph.
    expect(api).toMatch(/type Product implements Node \{\n  id: ID!\n  kind: ProductKind!\n  moderationNotes: String\n  name: String!\n  reviews: \[Review!\]!\n\}/);
    expect(api).toContain('union SearchHit = Product');
    expect(api).toContain('search(filter: SearchFilter): [SearchHit!]!');
  });

  it('hides excluded elements and what they take with them', () => {
    // Excluded by tag: a field, an enum value, an optional input field, a type, a union member.
    expect(built.hidden).toEqual(expect.arrayContaining(['Product.cost', 'ProductKind.LEGACY', 'SearchFilter.costAbove', 'Supplier', 'Article']));
    // A field returning a hidden type; a field whose required argument has a hidden input type.
    expect(built.hidden).toEqual(expect.arrayContaining(['Product.supplier', 'Query.auditReport']));
    // Untagged fields of an untagged type, and types left unreachable.
    expect(built.hidden).toEqual(expect.arrayContaining(['Query.admin', 'Admin', 'Report', 'Orphan']));
    for (const gone of ['cost', 'supplier', 'LEGACY', 'costAbove', 'auditReport', 'admin', 'Supplier', 'Article', 'Admin', 'Report', 'Orphan', 'AuditInput']) {
      expect(api).not.toMatch(new RegExp(`\\b${gone}\\b`));
    }
  });

  it('produces a supergraph the gateway can serve, with the hidden elements @inaccessible', () => {
    expect(built.supergraphSdl).toContain('@link(url: "https://specs.apollo.dev/inaccessible/v0.2", for: SECURITY)');
    expect(built.supergraphSdl).toMatch(/cost: Float! @join__field\(graph: SHOP\) @tag\(name: "internal"\) @inaccessible/);
  });

  it('refuses a contract that would keep no query field', () => {
    expect(() => buildContract(supergraph(), parseContractConfig({ name: 'empty', include: ['nothing-tagged'] }, 'test'))).toThrow('keeps no Query field');
  });

  it('checks contract configurations', () => {
    expect(() => parseContractConfig({ name: 'Bad Name', include: ['a'] }, 'x.json')).toThrow('"name" must be lower-case');
    expect(() => parseContractConfig({ name: 'ok', include: ['a'], exclude: ['a'] }, 'x.json')).toThrow('both included and excluded');
    expect(() => parseContractConfig({ name: 'ok' }, 'x.json')).toThrow('needs include or exclude tags');
    expect(() => parseContractConfig({ name: 'ok', include: ['a'], partners: [] }, 'x.json')).toThrow('unknown contract setting "partners"');
  });
});

describe("Touchpoint's contracts", () => {
  it('are committed as `npm run contracts` builds them from the supergraph', () => {
    for (const schema of currentSchemas()) {
      if (!schema.builtPath) continue;
      expect([schema.name, readFileSync(schema.builtPath, 'utf8')]).toEqual([schema.name, schema.sdl]);
    }
  });

  it('keep customers to their id and name, and hide credit, contact data and internal stock', () => {
    const marketplace = readFileSync(join(__dirname, '..', '..', 'schema', 'contracts', 'marketplace.graphql'), 'utf8');
    expect(marketplace).toMatch(/type Customer \{\n  id: ID!\n  name: String!\n[\s\S]*?orders\(first: Int! = 20\): \[Order!\]\n\}/);
    for (const hidden of ['email', 'phone', 'creditAccount', 'CreditAccount', 'byCenter', 'fromCenter', 'Subscription', 'interactions']) expect(marketplace).not.toContain(hidden);
  });
});

describe('the breaking-change check', () => {
  const released = 'type Query { order(id: ID!): Order products(first: Int = 20): [String!]! }\ntype Order { id: ID! total: Int! status: Status! }\nenum Status { OPEN SHIPPED }';

  it('lists removed fields, changed types and new required arguments', () => {
    const current = 'type Query { order(id: ID!, channel: String!): Order products(first: Int = 20): [String!]! }\ntype Order { id: ID! total: String! status: Status! }\nenum Status { OPEN SHIPPED }';
    expect(compareSchemas(released, current).breaking).toEqual([
      'FIELD_CHANGED_KIND: Order.total changed type from Int! to String!.',
      'REQUIRED_ARG_ADDED: A required arg channel on Query.order was added.',
    ]);
    const removed = 'type Query { order(id: ID!): Order }\ntype Order { id: ID! status: Status! }\nenum Status { OPEN }';
    expect(compareSchemas(released, removed).breaking).toEqual([
      'FIELD_REMOVED: Order.total was removed.',
      'FIELD_REMOVED: Query.products was removed.',
      'VALUE_REMOVED_FROM_ENUM: SHIPPED was removed from enum type Status.',
    ]);
  });

  it('lets additive changes through, warning about the risky ones', () => {
    const current = 'type Query { order(id: ID!, channel: String): Order products(first: Int = 20): [String!]! product(sku: ID!): String }\ntype Order { id: ID! total: Int! status: Status! note: String }\nenum Status { OPEN SHIPPED CANCELLED }';
    const comparison = compareSchemas(released, current);
    expect(comparison.breaking).toEqual([]);
    expect(comparison.dangerous).toEqual(['OPTIONAL_ARG_ADDED: An optional arg channel on Query.order was added.', 'VALUE_ADDED_TO_ENUM: CANCELLED was added to enum type Status.']);
  });
});

describe('contract endpoints as production serves them', () => {
  const schemaDir = join(__dirname, '..', '..', 'schema');

  it('refuse introspection and serve no GraphiQL when they are off, and answer CORS like the public endpoint', async () => {
    const gateway = await createGateway({
      supergraphSdl: readFileSync(join(schemaDir, 'supergraph.graphql'), 'utf8'),
      contracts: readContractConfigs(join(schemaDir, 'contracts')).map((config) => ({ config })),
      introspection: false,
      graphiql: false,
      cors: ['https://partner.example.com'],
    });
    try {
      const url = 'http://gateway/partners/marketplace/graphql';
      const introspection = await gateway.yoga.fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
      });
      expect(introspection.status).toBe(400);
      expect(((await introspection.json()) as { errors: { message: string }[] }).errors[0]!.message).toContain('introspection');
      const page = await gateway.yoga.fetch(url, { headers: { accept: 'text/html' } });
      expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
      const preflight = await gateway.yoga.fetch(url, {
        method: 'OPTIONS',
        headers: { origin: 'https://partner.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://partner.example.com');
      const elsewhere = await gateway.yoga.fetch(url, { method: 'OPTIONS', headers: { origin: 'https://evil.example.net', 'access-control-request-method': 'POST' } });
      expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
      expect(gateway.contracts.map((c) => c.path).sort()).toEqual(['/partners/catalog/graphql', '/partners/marketplace/graphql']);
    } finally {
      await gateway.close();
    }
  });
});
