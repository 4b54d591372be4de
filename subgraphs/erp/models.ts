// The erp subgraph's own entity references (codegen maps schema types to these).

/** A customer as the ERP extends it: only the Touchpoint customer id (the CRM id). */
export interface CustomerRef {
  id: string;
}
