/** A customer as the social subgraph knows it: only its id (the CRM owns the rest). */
export interface CustomerRef {
  id: string;
}
