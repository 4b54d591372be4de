// The demo CRM's records, in the legacy CRM's own shape: upper-case column-style names, coded
// values, dates as YYYYMMDD and timestamps as YYYYMMDDHHMMSS (UTC), blanks instead of nulls.
import type { DemoCustomer, DemoInteraction } from '../../data/demo-dataset';

export interface ContactRecord {
  CONTACT_ID: string;
  FNAME: string;
  LNAME: string;
  EMAIL_ADDR: string;
  PHONE_NO: string;
  SEG_CD: string;
  CRT_DT: string;
}

export interface ActivityRecord {
  ACT_ID: string;
  CONTACT_ID: string;
  ACT_TYP_CD: string;
  CHNL_CD: string;
  ACT_TS: string;
  SUBJ_TXT: string;
  STAT_CD: string;
  AGENT_ID: string;
}

export const ACTIVITY_TYPE_CODES: Record<DemoInteraction['kind'], string> = { CALL: 'CL', CHAT: 'CH', EMAIL: 'EM', SUPPORT_CASE: 'SC' };
export const CHANNEL_CODES: Record<DemoInteraction['channel'], string> = { PHONE: 'PH', CHAT: 'CT', EMAIL: 'EM', WEB: 'WB', SOCIAL: 'SO' };
const STATUS_CODES: Record<string, string> = { OPEN: 'O', PENDING: 'P', CLOSED: 'C' };

function two(n: number): string {
  return String(n).padStart(2, '0');
}

export function legacyDate(date: Date): string {
  return `${date.getUTCFullYear()}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}`;
}

export function legacyTimestamp(date: Date): string {
  return `${legacyDate(date)}${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}`;
}

export function toContactRecord(customer: DemoCustomer): ContactRecord {
  return {
    CONTACT_ID: customer.id,
    FNAME: customer.firstName,
    LNAME: customer.lastName,
    EMAIL_ADDR: customer.email,
    PHONE_NO: customer.phone,
    SEG_CD: customer.segment ?? '',
    CRT_DT: legacyDate(customer.customerSince),
  };
}

export function toActivityRecord(interaction: DemoInteraction): ActivityRecord {
  return {
    ACT_ID: interaction.id,
    CONTACT_ID: interaction.customerId,
    ACT_TYP_CD: ACTIVITY_TYPE_CODES[interaction.kind],
    CHNL_CD: CHANNEL_CODES[interaction.channel],
    ACT_TS: legacyTimestamp(interaction.occurredAt),
    SUBJ_TXT: interaction.subject,
    STAT_CD: interaction.status ? (STATUS_CODES[interaction.status] ?? interaction.status) : '',
    AGENT_ID: interaction.agent,
  };
}
