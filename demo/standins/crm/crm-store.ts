// The demo CRM's data, indexed for the stand-in's endpoints.
import type { DemoDataset } from '../../data/demo-dataset';
import { toActivityRecord, toContactRecord, type ActivityRecord, type ContactRecord } from './crm-records';

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
    }
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
