// The demo carrier's data, indexed for the stand-in's endpoints.
import type { DemoDataset } from '../../data/demo-dataset';
import { toParcelRecord, toScanEventRecord, type ParcelRecord, type ScanEventRecord } from './carrier-records';

export class CarrierStore {
  private readonly parcels = new Map<string, ParcelRecord>();
  private readonly byOrder = new Map<string, ParcelRecord[]>();
  private readonly byTrackingNumber = new Map<string, ParcelRecord>();
  private readonly events = new Map<string, ScanEventRecord[]>();

  constructor(dataset: DemoDataset) {
    for (const shipment of dataset.shipments) {
      const parcel = toParcelRecord(shipment);
      this.parcels.set(parcel.parcelId, parcel);
      this.byTrackingNumber.set(parcel.trackNo, parcel);
      const list = this.byOrder.get(parcel.orderRef) ?? [];
      list.push(parcel);
      this.byOrder.set(parcel.orderRef, list);
      const scans = [...shipment.events].sort((a, b) => a.at.getTime() - b.at.getTime());
      this.events.set(parcel.parcelId, scans.map((event, i) => toScanEventRecord(shipment.id, event, i + 1)));
    }
    for (const list of this.byOrder.values()) list.sort((a, b) => (a.shippedEpoch ?? 0) - (b.shippedEpoch ?? 0) || a.parcelId.localeCompare(b.parcelId));
  }

  parcel(id: string): ParcelRecord | null {
    return this.parcels.get(id) ?? null;
  }

  parcelsOfOrder(orderRef: string): ParcelRecord[] {
    return this.byOrder.get(orderRef) ?? [];
  }

  parcelByTrackingNumber(trackNo: string): ParcelRecord | null {
    return this.byTrackingNumber.get(trackNo) ?? null;
  }

  /** Scan events of a parcel, oldest first. */
  eventsOf(parcelId: string): ScanEventRecord[] {
    return this.events.get(parcelId) ?? [];
  }
}
