// Row-level rules: a subgraph decides which rows the caller named by the gateway-signed claims may
// read. The rules wrap a few resolvers (the entry points to the rows), leaving the resolvers as they are.
import { ForbiddenError } from '../../lib/errors';
import type { GatewayClaims } from './gateway-claims';

/** Runs the resolver (with its own arguments, or others), given its arguments. */
export type Guard = (resolve: (args?: unknown[]) => unknown, args: unknown[]) => unknown;

/**
 * A copy of a resolver map with some resolvers wrapped by guards, by `Type.field` (or
 * `Type.__resolveReference`). Fails at start-up when a guarded resolver does not exist, so that a
 * renamed resolver cannot silently lose its rule.
 */
export function guardResolvers<R extends object>(resolvers: R, guards: Record<string, Guard>): R {
  const copy: Record<string, unknown> = { ...(resolvers as Record<string, unknown>) };
  for (const [coordinate, guard] of Object.entries(guards)) {
    const [type, field] = coordinate.split('.');
    const typeResolvers = { ...((copy[type] as Record<string, unknown> | undefined) ?? {}) };
    const original = typeResolvers[field];
    if (typeof original !== 'function') throw new Error(`no resolver ${coordinate} to guard`);
    typeResolvers[field] = (...args: unknown[]) => guard((replaced) => (original as (...a: unknown[]) => unknown)(...(replaced ?? args)), args);
    copy[type] = typeResolvers;
  }
  return copy as R;
}

/** How the caller's rows are chosen: everything, one customer's, one partner's, or nothing. */
export type RowScope =
  | { kind: 'all' }
  | { kind: 'customer'; customerId: string }
  | { kind: 'partner'; partnerId: string }
  | { kind: 'none' };

/**
 * The rows a caller may read. Without claims (the subgraph does not check them) the network is
 * trusted and everything is readable; agents read everything; a customer its own rows; a partner
 * the rows that came through it; anyone else (anonymous callers included) none.
 */
export function rowScopeOf(claims: GatewayClaims | undefined): RowScope {
  if (!claims) return { kind: 'all' };
  if (claims.anonymous) return { kind: 'none' };
  if (claims.role === 'agent') return { kind: 'all' };
  if (claims.role === 'customer' && claims.sub) return { kind: 'customer', customerId: claims.sub };
  if (claims.role === 'partner' && claims.partner) return { kind: 'partner', partnerId: claims.partner };
  return { kind: 'none' };
}

export function forbidden(what: string): ForbiddenError {
  return new ForbiddenError(`${what} is not one you may read`);
}
