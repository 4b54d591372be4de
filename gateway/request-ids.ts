import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

// A caller's id is kept only if it is short and plain, so it cannot forge log lines or headers.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id of every request in flight, chosen once per request. */
export interface RequestIds {
  of(request: Request): string;
}

export function createRequestIds(generate: () => string = randomUUID): RequestIds {
  const ids = new WeakMap<Request, string>();
  return {
    of(request) {
      let id = ids.get(request);
      if (id === undefined) {
        const given = request.headers.get(REQUEST_ID_HEADER);
        id = given && ACCEPTABLE_ID.test(given) ? given : generate();
        ids.set(request, id);
      }
      return id;
    },
  };
}
