import { Kind, parse, print, visit, type ConstDirectiveNode, type DocumentNode } from 'graphql';

/** The linked security features the gateway itself enforces (see authorization/). */
const ENFORCED_BY_GATEWAY = /^https:\/\/specs\.apollo\.dev\/(authenticated|requiresScopes)\/v0\.\d+$/;

function linkUrl(directive: ConstDirectiveNode): string | undefined {
  if (directive.name.value !== 'link') return undefined;
  const url = directive.arguments?.find((a) => a.name.value === 'url')?.value;
  return url?.kind === Kind.STRING ? url.value : undefined;
}

/** Does the supergraph link a security feature the gateway enforces (`@authenticated`, `@requiresScopes`)? */
export function linksGatewayEnforcedSecurity(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive(node) {
      const url = linkUrl(node as ConstDirectiveNode);
      if (url && ENFORCED_BY_GATEWAY.test(url)) found = true;
    },
  });
  return found;
}

/**
 * The supergraph as the executors load it. Query planners refuse a supergraph that links a
 * feature `for: SECURITY` they do not enforce, so that it is never served unprotected. The
 * gateway enforces `@authenticated` and `@requiresScopes` before an operation reaches the
 * executor, so those links lose their `for: SECURITY` here; any other security feature (such as
 * `@policy`) stays and is still refused.
 */
export function executableSupergraph(supergraphSdl: string): string {
  const document = parse(supergraphSdl);
  if (!linksGatewayEnforcedSecurity(document)) return supergraphSdl;
  const rewritten = visit(document, {
    Directive(node) {
      const url = linkUrl(node as ConstDirectiveNode);
      if (!url || !ENFORCED_BY_GATEWAY.test(url)) return undefined;
      return { ...node, arguments: node.arguments?.filter((a) => a.name.value !== 'for') };
    },
  });
  return print(rewritten);
}
