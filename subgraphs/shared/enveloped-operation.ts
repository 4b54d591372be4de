// Runs an operation received by another transport than yoga's HTTP handler (graphql-ws,
// graphql-sse) through the same envelop pipeline: the same context factory, error masking,
// parser and validation cache, so that an operation behaves alike whatever carried it.
import { GraphQLError, type DocumentNode, type ExecutionArgs } from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';

export interface OperationParams {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

type Enveloped = ReturnType<YogaServerInstance<Record<string, never>, object>['getEnveloped']>;

/** The enveloped execute/subscribe of each prepared operation, found again by its context value. */
const runners = new WeakMap<object, Pick<Enveloped, 'execute' | 'subscribe'>>();

export type PreparedOperation = ExecutionArgs & { contextValue: Record<PropertyKey, unknown> };

/**
 * Parses, validates and builds the context of an operation. Returns the GraphQL errors of a
 * malformed or invalid document instead of arguments.
 */
export async function prepareOperation(
  server: YogaServerInstance<Record<string, never>, object>,
  initialContext: Record<string, unknown>,
  params: OperationParams,
): Promise<PreparedOperation | GraphQLError[]> {
  // The initial context is what this transport knows of the request; yoga's types expect its HTTP one.
  const { schema, execute, subscribe, contextFactory, parse, validate } = server.getEnveloped(initialContext as never);
  let document: DocumentNode;
  try {
    document = parse(params.query);
  } catch (error) {
    if (error instanceof GraphQLError) return [error];
    throw error;
  }
  const errors = validate(schema, document);
  if (errors.length > 0) return [...errors];
  const contextValue = (await contextFactory()) as Record<PropertyKey, unknown>;
  runners.set(contextValue, { execute, subscribe });
  return { schema, document, operationName: params.operationName ?? undefined, variableValues: params.variables ?? undefined, contextValue };
}

function runnerOf(args: ExecutionArgs): Pick<Enveloped, 'execute' | 'subscribe'> {
  const runner = typeof args.contextValue === 'object' && args.contextValue !== null ? runners.get(args.contextValue) : undefined;
  if (!runner) throw new Error('the operation was not prepared by prepareOperation');
  return runner;
}

export const executePrepared = (args: ExecutionArgs) => runnerOf(args).execute(args);
export const subscribePrepared = (args: ExecutionArgs) => runnerOf(args).subscribe(args);
