// The legacy CRM's activity change feed (v1), as it sends it.
import type { ActivityDto } from '../crm-dto';

export interface ActivityChangeDto {
  /** Position in the feed. */
  CHG_SEQ: number;
  /** I inserted (U and D are ignored by the hub). */
  CHG_TYP: string;
  /** YYYYMMDDHHMMSS, UTC. */
  CHG_TS: string;
  ACTIVITY: ActivityDto;
}

export interface ActivityChangesDto {
  CHANGES: ActivityChangeDto[];
  /** Where to continue from; opaque. */
  NEXT_TOKEN: string;
  MORE_FLG: 'Y' | 'N';
}

export const CRM_CHANGE_FEED_PATH = '/api/v1/activities/changes';
/** The largest page the feed returns. */
export const CRM_CHANGE_FEED_MAX_ROWS = 500;
