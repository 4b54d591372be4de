// Reads the CRM's activity change feed over its REST API.
import { UpstreamUnavailableError } from '../../../../lib/errors';
import { HttpClient, HttpStatusError, type HttpClientOptions } from '../../../http/http-client';
import { CRM_API_KEY_HEADER } from '../crm-dto';
import { CRM_CHANGE_FEED_MAX_ROWS, CRM_CHANGE_FEED_PATH, type ActivityChangesDto } from './crm-change-feed-dto';

/** The CRM no longer knows the token (it expired, or the CRM was reset): start again from its head. */
export class FeedTokenExpiredError extends Error {
  override name = 'FeedTokenExpiredError';
}

export interface CrmChangeFeedClientOptions {
  baseUrl: string;
  apiKey?: string;
  timeoutMs?: number;
  onAttempt?: HttpClientOptions['onAttempt'];
}

export class CrmChangeFeedClient {
  private readonly client: HttpClient;

  constructor(options: CrmChangeFeedClientOptions) {
    this.client = new HttpClient({
      system: 'crm',
      baseUrl: options.baseUrl,
      timeoutMs: options.timeoutMs,
      connections: 2,
      headers: options.apiKey ? { [CRM_API_KEY_HEADER]: options.apiKey } : {},
      onAttempt: options.onAttempt,
    });
  }

  /** Changes after the token; without one, none and the token of the feed's head. */
  async changesSince(token: string | null, maxRows = CRM_CHANGE_FEED_MAX_ROWS): Promise<ActivityChangesDto> {
    let page: ActivityChangesDto;
    try {
      page = await this.client.json<ActivityChangesDto>({
        method: 'GET',
        path: CRM_CHANGE_FEED_PATH,
        query: { since: token ?? undefined, max_rows: Math.min(maxRows, CRM_CHANGE_FEED_MAX_ROWS) },
      });
    } catch (err) {
      if (token && err instanceof HttpStatusError && (err.status === 410 || err.status === 400)) {
        throw new FeedTokenExpiredError('the CRM refused the change feed token', { cause: err });
      }
      throw err;
    }
    if (!page || !Array.isArray(page.CHANGES) || typeof page.NEXT_TOKEN !== 'string') {
      throw new UpstreamUnavailableError('crm', 'the CRM change feed answered without CHANGES or NEXT_TOKEN');
    }
    return page;
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
