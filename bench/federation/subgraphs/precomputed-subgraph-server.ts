import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { BenchSubgraph } from './definitions';

export interface ServedSubgraph {
  name: string;
  url: string;
  /** GraphQL requests answered so far. */
  requests(): number;
  /** TCP connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

const MAX_PRECOMPUTED = 10_000;

/**
 * A subgraph that is never the bottleneck: the first time a request body is seen it is executed
 * for real, and the serialized answer is kept and served for every identical body afterwards.
 * Every request is still received, parsed as HTTP and answered: only the resolver work is saved.
 */
export async function servePrecomputedSubgraph(definition: BenchSubgraph, host = '127.0.0.1'): Promise<ServedSubgraph> {
  const schema: GraphQLSchema = buildSubgraphSchema({
    typeDefs: parse(definition.typeDefs),
    resolvers: definition.resolvers as GraphQLResolverMap<unknown>,
  });
  const answers = new Map<string, Buffer>();
  let count = 0;

  async function answer(body: string): Promise<Buffer> {
    const known = answers.get(body);
    if (known) return known;
    const request = JSON.parse(body) as { query: string; variables?: Record<string, unknown>; operationName?: string };
    const result = await execute({ schema, document: parse(request.query), variableValues: request.variables, operationName: request.operationName });
    const encoded = Buffer.from(JSON.stringify(result));
    if (answers.size < MAX_PRECOMPUTED) answers.set(body, encoded);
    return encoded;
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      count += 1;
      answer(Buffer.concat(chunks).toString('utf8')).then(
        (encoded) => {
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': encoded.length });
          res.end(encoded);
        },
        (error: unknown) => {
          res.writeHead(400, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ message: error instanceof Error ? error.message : String(error) }] }));
        },
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  let connections = 0;
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    name: definition.name,
    url: `http://${host}:${port}/graphql`,
    requests: () => count,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
