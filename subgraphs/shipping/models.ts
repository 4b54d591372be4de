// Entity references the shipping subgraph hands to the gateway: it knows their keys, not their data.

/** An order owned by the ERP; shipping adds its shipments and delivery estimate. */
export interface OrderRef {
  id: string;
}

/** A distribution centre owned by inventory; shipping only names the one a parcel left from. */
export interface DistributionCenterRef {
  code: string;
}
