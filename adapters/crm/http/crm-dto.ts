// The legacy CRM REST API's payloads (v1), as it sends them. Nothing outside this folder sees them.

export interface ContactDto {
  CONTACT_ID: string;
  FNAME: string;
  LNAME: string;
  /** Blank when unknown. */
  EMAIL_ADDR: string;
  PHONE_NO: string;
  /** Segment code (GOLD, SILV, BRNZ...), blank when none. */
  SEG_CD: string;
  /** Creation date, YYYYMMDD. */
  CRT_DT: string;
}

export interface ActivityDto {
  ACT_ID: string;
  CONTACT_ID: string;
  /** CL call, CH chat, EM e-mail, SC support case. */
  ACT_TYP_CD: string;
  /** PH phone, CT chat, EM e-mail, WB web, SO social. */
  CHNL_CD: string;
  /** YYYYMMDDHHMMSS, UTC. */
  ACT_TS: string;
  SUBJ_TXT: string;
  /** O open, P pending, C closed; blank for activities that are not cases. */
  STAT_CD: string;
  AGENT_ID: string;
}

export interface ContactBatchDto {
  CONTACTS: ContactDto[];
  NOT_FOUND: string[];
}

export interface ContactSearchDto {
  RESULTS: ContactDto[];
  TOTAL_CNT: number;
  NEXT_TOKEN: string | null;
  MORE_FLG: 'Y' | 'N';
}

export interface ActivityBatchDto {
  ACTIVITIES: ActivityDto[];
}

export const CRM_PATHS = {
  contactsBatch: '/api/v1/contacts/batch-get',
  contactSearch: '/api/v1/contacts/search',
  activitiesBatch: '/api/v1/activities/batch-get',
} as const;

/** The CRM accepts at most this many ids per batch request. */
export const CRM_BATCH_LIMIT = 1000;
/** The largest page the CRM's search returns. */
export const CRM_SEARCH_MAX_ROWS = 200;
/** The most activities per contact the CRM returns. */
export const CRM_MAX_ACTIVITIES_PER_CONTACT = 500;
export const CRM_API_KEY_HEADER = 'x-api-key';
