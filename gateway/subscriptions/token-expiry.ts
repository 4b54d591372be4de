// When a caller's credentials stop being valid, for closing their subscriptions then. Read from the
// bearer JWT's payload without verifying it: verification is authentication's job (done before a
// request gets here when it is configured); this only needs the time the token itself states.

/** The `exp` of a bearer JWT in seconds since the epoch, or null when there is none to read. */
export function bearerTokenExpiry(authorization: string | null | undefined): number | null {
  if (!authorization) return null;
  const match = /^Bearer\s+([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/i.exec(authorization.trim());
  if (!match) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(match[2], 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const exp = (payload as { exp?: unknown } | null)?.exp;
  return typeof exp === 'number' && Number.isFinite(exp) ? exp : null;
}
