// The CRM port over the legacy CRM's REST API. Batch-first: one POST per batch of ids (split only
// above the CRM's own batch limit), results aligned with the ids asked for.
import { alignMany, alignOne, chunks, uniqueKeys } from '../../../lib/batch';
import { InvalidInputError, UpstreamUnavailableError } from '../../../lib/errors';
import { HttpStatusError, type HttpClient } from '../../http/http-client';
import { batchLimitOf, createAdapterClient, type HttpAdapterOptions } from '../../http/http-adapter-options';
import type { CrmPort, Customer, CustomerSearchPage, Interaction, InteractionChannel } from '../crm-port';
import {
  CRM_API_KEY_HEADER,
  CRM_BATCH_LIMIT,
  CRM_MAX_ACTIVITIES_PER_CONTACT,
  CRM_PATHS,
  CRM_SEARCH_MAX_ROWS,
  type ActivityBatchDto,
  type ContactBatchDto,
  type ContactSearchDto,
} from './crm-dto';
import { toChannelCodes, toCustomer, toInteraction } from './crm-mappers';

/** The API key goes in the CRM's own key header. */
export type CrmHttpAdapterOptions = HttpAdapterOptions;

const SYSTEM = 'crm';

export class CrmHttpAdapter implements CrmPort {
  private constructor(
    private readonly client: HttpClient,
    private readonly batchLimit: number,
    private readonly requestId?: string,
  ) {}

  static create(options: CrmHttpAdapterOptions): CrmHttpAdapter {
    const client = createAdapterClient(SYSTEM, options, (apiKey) => ({ [CRM_API_KEY_HEADER]: apiKey }));
    return new CrmHttpAdapter(client, batchLimitOf(options, CRM_BATCH_LIMIT));
  }

  /** The same adapter (and connection pool), forwarding the request id to the CRM. */
  forRequest(requestId: string | undefined): CrmHttpAdapter {
    return new CrmHttpAdapter(this.client, this.batchLimit, requestId);
  }

  async findCustomersByIds(ids: readonly string[]): Promise<(Customer | null)[]> {
    const unique = uniqueKeys(ids);
    if (unique.length === 0) return [];
    const pages = await Promise.all(
      chunks(unique, this.batchLimit).map((chunk) =>
        this.client.json<ContactBatchDto>({ method: 'POST', path: CRM_PATHS.contactsBatch, body: { CONTACT_IDS: chunk }, idempotent: true, requestId: this.requestId }),
      ),
    );
    const customers = pages.flatMap((page) => listIn(page?.CONTACTS, 'CONTACTS')).map(toCustomer);
    return alignOne(ids, customers, (c) => c.id);
  }

  async searchCustomers(query: string, options: { first: number; after?: string | null }): Promise<CustomerSearchPage> {
    if (!Number.isInteger(options.first) || options.first < 1) throw new InvalidInputError('first must be a positive integer', 'first');
    let page: ContactSearchDto;
    try {
      page = await this.client.json<ContactSearchDto>({
        method: 'GET',
        path: CRM_PATHS.contactSearch,
        query: { q: query.trim(), max_rows: Math.min(options.first, CRM_SEARCH_MAX_ROWS), page_token: options.after ?? undefined },
        requestId: this.requestId,
      });
    } catch (err) {
      if (options.after && err instanceof HttpStatusError && err.status === 400) {
        throw new InvalidInputError('after is not a cursor of this search', 'after', { cause: err });
      }
      throw err;
    }
    const nodes = listIn(page?.RESULTS, 'RESULTS').map(toCustomer);
    return {
      nodes,
      totalCount: typeof page.TOTAL_CNT === 'number' ? page.TOTAL_CNT : nodes.length,
      endCursor: page.NEXT_TOKEN ?? null,
      hasNextPage: page.MORE_FLG === 'Y',
    };
  }

  async findInteractionsByCustomerIds(
    customerIds: readonly string[],
    options: { first: number; channels?: readonly InteractionChannel[] | null },
  ): Promise<Interaction[][]> {
    if (!Number.isInteger(options.first) || options.first < 0) throw new InvalidInputError('first must be zero or a positive integer', 'first');
    const unique = uniqueKeys(customerIds);
    const channels = options.channels ?? null;
    if (unique.length === 0 || options.first === 0 || channels?.length === 0) return customerIds.map(() => []);
    const max = Math.min(options.first, CRM_MAX_ACTIVITIES_PER_CONTACT);
    const pages = await Promise.all(
      chunks(unique, this.batchLimit).map((chunk) =>
        this.client.json<ActivityBatchDto>({
          method: 'POST',
          path: CRM_PATHS.activitiesBatch,
          body: { CONTACT_IDS: chunk, MAX_PER_CONTACT: max, ...(channels ? { CHNL_CDS: toChannelCodes(channels) } : {}) },
          idempotent: true,
          requestId: this.requestId,
        }),
      ),
    );
    // Activities the hub cannot represent (unknown codes, broken timestamps) are left out.
    const interactions = pages.flatMap((page) => listIn(page?.ACTIVITIES, 'ACTIVITIES')).map(toInteraction).filter((i): i is Interaction => i !== null);
    return alignMany(customerIds, interactions, (i) => i.customerId).map((list) =>
      [...list].sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime()).slice(0, max),
    );
  }

  /** Closes the connection pool (shared with every `forRequest` view). */
  async close(): Promise<void> {
    await this.client.close();
  }
}

/** The list under `field`, or an upstream error when the CRM answered something else. */
function listIn<E>(list: E[] | null | undefined, field: string): E[] {
  if (!Array.isArray(list)) throw new UpstreamUnavailableError(SYSTEM, `the CRM answered without ${field}`);
  return list;
}
