// Typed errors thrown by adapters. Each subgraph maps them once to GraphQL error codes
// (see subgraphs/shared/error-mapping.ts); anything else stays masked.

/** A legacy system could not be reached or answered with a failure (5xx, timeout, refused). */
export class UpstreamUnavailableError extends Error {
  override name = 'UpstreamUnavailableError';
  constructor(readonly system: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The request is invalid for the legacy system (bad argument, unknown reference). */
export class InvalidInputError extends Error {
  override name = 'InvalidInputError';
  constructor(message: string, readonly field?: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The thing asked for does not exist. */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
  constructor(readonly entity: string, readonly id: string) {
    super(`${entity} ${JSON.stringify(id)} was not found`);
  }
}

/** A write conflicts with the current state (stale version, duplicate key with another payload). */
export class ConflictError extends Error {
  override name = 'ConflictError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The caller may not read or change this (a row-level rule of the system that owns it). */
export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
}

/** A signed request (webhook) failed verification: bad signature, stale timestamp or replayed nonce. */
export class SignatureError extends Error {
  override name = 'SignatureError';
}
