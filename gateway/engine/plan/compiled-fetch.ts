import type { FetchNode } from '@apollo/query-planner';
import type { TypeRelations } from '../type-relations';
import { compileContextArguments, type ContextArguments } from './context-arguments';
import { compileDataRewriter, type DataRewriter } from './data-rewrites';
import { compileRepresentations, type RepresentationBatchFactory } from './representation-encoder';

/** A plan's fetch, prepared once: everything that does not depend on the request is computed here. */
export interface CompiledFetch {
  readonly serviceName: string;
  readonly url: string;
  /** `{"query":...,"operationName":...,"variables":{` : the body up to the variables' members. */
  readonly bodyPrefix: string;
  /** Client variables this fetch uses (only these are sent). */
  readonly variableUsages: ReadonlyArray<string>;
  /** Set for entity fetches (`_entities`): collects the representations to send, input rewrites applied. */
  readonly representations: RepresentationBatchFactory | null;
  readonly outputRewrites: DataRewriter | null;
  readonly context: ContextArguments | null;
  readonly operationName: string | undefined;
  readonly source: FetchNode;
}

export function compileFetch(node: FetchNode, url: string, types: TypeRelations): CompiledFetch {
  const context = compileContextArguments(node.operation, node.contextRewrites, types);
  const contextual = new Set(context?.variables ?? []);
  return {
    serviceName: node.serviceName,
    url,
    bodyPrefix: bodyPrefixFor(node.operation, node.operationName),
    variableUsages: (node.variableUsages ?? []).filter((name) => !contextual.has(name)),
    representations: node.requires ? compileRepresentations(node.requires, types, compileDataRewriter(node.inputRewrites, types)) : null,
    outputRewrites: compileDataRewriter(node.outputRewrites, types),
    context,
    operationName: node.operationName,
    source: node,
  };
}

export function bodyPrefixFor(operation: string, operationName: string | undefined): string {
  const name = operationName ? `,"operationName":${JSON.stringify(operationName)}` : '';
  return `{"query":${JSON.stringify(operation)}${name},"variables":{`;
}
