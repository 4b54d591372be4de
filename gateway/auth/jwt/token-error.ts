/** Why a bearer token was refused. The message is safe to show the caller (it names no key or secret). */
export class TokenError extends Error {
  override readonly name = 'TokenError';
  constructor(
    message: string,
    /** RFC 6750 error code for the WWW-Authenticate challenge. */
    readonly code: 'invalid_token' | 'invalid_request' = 'invalid_token',
  ) {
    super(message);
  }
}
