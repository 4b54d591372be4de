// POST /webhooks/mentions: signed deliveries of mentions, scored, linked and stored idempotently.
import type { Plugin } from 'graphql-yoga';
import { InvalidInputError, SignatureError, UpstreamUnavailableError } from '../../../lib/errors';
import type { Logger } from '../../../lib/logger';
import { verifySignedRequest, type NonceRegistry } from '../../../lib/webhook-signature';
import { ingestMentions, type IngestDependencies } from '../../../adapters/social/ingest-mentions';
import { parseMentionPayload } from './parse-mention-payload';

export const MENTION_WEBHOOK_PATH = '/webhooks/mentions';
export const MENTION_WEBHOOK_SOURCE = 'social';

export interface MentionWebhookOptions extends IngestDependencies {
  secret: string;
  nonces: NonceRegistry;
  log: Logger;
  path?: string;
  maxBodyBytes?: number;
  now?: () => Date;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
}

const failure = (status: number, code: string, message: string) => json(status, { error: { code, message } });

export function useMentionWebhook({ path = MENTION_WEBHOOK_PATH, maxBodyBytes = 1024 * 1024, ...options }: MentionWebhookOptions): Plugin {
  if (!options.secret) throw new Error('the mention webhook needs a signing secret');

  async function handle(request: Request, log: Logger): Promise<Response> {
    if (request.method !== 'POST') return failure(405, 'METHOD_NOT_ALLOWED', 'use POST');
    if (Number(request.headers.get('content-length') ?? 0) > maxBodyBytes) return failure(413, 'PAYLOAD_TOO_LARGE', `the body exceeds ${maxBodyBytes} bytes`);
    const raw = new Uint8Array(await request.arrayBuffer());
    if (raw.byteLength > maxBodyBytes) return failure(413, 'PAYLOAD_TOO_LARGE', `the body exceeds ${maxBodyBytes} bytes`);
    try {
      await verifySignedRequest(request.headers, raw, { secret: options.secret, source: MENTION_WEBHOOK_SOURCE, nonces: options.nonces, now: options.now });
      const incoming = parseMentionPayload(Buffer.from(raw).toString('utf8'));
      const results = await ingestMentions(incoming, options);
      const created = results.filter((r) => r.created).length;
      log.info({ received: results.length, created, complaints: results.filter((r) => r.mention.isComplaint).length }, 'mentions received');
      return json(200, {
        ids: results.map((r) => r.mention.id),
        mentions: results.map((r) => ({ id: r.mention.id, externalId: r.mention.externalId, created: r.created })),
      });
    } catch (error) {
      if (error instanceof SignatureError) {
        log.warn({ reason: error.message }, 'mention webhook rejected');
        return failure(401, 'UNAUTHENTICATED', error.message);
      }
      if (error instanceof InvalidInputError) return failure(400, 'BAD_REQUEST', error.message);
      if (error instanceof UpstreamUnavailableError) {
        log.error({ err: error }, 'mention webhook could not store');
        return failure(503, 'UNAVAILABLE', 'the mention could not be stored; retry later');
      }
      log.error({ err: error }, 'mention webhook failed');
      return failure(500, 'INTERNAL_SERVER_ERROR', 'unexpected error');
    }
  }

  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== path) return;
      const log = options.log.child({ requestId: request.headers.get('x-request-id') ?? undefined, webhook: MENTION_WEBHOOK_SOURCE });
      endResponse(await handle(request, log));
    },
  };
}
