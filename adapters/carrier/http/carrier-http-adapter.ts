// The carrier port over the parcel carrier's HTTP API. Batch-first: one POST per batch of keys
// (split only above the carrier's batch limit), results aligned with the keys asked for.
import { alignMany, alignOne, chunks, uniqueKeys } from '../../../lib/batch';
import { UpstreamUnavailableError } from '../../../lib/errors';
import { HttpStatusError, type HttpClient } from '../../http/http-client';
import { batchLimitOf, createAdapterClient, type HttpAdapterOptions } from '../../http/http-adapter-options';
import type { CarrierPort, Shipment, TrackingEvent } from '../carrier-port';
import { CARRIER_BATCH_LIMIT, CARRIER_PATHS, type ParcelListDto, type ParcelOneDto, type ScanEventListDto } from './carrier-dto';
import { toShipment, toTrackingEvent } from './carrier-mappers';

/** The API key goes as a bearer token. */
export type CarrierHttpAdapterOptions = HttpAdapterOptions;

const SYSTEM = 'carrier';

export class CarrierHttpAdapter implements CarrierPort {
  private constructor(
    private readonly client: HttpClient,
    private readonly batchLimit: number,
    private readonly requestId?: string,
  ) {}

  static create(options: CarrierHttpAdapterOptions): CarrierHttpAdapter {
    const client = createAdapterClient(SYSTEM, options, (apiKey) => ({ authorization: `Bearer ${apiKey}` }));
    return new CarrierHttpAdapter(client, batchLimitOf(options, CARRIER_BATCH_LIMIT));
  }

  /** The same adapter (and connection pool), forwarding the request id to the carrier. */
  forRequest(requestId: string | undefined): CarrierHttpAdapter {
    return new CarrierHttpAdapter(this.client, this.batchLimit, requestId);
  }

  async findShipmentsByIds(ids: readonly string[]): Promise<(Shipment | null)[]> {
    const shipments = await this.batch(ids, (chunk) =>
      this.post<ParcelListDto>(CARRIER_PATHS.byIds, { parcelIds: chunk }).then((page) => listIn(page?.shipments, 'shipments').map(toShipment)),
    );
    return alignOne(ids, shipments, (s) => s.id);
  }

  async findShipmentsByOrderIds(orderIds: readonly string[]): Promise<Shipment[][]> {
    const shipments = await this.batch(orderIds, (chunk) =>
      this.post<ParcelListDto>(CARRIER_PATHS.byOrderRefs, { orderRefs: chunk }).then((page) => listIn(page?.shipments, 'shipments').map(toShipment)),
    );
    return alignMany(orderIds, shipments, (s) => s.orderId).map((list) => [...list].sort(byShippedAt));
  }

  async findTrackingEventsByShipmentIds(shipmentIds: readonly string[]): Promise<TrackingEvent[][]> {
    const events = await this.batch(shipmentIds, (chunk) =>
      this.post<ScanEventListDto>(CARRIER_PATHS.events, { parcelIds: chunk }).then((page) =>
        listIn(page?.events, 'events')
          .map(toTrackingEvent)
          .filter((e): e is TrackingEvent => e !== null),
      ),
    );
    return alignMany(shipmentIds, events, (e) => e.shipmentId).map((list) => [...list].sort((a, b) => a.at.getTime() - b.at.getTime()));
  }

  async findShipmentByTrackingNumber(trackingNumber: string): Promise<Shipment | null> {
    const trimmed = trackingNumber.trim();
    if (!trimmed) return null;
    try {
      const found = await this.client.json<ParcelOneDto>({ method: 'GET', path: CARRIER_PATHS.byTrackingNumber(trimmed), requestId: this.requestId });
      if (!found?.shipment) throw new UpstreamUnavailableError(SYSTEM, 'the carrier answered without shipment');
      return toShipment(found.shipment);
    } catch (err) {
      if (err instanceof HttpStatusError && err.status === 404) return null;
      throw err;
    }
  }

  /** Closes the connection pool (shared with every `forRequest` view). */
  async close(): Promise<void> {
    await this.client.close();
  }

  /** One request per chunk of distinct keys (one in all below the carrier's limit), results flattened. */
  private async batch<T>(keys: readonly string[], fetchChunk: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
    const unique = uniqueKeys(keys);
    if (unique.length === 0) return [];
    const pages = await Promise.all(chunks(unique, this.batchLimit).map(fetchChunk));
    return pages.flat();
  }

  private post<T>(path: string, body: unknown): Promise<T> {
    return this.client.json<T>({ method: 'POST', path, body, idempotent: true, requestId: this.requestId });
  }
}

function byShippedAt(a: Shipment, b: Shipment): number {
  return (a.shippedAt?.getTime() ?? Infinity) - (b.shippedAt?.getTime() ?? Infinity) || a.id.localeCompare(b.id);
}

function listIn<E>(list: E[] | null | undefined, field: string): E[] {
  if (!Array.isArray(list)) throw new UpstreamUnavailableError(SYSTEM, `the carrier answered without ${field}`);
  return list;
}
