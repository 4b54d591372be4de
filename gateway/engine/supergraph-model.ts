import type { GraphQLSchema } from 'graphql';
import { DEFAULT_SUPPORTED_SUPERGRAPH_FEATURES, Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import type { SubgraphUrlOverrides } from '../execution/operation-executor';
import { createTypeRelations, type TypeRelations } from './type-relations';

/**
 * Linked features the engine executes on top of what @apollo/gateway supports: `@context` /
 * `@fromContext` (contextRewrites). Security features that the engine does not enforce yet
 * (authenticated, requiresScopes, policy) stay refused, so that a supergraph relying on them fails
 * to load instead of being served unprotected.
 */
const SUPPORTED_FEATURES = new Set([...DEFAULT_SUPPORTED_SUPERGRAPH_FEATURES, 'https://specs.apollo.dev/context/v0.1']);

/** Everything derived once from a supergraph SDL: schemas, the planner, where each subgraph lives. */
export interface SupergraphModel {
  supergraph: Supergraph;
  /** The API schema as the planner knows it. */
  apiSchema: Schema;
  /** The API schema clients see and are validated against. */
  schema: GraphQLSchema;
  /** Type relations of the supergraph (all subgraphs' types), for entity and rewrite type conditions. */
  supergraphTypes: TypeRelations;
  planner: QueryPlanner;
  /** Subgraph name -> GraphQL endpoint URL. */
  endpoints: ReadonlyMap<string, string>;
}

export function loadSupergraph(supergraphSdl: string, urlOverrides: SubgraphUrlOverrides = {}): SupergraphModel {
  const supergraph = Supergraph.build(supergraphSdl, { supportedFeatures: SUPPORTED_FEATURES });
  const apiSchema = supergraph.apiSchema();
  const schema = apiSchema.toGraphQLJSSchema();
  const endpoints = new Map<string, string>();
  for (const { name, url } of supergraph.subgraphsMetadata()) endpoints.set(name, urlOverrides[name] ?? url);
  for (const name of Object.keys(urlOverrides)) {
    if (!endpoints.has(name)) throw new Error(`subgraph URL override for "${name}", which the supergraph does not contain`);
  }
  return {
    supergraph,
    apiSchema,
    schema,
    supergraphTypes: createTypeRelations(supergraph.schema),
    planner: new QueryPlanner(supergraph),
    endpoints,
  };
}
