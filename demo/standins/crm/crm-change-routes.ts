// The demo CRM's change feed (what the hub polls to hear new interactions) and a demo-only way to
// record an interaction, so that demos and tests can make one happen.
//   GET  /api/v1/activities/changes?since=<token>&max_rows=<1..500>
//   POST /api/v1/activities  { CONTACT_ID, ACT_TYP_CD, CHNL_CD, SUBJ_TXT, STAT_CD?, AGENT_ID?, ACT_TS? }
import type { Router, StandInRequest, StandInResponse } from '../shared/router';
import { ACTIVITY_TYPE_CODES, CHANNEL_CODES, legacyTimestamp, type ActivityRecord } from './crm-records';
import type { CrmStore } from './crm-store';

export const CRM_CHANGES_MAX_ROWS = 500;
const KNOWN_TYPES = new Set(Object.values(ACTIVITY_TYPE_CODES));
const KNOWN_CHANNELS = new Set(Object.values(CHANNEL_CODES));
const KNOWN_STATUSES = new Set(['', 'O', 'P', 'C']);

type ErrorResponse = (status: number, code: string, message: string) => StandInResponse;

function changes(store: CrmStore, req: StandInRequest, error: ErrorResponse): StandInResponse {
  const maxRows = Number(req.query.get('max_rows') ?? 100);
  if (!Number.isInteger(maxRows) || maxRows < 1 || maxRows > CRM_CHANGES_MAX_ROWS) {
    return error(400, 'BAD_MAX_ROWS', `max_rows must be an integer from 1 to ${CRM_CHANGES_MAX_ROWS}`);
  }
  const since = req.query.get('since');
  // Without a token: nothing yet, and the token to start from (the feed's head).
  if (!since) return { status: 200, body: { CHANGES: [], NEXT_TOKEN: store.log.headToken(), MORE_FLG: 'N' } };
  const checked = store.log.check(since);
  if (checked === 'malformed') return error(400, 'BAD_TOKEN', 'since is not a token this API issued');
  if (checked === 'expired') return error(410, 'TOKEN_EXPIRED', 'the token is no longer valid; start again without since');
  const page = store.log.since(checked.seq, maxRows);
  const last = page.changes.length > 0 ? page.changes[page.changes.length - 1]!.CHG_SEQ : checked.seq;
  return { status: 200, body: { CHANGES: page.changes, NEXT_TOKEN: store.log.token(last), MORE_FLG: page.more ? 'Y' : 'N' } };
}

function text(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.length <= max ? value : null;
}

function record(store: CrmStore, req: StandInRequest, error: ErrorResponse): StandInResponse {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const contactId = text(body.CONTACT_ID, 64);
  if (!contactId) return error(400, 'BAD_REQUEST', 'CONTACT_ID must be a string');
  if (!store.contact(contactId)) return error(404, 'NOT_FOUND', `no contact ${contactId}`);
  const type = text(body.ACT_TYP_CD, 2);
  if (!type || !KNOWN_TYPES.has(type)) return error(400, 'BAD_ACT_TYP_CD', `ACT_TYP_CD must be one of ${[...KNOWN_TYPES].join(', ')}`);
  const channel = text(body.CHNL_CD, 2);
  if (!channel || !KNOWN_CHANNELS.has(channel)) return error(400, 'BAD_CHNL_CD', `CHNL_CD must be one of ${[...KNOWN_CHANNELS].join(', ')}`);
  const subject = text(body.SUBJ_TXT, 200);
  if (!subject || subject.trim() === '') return error(400, 'BAD_SUBJ_TXT', 'SUBJ_TXT must be 1 to 200 characters');
  const status = body.STAT_CD === undefined ? '' : text(body.STAT_CD, 1);
  if (status === null || !KNOWN_STATUSES.has(status)) return error(400, 'BAD_STAT_CD', 'STAT_CD must be O, P, C or blank');
  const agent = body.AGENT_ID === undefined ? '' : text(body.AGENT_ID, 32);
  if (agent === null) return error(400, 'BAD_AGENT_ID', 'AGENT_ID must be a string of at most 32 characters');
  const now = new Date();
  const timestamp = body.ACT_TS === undefined ? legacyTimestamp(now) : text(body.ACT_TS, 14);
  if (!timestamp || !/^\d{14}$/.test(timestamp)) return error(400, 'BAD_ACT_TS', 'ACT_TS must be YYYYMMDDHHMMSS');
  const activity: Omit<ActivityRecord, 'ACT_ID'> = {
    CONTACT_ID: contactId,
    ACT_TYP_CD: type,
    CHNL_CD: channel,
    ACT_TS: timestamp,
    SUBJ_TXT: subject,
    STAT_CD: status,
    AGENT_ID: agent,
  };
  return { status: 201, body: store.recordActivity(activity, now) };
}

export function addChangeFeedRoutes(router: Router, store: CrmStore, error: ErrorResponse): Router {
  return router.get('/api/v1/activities/changes', (req) => changes(store, req, error)).post('/api/v1/activities', (req) => record(store, req, error));
}
