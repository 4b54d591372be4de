// Legacy CRM payloads to the hub's domain types, and back for query parameters. The CRM's field
// names and codes stop here.
import type { Customer, Interaction, InteractionChannel, InteractionKind } from '../crm-port';
import type { ActivityDto, ContactDto } from './crm-dto';

const KINDS: Record<string, InteractionKind> = { CL: 'CALL', CH: 'CHAT', EM: 'EMAIL', SC: 'SUPPORT_CASE' };
const CHANNELS: Record<string, InteractionChannel> = { PH: 'PHONE', CT: 'CHAT', EM: 'EMAIL', WB: 'WEB', SO: 'SOCIAL' };
const CHANNEL_CODES = Object.fromEntries(Object.entries(CHANNELS).map(([code, channel]) => [channel, code])) as Record<InteractionChannel, string>;
const CASE_STATUSES: Record<string, string> = { O: 'OPEN', P: 'PENDING', C: 'CLOSED' };

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** YYYYMMDD (and optionally HHMMSS), read as UTC; null when blank or malformed. */
export function parseLegacyDateTime(value: string | null | undefined): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2}))?$/.exec(value?.trim() ?? '');
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  return Number.isNaN(date.getTime()) ? null : date;
}

export function toCustomer(dto: ContactDto): Customer {
  return {
    id: dto.CONTACT_ID,
    firstName: dto.FNAME.trim(),
    lastName: dto.LNAME.trim(),
    email: blankToNull(dto.EMAIL_ADDR),
    phone: blankToNull(dto.PHONE_NO),
    segment: blankToNull(dto.SEG_CD),
    customerSince: parseLegacyDateTime(dto.CRT_DT),
  };
}

/** Null for an activity the hub cannot represent (an unknown type, channel or timestamp). */
export function toInteraction(dto: ActivityDto): Interaction | null {
  const kind = KINDS[dto.ACT_TYP_CD];
  const channel = CHANNELS[dto.CHNL_CD];
  const occurredAt = parseLegacyDateTime(dto.ACT_TS);
  if (!kind || !channel || !occurredAt) return null;
  const status = blankToNull(dto.STAT_CD);
  return {
    id: dto.ACT_ID,
    customerId: dto.CONTACT_ID,
    kind,
    channel,
    occurredAt,
    subject: dto.SUBJ_TXT,
    status: status ? (CASE_STATUSES[status] ?? status) : null,
    agent: blankToNull(dto.AGENT_ID),
  };
}

export function toChannelCodes(channels: readonly InteractionChannel[]): string[] {
  return [...new Set(channels.map((c) => CHANNEL_CODES[c]))];
}
