import type { YogaServerOptions } from 'graphql-yoga';

/** Allowed browser origins (`*` allows any), or false for no cross-origin access at all. */
export type CorsSetting = ReadonlyArray<string> | false;

type YogaCors = YogaServerOptions<Record<string, unknown>, Record<string, unknown>>['cors'];

/**
 * Yoga's CORS option for a list of origins: an allowed origin gets the CORS headers (and may read
 * x-request-id), any other origin gets none, so the browser refuses it.
 */
export function corsFor(setting: CorsSetting): YogaCors {
  if (setting === false || setting.length === 0) return false;
  const anyOrigin = setting.includes('*');
  const allowed = new Set(setting.map((origin) => origin.replace(/\/+$/, '')));
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin || (!anyOrigin && !allowed.has(origin))) return false;
    return {
      origin: [origin],
      credentials: true,
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['content-type', 'accept', 'authorization', 'x-request-id', 'apollographql-client-name', 'apollographql-client-version'],
      exposedHeaders: ['x-request-id'],
      maxAge: 600,
    };
  };
}
