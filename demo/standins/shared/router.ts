// A very small router for the stand-ins: path templates with `:params`, JSON in and out.

export interface StandInRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

export interface StandInResponse {
  status: number;
  body: unknown;
}

export type Handler = (req: StandInRequest) => StandInResponse;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

export class Router {
  private readonly routes: Route[] = [];

  get(template: string, handler: Handler): this {
    return this.add('GET', template, handler);
  }

  post(template: string, handler: Handler): this {
    return this.add('POST', template, handler);
  }

  private add(method: string, template: string, handler: Handler): this {
    this.routes.push({ method, segments: template.split('/').filter(Boolean), handler });
    return this;
  }

  /** The handler and path parameters for a request, `405` when only the method differs, or null. */
  match(method: string, path: string): { handler: Handler; params: Record<string, string> } | 'method-not-allowed' | null {
    const parts = path.split('/').filter(Boolean);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method === method) return { handler: route.handler, params };
      pathMatched = true;
    }
    return pathMatched ? 'method-not-allowed' : null;
  }
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | null {
  if (segments.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i]!;
    const part = parts[i]!;
    if (segment.startsWith(':')) {
      try {
        params[segment.slice(1)] = decodeURIComponent(part);
      } catch {
        return null;
      }
    } else if (segment !== part) {
      return null;
    }
  }
  return params;
}
