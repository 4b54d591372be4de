// The CRM as the hub sees it: the golden customer record and the customer's interactions.

export type InteractionKind = 'CALL' | 'CHAT' | 'EMAIL' | 'SUPPORT_CASE';
export type InteractionChannel = 'PHONE' | 'CHAT' | 'EMAIL' | 'WEB' | 'SOCIAL';

export interface Customer {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  segment: string | null;
  customerSince: Date | null;
}

export interface Interaction {
  id: string;
  customerId: string;
  kind: InteractionKind;
  channel: InteractionChannel;
  occurredAt: Date;
  subject: string;
  status: string | null;
  agent: string | null;
}

export interface CustomerSearchPage {
  nodes: Customer[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface CrmPort {
  /** Aligned with ids; null for an unknown id. */
  findCustomersByIds(ids: readonly string[]): Promise<(Customer | null)[]>;
  searchCustomers(query: string, options: { first: number; after?: string | null }): Promise<CustomerSearchPage>;
  /** Aligned with customer ids: newest first, at most `first` each, only the given channels when set. */
  findInteractionsByCustomerIds(
    customerIds: readonly string[],
    options: { first: number; channels?: readonly InteractionChannel[] | null },
  ): Promise<Interaction[][]>;
  /** Optional: the same port, tagging its calls to the CRM with the caller's request id. */
  forRequest?(requestId: string | undefined): CrmPort;
}
