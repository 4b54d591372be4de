import { Supergraph } from '@apollo/federation-internals';
import {
  Kind,
  lexicographicSortSchema,
  parse,
  print,
  printSchema,
  visit,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { executableSupergraph } from '../auth/security-features';
import type { ContractConfig } from './contract-config';
import { hiddenByContract } from './contract-filter';
import { readTags } from './schema-tags';

export interface BuiltContract {
  config: ContractConfig;
  /** The supergraph with everything outside the contract marked `@inaccessible`: what the gateway serves. */
  supergraphSdl: string;
  /** The contract's API schema (what its clients see), printed in a stable order. */
  apiSchemaSdl: string;
  /** Schema coordinates the contract hides, sorted. */
  hidden: string[];
}

const INACCESSIBLE_SPEC = /^https:\/\/specs\.apollo\.dev\/inaccessible\/v\d+\.\d+$/;
const INACCESSIBLE_LINK = 'https://specs.apollo.dev/inaccessible/v0.2';
const INACCESSIBLE_LOCATIONS =
  'FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION';

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
}

/** The API schema of a supergraph (as clients of the gateway see it). */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(executableSupergraph(supergraphSdl)).apiSchema().toGraphQLJSSchema();
}

/** A schema printed the same way whatever the order of its definitions, for review and comparison. */
export function printStableSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

/** Links `@inaccessible` into the supergraph unless it already is; returns the directive's name. */
function withInaccessibleLinked(document: DocumentNode): { document: DocumentNode; directiveName: string } {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const directive of definition.directives ?? []) {
      const url = directive.name.value === 'link' ? stringArgument(directive, 'url') : undefined;
      if (url && INACCESSIBLE_SPEC.test(url)) return { document, directiveName: stringArgument(directive, 'as') ?? 'inaccessible' };
    }
  }
  const link = parse(`extend schema @link(url: "${INACCESSIBLE_LINK}", for: SECURITY)`).definitions[0];
  const definition = parse(`directive @inaccessible on ${INACCESSIBLE_LOCATIONS}`).definitions[0];
  if (link.kind !== Kind.SCHEMA_EXTENSION) throw new Error('unreachable');
  const definitions = document.definitions.map((d) =>
    d.kind === Kind.SCHEMA_DEFINITION ? { ...d, directives: [...(d.directives ?? []), ...(link.directives ?? [])] } : d,
  );
  return { document: { ...document, definitions: [...definitions, definition] }, directiveName: 'inaccessible' };
}

/** Adds `@inaccessible` to every element whose coordinate is hidden (once). */
function markInaccessible(document: DocumentNode, hidden: ReadonlySet<string>, directiveName: string): DocumentNode {
  const directive: ConstDirectiveNode = { kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: directiveName }, arguments: [] };
  const mark = <T extends { directives?: ReadonlyArray<ConstDirectiveNode> }>(node: T, coordinate: string): T => {
    if (!hidden.has(coordinate) || node.directives?.some((d) => d.name.value === directiveName)) return node;
    return { ...node, directives: [...(node.directives ?? []), directive] };
  };
  const path: string[] = [];
  return visit(document, {
    ObjectTypeDefinition: { enter: (node) => (path.push(node.name.value), mark(node, node.name.value)), leave: () => void path.pop() },
    InterfaceTypeDefinition: { enter: (node) => (path.push(node.name.value), mark(node, node.name.value)), leave: () => void path.pop() },
    InputObjectTypeDefinition: { enter: (node) => (path.push(node.name.value), mark(node, node.name.value)), leave: () => void path.pop() },
    EnumTypeDefinition: { enter: (node) => (path.push(node.name.value), mark(node, node.name.value)), leave: () => void path.pop() },
    UnionTypeDefinition: (node) => mark(node, node.name.value),
    ScalarTypeDefinition: (node) => mark(node, node.name.value),
    FieldDefinition: {
      enter: (node) => {
        const coordinate = `${path[path.length - 1]}.${node.name.value}`;
        path.push(coordinate);
        return mark(node, coordinate);
      },
      leave: () => void path.pop(),
    },
    InputValueDefinition: (node) => {
      const parent = path[path.length - 1];
      // Arguments sit under a field (`Type.field`), input fields under their type (`Input`).
      return mark(node, parent.includes('.') ? `${parent}(${node.name.value}:)` : `${parent}.${node.name.value}`);
    },
    EnumValueDefinition: (node) => mark(node, `${path[path.length - 1]}.${node.name.value}`),
    DirectiveDefinition: () => false,
  });
}

/**
 * Builds a contract from a supergraph: the elements outside the contract are marked
 * `@inaccessible` (as Apollo's contracts do), so the gateway can serve the result like any
 * supergraph, with the same subgraphs and query plans, while the contract's clients can neither
 * see nor validate anything else. Throws when the result is not a valid supergraph.
 */
export function buildContract(supergraphSdl: string, config: ContractConfig): BuiltContract {
  const document = parse(supergraphSdl);
  const fullApi = apiSchemaOf(supergraphSdl);
  const hidden = hiddenByContract(fullApi, readTags(document), config);
  if (hidden.has(fullApi.getQueryType()?.name ?? 'Query')) {
    throw new Error(`contract "${config.name}" keeps no Query field: tag at least one with ${config.include.map((t) => `"${t}"`).join(' or ') || 'a tag not excluded'}`);
  }
  const linked = withInaccessibleLinked(document);
  const contractSdl = print(markInaccessible(linked.document, hidden, linked.directiveName));
  let api: GraphQLSchema;
  try {
    api = apiSchemaOf(contractSdl);
  } catch (error) {
    throw new Error(`contract "${config.name}" is not a valid schema: ${(error as Error).message}`);
  }
  return { config, supergraphSdl: `${contractSdl}\n`, apiSchemaSdl: printStableSchema(api), hidden: [...hidden].sort() };
}
