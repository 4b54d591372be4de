// The legacy CRM's REST endpoints (v1). Batch endpoints take at most CRM_BATCH_LIMIT ids.
import { Router, type StandInResponse } from '../shared/router';
import { CHANNEL_CODES } from './crm-records';
import { addChangeFeedRoutes } from './crm-change-routes';
import type { CrmStore } from './crm-store';

export const CRM_BATCH_LIMIT = 1000;
export const CRM_SEARCH_MAX_ROWS = 200;
const DEFAULT_ACTIVITIES_PER_CONTACT = 50;
const MAX_ACTIVITIES_PER_CONTACT = 500;
const KNOWN_CHANNEL_CODES = new Set(Object.values(CHANNEL_CODES));

export function crmError(status: number, code: string, message: string): StandInResponse {
  return { status, body: { ERR_CD: code, ERR_MSG: message } };
}

/** The search page token: an offset, opaque to callers. */
export function encodeOffsetToken(offset: number): string {
  return Buffer.from(`ofs:${offset}`).toString('base64url');
}

function decodeOffsetToken(token: string): number | null {
  const match = /^ofs:(\d{1,9})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : null;
}

function idList(body: unknown, field: string): string[] | StandInResponse {
  const ids = (body as Record<string, unknown> | undefined)?.[field];
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return crmError(400, 'BAD_REQUEST', `${field} must be a list of strings`);
  if (ids.length > CRM_BATCH_LIMIT) return crmError(400, 'BATCH_TOO_LARGE', `at most ${CRM_BATCH_LIMIT} ${field} per request`);
  return ids as string[];
}

export function crmRoutes(store: CrmStore): Router {
  const router = new Router()
    .get('/api/v1/contacts/search', (req) => {
      const q = req.query.get('q') ?? '';
      const maxRows = Number(req.query.get('max_rows') ?? 20);
      if (!Number.isInteger(maxRows) || maxRows < 1 || maxRows > CRM_SEARCH_MAX_ROWS) {
        return crmError(400, 'BAD_MAX_ROWS', `max_rows must be an integer from 1 to ${CRM_SEARCH_MAX_ROWS}`);
      }
      const token = req.query.get('page_token');
      const offset = token ? decodeOffsetToken(token) : 0;
      if (offset === null) return crmError(400, 'BAD_PAGE_TOKEN', 'page_token is not a token this API issued');
      const matches = store.search(q);
      const rows = matches.slice(offset, offset + maxRows);
      const next = offset + rows.length;
      return {
        status: 200,
        body: {
          RESULTS: rows,
          TOTAL_CNT: matches.length,
          NEXT_TOKEN: rows.length > 0 ? encodeOffsetToken(next) : null,
          MORE_FLG: next < matches.length ? 'Y' : 'N',
        },
      };
    })
    .get('/api/v1/contacts/:id', (req) => {
      const contact = store.contact(req.params.id!);
      return contact ? { status: 200, body: contact } : crmError(404, 'NOT_FOUND', `no contact ${req.params.id}`);
    })
    .post('/api/v1/contacts/batch-get', (req) => {
      const ids = idList(req.body, 'CONTACT_IDS');
      if (!Array.isArray(ids)) return ids;
      const found = [];
      const missing = [];
      for (const id of new Set(ids)) {
        const contact = store.contact(id);
        if (contact) found.push(contact);
        else missing.push(id);
      }
      return { status: 200, body: { CONTACTS: found, NOT_FOUND: missing } };
    })
    .post('/api/v1/activities/batch-get', (req) => {
      const ids = idList(req.body, 'CONTACT_IDS');
      if (!Array.isArray(ids)) return ids;
      const body = req.body as { MAX_PER_CONTACT?: unknown; CHNL_CDS?: unknown };
      const max = body.MAX_PER_CONTACT ?? DEFAULT_ACTIVITIES_PER_CONTACT;
      if (typeof max !== 'number' || !Number.isInteger(max) || max < 0 || max > MAX_ACTIVITIES_PER_CONTACT) {
        return crmError(400, 'BAD_MAX_PER_CONTACT', `MAX_PER_CONTACT must be an integer from 0 to ${MAX_ACTIVITIES_PER_CONTACT}`);
      }
      let channels: Set<string> | null = null;
      if (body.CHNL_CDS !== undefined && body.CHNL_CDS !== null) {
        if (!Array.isArray(body.CHNL_CDS) || !body.CHNL_CDS.every((c) => typeof c === 'string' && KNOWN_CHANNEL_CODES.has(c))) {
          return crmError(400, 'BAD_CHNL_CD', `CHNL_CDS must list codes among ${[...KNOWN_CHANNEL_CODES].join(', ')}`);
        }
        channels = new Set(body.CHNL_CDS as string[]);
      }
      const activities = [...new Set(ids)].flatMap((id) => store.activitiesOf(id, channels, max));
      return { status: 200, body: { ACTIVITIES: activities } };
    });
  return addChangeFeedRoutes(router, store, crmError);
}
