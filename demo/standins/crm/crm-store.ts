// The demo CRM's data, indexed for the stand-in's endpoints.
import type { DemoDataset } from '../../data/demo-dataset';
import { toActivityRecord, toContactRecord, type ActivityRecord, type ContactRecord } from './crm-records';
import { ActivityLog } from './crm-activity-log';

interface Searchable {
  record: ContactRecord;
  text: string;
  phoneDigits: string;
}

export class CrmStore {
  private readonly contacts = new Map<string, ContactRecord>();
  private readonly searchable: Searchable[] = [];
  /** Activities per contact, newest first. */
  private readonly activities = new Map<string, ActivityRecord[]>();
  /** Activities recorded since start-up, for the change feed. */
  readonly log = new ActivityLog();
  private lastActivityNo = 0;

  constructor(dataset: DemoDataset) {
    for (const customer of [...dataset.customers].sort((a, b) => a.id.localeCompare(b.id))) {
      const record = toContactRecord(customer);
      this.contacts.set(record.CONTACT_ID, record);
      this.searchable.push({
        record,
        text: `${record.FNAME} ${record.LNAME} ${record.EMAIL_ADDR}`.toLowerCase(),
        phoneDigits: record.PHONE_NO.replace(/\D/g, ''),
      });
    }
    const sorted = [...dataset.interactions].sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || b.id.localeCompare(a.id));
    for (const interaction of sorted) {
      const list = this.activities.get(interaction.customerId) ?? [];
      list.push(toActivityRecord(interaction));
      this.activities.set(interaction.customerId, list);
      const no = /^I-(\d+)$/.exec(interaction.id);
      if (no) this.lastActivityNo = Math.max(this.lastActivityNo, Number(no[1]));
    }
  }

  /** Records a new activity (the next number after the demo's), and appends it to the change feed. */
  recordActivity(activity: Omit<ActivityRecord, 'ACT_ID'>, at: Date): ActivityRecord {
    this.lastActivityNo += 1;
    const record: ActivityRecord = { ACT_ID: `I-${String(this.lastActivityNo).padStart(7, '0')}`, ...activity };
    const list = this.activities.get(record.CONTACT_ID) ?? [];
    // Newest first: timestamps are fixed-width digits, so text order is time order.
    const position = list.findIndex((a) => a.ACT_TS < record.ACT_TS || (a.ACT_TS === record.ACT_TS && a.ACT_ID < record.ACT_ID));
    list.splice(position < 0 ? list.length : position, 0, record);
    this.activities.set(record.CONTACT_ID, list);
    this.log.append(record, at);
    return record;
  }

  contact(id: string): ContactRecord | null {
    return this.contacts.get(id) ?? null;
  }

  /** Contacts matching every term of the query (name, e-mail or phone), in id order. */
  search(query: string): ContactRecord[] {
    const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (terms.length === 0) return this.searchable.map((s) => s.record);
    return this.searchable
      .filter((s) =>
        terms.every((term) => {
          if (s.text.includes(term)) return true;
          const digits = term.replace(/[\s()+.-]/g, '');
          return /^\d{3,}$/.test(digits) && s.phoneDigits.includes(digits);
        }),
      )
      .map((s) => s.record);
  }

  /** A contact's activities, newest first, only the given channel codes when set. */
  activitiesOf(contactId: string, channelCodes: ReadonlySet<string> | null, max: number): ActivityRecord[] {
    const all = this.activities.get(contactId) ?? [];
    const filtered = channelCodes ? all.filter((a) => channelCodes.has(a.CHNL_CD)) : all;
    return filtered.slice(0, max);
  }
}
