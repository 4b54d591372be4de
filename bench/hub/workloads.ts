// What the hub benchmark sends: the Customer-360 view an agent desk asks for, and a mixed channel
// workload (web product pages, mobile order status, call-centre look-ups, partner stock checks).
import type { DemoDataset } from '../../demo/data/demo-dataset';

export interface Workload {
  name: string;
  /** Request bodies sent round-robin, so that every request asks for different rows. */
  bodies: string[];
}

const CUSTOMER_360 = `query Customer360($ids: [ID!]!) {
  customers(ids: $ids) {
    id name email segment identities { namespace value }
    interactions(first: 3) { kind channel occurredAt }
    creditAccount { available { amount } }
    orders(first: 3) {
      number status total { amount }
      lines { quantity product { name price { amount } availability { available inStock byCenter { available center { name } } } } }
      shipments { trackingNumber status events { status at } }
    }
    socialProfiles { network handle followers }
    mentions(first: 3) { text sentiment }
  }
}`;

const PRODUCT_PAGE = `query ProductPage($sku: ID!) {
  product(sku: $sku) { sku name description category price { amount currency } availability { available inStock nextRestockAt byCenter { available center { name city } } } }
}`;

const ORDER_STATUS = `query OrderStatus($id: ID!) {
  order(id: $id) { number status placedAt total { amount } lines { quantity product { name } } shipments { carrier { name } trackingNumber status estimatedDeliveryAt events { at status location } } deliveryEstimate { expectedAt delivered } }
}`;

const AGENT_LOOKUP = `query AgentLookup($email: String!) {
  customerByIdentity(namespace: EMAIL, value: $email) { id name phone segment interactions(first: 5) { kind subject occurredAt } orders(first: 5) { number status } mentions(first: 3) { text isComplaint } }
}`;

const PARTNER_STOCK = `query PartnerStock($skus: [ID!]!) {
  stockLevels(skus: $skus) { sku available center { code } incoming { quantity expectedAt } }
}`;

function body(query: string, variables: Record<string, unknown>): string {
  return JSON.stringify({ query, variables });
}

export function customer360Workload(dataset: DemoDataset, customersPerRequest = 10, variants = 40): Workload {
  const bodies: string[] = [];
  for (let v = 0; v < variants; v += 1) {
    const ids = Array.from({ length: customersPerRequest }, (_, i) => dataset.customers[(v * customersPerRequest + i) % dataset.customers.length]!.id);
    bodies.push(body(CUSTOMER_360, { ids }));
  }
  return { name: `customer-360 (${customersPerRequest} customers)`, bodies };
}

export function mixedChannelWorkload(dataset: DemoDataset, variants = 40): Workload {
  const bodies: string[] = [];
  for (let v = 0; v < variants; v += 1) {
    const product = dataset.products[(v * 7) % dataset.products.length]!;
    const order = dataset.orders[(v * 13) % dataset.orders.length]!;
    const customer = dataset.customers[(v * 11) % dataset.customers.length]!;
    const skus = [0, 1, 2, 3, 4].map((i) => dataset.products[(v * 5 + i) % dataset.products.length]!.sku);
    // Roughly the share of each channel: web and mobile browse, agents look up, partners check stock.
    bodies.push(body(PRODUCT_PAGE, { sku: product.sku }));
    bodies.push(body(PRODUCT_PAGE, { sku: dataset.products[(v * 7 + 3) % dataset.products.length]!.sku }));
    bodies.push(body(ORDER_STATUS, { id: order.id }));
    bodies.push(body(AGENT_LOOKUP, { email: customer.email }));
    bodies.push(body(PARTNER_STOCK, { skus }));
  }
  return { name: 'mixed channels', bodies };
}
