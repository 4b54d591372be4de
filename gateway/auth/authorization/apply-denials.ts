import { GraphQLError, type ExecutionResult } from 'graphql';
import type { AnswerPath, AuthorizationOutcome } from './authorize-operation';

export const UNAUTHORIZED_CODE = 'UNAUTHORIZED_FIELD_OR_TYPE';

export function deniedErrors(denied: ReadonlyArray<AnswerPath>): GraphQLError[] {
  return denied.map((path) => new GraphQLError('Unauthorized field or type', { path: [...path], extensions: { code: UNAUTHORIZED_CODE } }));
}

/** Writes null at a path of the answer (`@` visits every element of a list). */
function writeNull(node: unknown, path: AnswerPath, at: number): void {
  if (node === null || typeof node !== 'object') return;
  const segment = path[at];
  const last = at === path.length - 1;
  if (segment === '@') {
    if (!Array.isArray(node)) return;
    for (let i = 0; i < node.length; i++) {
      if (last) node[i] = null;
      else writeNull(node[i], path, at + 1);
    }
    return;
  }
  if (Array.isArray(node)) return;
  const object = node as Record<string, unknown>;
  if (!(segment in object)) return;
  // A placeholder answers with a type name. Anything else at this key came from a branch of an
  // abstract selection where the field is allowed, and stays.
  if (last) {
    if (typeof object[segment] === 'string') object[segment] = null;
    return;
  }
  writeNull(object[segment], path, at + 1);
}

/** The executor's answer to the rewritten operation, with the denied parts null and one error each. */
export function applyDenials(result: ExecutionResult, outcome: AuthorizationOutcome): ExecutionResult {
  const errors = [...deniedErrors(outcome.denied), ...(result.errors ?? [])];
  if (result.data == null) return { ...result, errors };
  for (const path of outcome.nulls) writeNull(result.data, path, 0);
  return { ...result, errors };
}
