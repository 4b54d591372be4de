import type { Principal } from '../auth/principal';

/** The node:http request yoga hands plugins as the server context, when served over HTTP. */
interface NodeServerContext {
  req?: { socket?: { remoteAddress?: string } };
}

/**
 * Who a request counts against: the token's subject when there is one, else the client's IP
 * address (the first `x-forwarded-for` hop when the gateway sits behind a trusted proxy).
 */
export function clientKeyOf(request: Request, serverContext: unknown, principal: Principal | undefined, trustProxy: boolean): string {
  if (principal && !principal.anonymous) return `sub:${principal.subject}`;
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return `ip:${forwarded}`;
  }
  const address = (serverContext as NodeServerContext | undefined)?.req?.socket?.remoteAddress;
  return `ip:${address ?? 'unknown'}`;
}
