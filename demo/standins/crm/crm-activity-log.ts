// The demo CRM's change feed: every activity recorded after start-up, in order, so that the hub can
// poll "what is new since my token". Tokens name this run of the stand-in (its epoch): a token from
// an earlier run is refused as expired, as a real CRM refuses a token past its retention.
import { randomBytes } from 'node:crypto';
import type { ActivityRecord } from './crm-records';
import { legacyTimestamp } from './crm-records';

export interface ActivityChangeRecord {
  CHG_SEQ: number;
  /** I inserted (the demo CRM records new activities only). */
  CHG_TYP: 'I';
  /** YYYYMMDDHHMMSS, UTC. */
  CHG_TS: string;
  ACTIVITY: ActivityRecord;
}

export type TokenCheck = { seq: number } | 'malformed' | 'expired';

export class ActivityLog {
  private readonly epoch = randomBytes(4).toString('hex');
  private readonly changes: ActivityChangeRecord[] = [];

  append(activity: ActivityRecord, at: Date): ActivityChangeRecord {
    const change: ActivityChangeRecord = { CHG_SEQ: this.changes.length + 1, CHG_TYP: 'I', CHG_TS: legacyTimestamp(at), ACTIVITY: activity };
    this.changes.push(change);
    return change;
  }

  /** The token of the newest change (or of the start, when there is none). */
  headToken(): string {
    return this.token(this.changes.length);
  }

  token(seq: number): string {
    return Buffer.from(`chg:${this.epoch}:${seq}`).toString('base64url');
  }

  check(token: string): TokenCheck {
    const match = /^chg:([0-9a-f]{8}):(\d{1,9})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
    if (!match) return 'malformed';
    const seq = Number(match[2]);
    if (match[1] !== this.epoch || seq > this.changes.length) return 'expired';
    return { seq };
  }

  /** Changes after `seq`, at most `max`. */
  since(seq: number, max: number): { changes: ActivityChangeRecord[]; more: boolean } {
    const changes = this.changes.slice(seq, seq + max);
    return { changes, more: seq + changes.length < this.changes.length };
  }
}
