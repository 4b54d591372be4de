// The demo world every stand-in and seed draws from. Generated from a seed, never stored, so that
// separate processes (the ERP seed, the CRM stand-in, the carrier stand-in) agree on the same data.
import { SeededRandom } from './random';

export interface DemoCenter { code: string; name: string; city: string; country: string; latitude: number; longitude: number }
export interface DemoProduct { sku: string; name: string; description: string; category: string; priceCents: number }
export interface DemoCustomer {
  id: string;
  accountNumber: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  segment: string | null;
  customerSince: Date;
  creditLimitCents: number;
  social: { network: 'X' | 'INSTAGRAM' | 'FACEBOOK'; handle: string; followers: number }[];
}
export interface DemoOrderLine { lineNumber: number; sku: string; quantity: number; unitPriceCents: number }
export interface DemoOrder {
  id: string;
  number: string;
  accountNumber: string;
  customerId: string;
  channel: 'WEB' | 'MOBILE' | 'CALL_CENTER' | 'PARTNER';
  /** The trading partner a PARTNER order came through (one of DEMO_PARTNERS); null for other channels. */
  partnerId: string | null;
  status: 'OPEN' | 'CONFIRMED' | 'BACKORDERED' | 'PARTIALLY_SHIPPED' | 'SHIPPED' | 'CANCELLED';
  placedAt: Date;
  lines: DemoOrderLine[];
}
export interface DemoStock { sku: string; centerCode: string; onHand: number; reserved: number }
export interface DemoIncoming { sku: string; centerCode: string; quantity: number; expectedAt: Date }
export interface DemoTrackingEvent { at: Date; status: string; location: string; description: string }
export interface DemoShipment {
  id: string;
  orderId: string;
  carrierCode: string;
  trackingNumber: string;
  status: string;
  fromCenterCode: string;
  shippedAt: Date;
  estimatedDeliveryAt: Date;
  deliveredAt: Date | null;
  events: DemoTrackingEvent[];
}
export interface DemoInteraction {
  id: string;
  customerId: string;
  kind: 'CALL' | 'CHAT' | 'EMAIL' | 'SUPPORT_CASE';
  channel: 'PHONE' | 'CHAT' | 'EMAIL' | 'WEB' | 'SOCIAL';
  occurredAt: Date;
  subject: string;
  status: string | null;
  agent: string;
}
export interface DemoMention {
  externalId: string;
  network: 'X' | 'INSTAGRAM' | 'FACEBOOK';
  authorHandle: string;
  authorFollowers: number;
  text: string;
  postedAt: Date;
}

export interface DemoDataset {
  centers: DemoCenter[];
  products: DemoProduct[];
  customers: DemoCustomer[];
  orders: DemoOrder[];
  stock: DemoStock[];
  incoming: DemoIncoming[];
  shipments: DemoShipment[];
  interactions: DemoInteraction[];
  mentions: DemoMention[];
}

export interface DemoSize { customers: number; products: number; orders: number }

export const DEFAULT_DEMO_SIZE: DemoSize = { customers: 400, products: 300, orders: 4000 };
export const DEMO_SEED = 20261123;
/** The demo's trading partners: PARTNER orders are spread over them by order number. */
export const DEMO_PARTNERS = ['ACME', 'GLOBEX'] as const;
/** Demo time is fixed, so that the data does not shift with the day it is generated. */
export const DEMO_EPOCH = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

const CENTERS: DemoCenter[] = [
  { code: 'DC-NWK', name: 'Newark Distribution Center', city: 'Newark', country: 'US', latitude: 40.7357, longitude: -74.1724 },
  { code: 'DC-ATL', name: 'Atlanta Distribution Center', city: 'Atlanta', country: 'US', latitude: 33.749, longitude: -84.388 },
  { code: 'DC-CHI', name: 'Chicago Distribution Center', city: 'Chicago', country: 'US', latitude: 41.8781, longitude: -87.6298 },
  { code: 'DC-DFW', name: 'Dallas Distribution Center', city: 'Dallas', country: 'US', latitude: 32.7767, longitude: -96.797 },
  { code: 'DC-RNO', name: 'Reno Distribution Center', city: 'Reno', country: 'US', latitude: 39.5296, longitude: -119.8138 },
];
const CATEGORIES = ['Audio', 'Cameras', 'Computers', 'Garden', 'Kitchen', 'Lighting', 'Outdoor', 'Phones', 'Tools', 'Toys'];
const ADJECTIVES = ['Compact', 'Deluxe', 'Eco', 'Pro', 'Smart', 'Classic', 'Ultra', 'Rugged', 'Mini', 'Max'];
const NOUNS: Record<string, string[]> = {
  Audio: ['Headphones', 'Speaker', 'Soundbar', 'Earbuds'],
  Cameras: ['Action Camera', 'Lens', 'Tripod', 'Camera Bag'],
  Computers: ['Laptop', 'Monitor', 'Keyboard', 'Docking Station'],
  Garden: ['Hose', 'Pruner', 'Planter', 'Sprinkler'],
  Kitchen: ['Blender', 'Kettle', 'Toaster', 'Knife Set'],
  Lighting: ['Desk Lamp', 'LED Strip', 'Floor Lamp', 'Bulb Pack'],
  Outdoor: ['Tent', 'Backpack', 'Sleeping Bag', 'Lantern'],
  Phones: ['Phone Case', 'Charger', 'Power Bank', 'Screen Protector'],
  Tools: ['Drill', 'Screwdriver Set', 'Tape Measure', 'Work Light'],
  Toys: ['Puzzle', 'Building Set', 'Plush Bear', 'RC Car'],
};
const FIRST = ['Ada', 'Ben', 'Chloe', 'Diego', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kara', 'Liam', 'Maya', 'Noah', 'Olga', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tariq', 'Uma', 'Victor', 'Wen', 'Yara', 'Zoe'];
const LAST = ['Adams', 'Baker', 'Chen', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ivanova', 'Jensen', 'Kowalski', 'Lopez', 'Moreau', 'Nakamura', 'Okafor', 'Patel', 'Rossi', 'Silva', 'Tanaka', 'Weber'];
const SEGMENTS = ['GOLD', 'SILV', 'BRNZ', null];
const CARRIERS = ['UPX', 'FDL'];
const AGENTS = ['agent.kim', 'agent.ruiz', 'agent.osei', 'agent.lund', 'agent.moss'];
const SUBJECTS = ['Where is my order?', 'Change delivery address', 'Invoice copy', 'Product question', 'Return request', 'Damaged item', 'Warranty claim', 'Payment issue'];
const PRAISE = ['Love my new {p} from @touchpointshop, fast delivery!', 'The {p} works great, thanks @touchpointshop', 'Great service from @touchpointshop today'];
const COMPLAINTS = ['My {p} from @touchpointshop arrived broken. Terrible.', 'Still waiting for my order @touchpointshop, awful service, want a refund', '@touchpointshop the {p} stopped working after a week, very disappointed'];
const NEUTRAL = ['Does @touchpointshop ship the {p} to Canada?', 'Looking at the {p} on @touchpointshop', '@touchpointshop what are your opening hours?'];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function generateDemoDataset(size: DemoSize = DEFAULT_DEMO_SIZE, seed = DEMO_SEED): DemoDataset {
  const rnd = new SeededRandom(seed);
  const centers = CENTERS.map((c) => ({ ...c }));

  const products: DemoProduct[] = [];
  for (let i = 1; i <= size.products; i += 1) {
    const category = CATEGORIES[i % CATEGORIES.length]!;
    const noun = rnd.pick(NOUNS[category]!);
    const name = `${rnd.pick(ADJECTIVES)} ${noun}`;
    products.push({
      sku: `SKU-${pad(i, 5)}`,
      name,
      description: `${name} (${category.toLowerCase()}), model ${pad(i, 5)}`,
      category,
      priceCents: rnd.int(5, 400) * 100 + rnd.pick([0, 49, 99]),
    });
  }

  const customers: DemoCustomer[] = [];
  for (let i = 1; i <= size.customers; i += 1) {
    const firstName = rnd.pick(FIRST);
    const lastName = rnd.pick(LAST);
    const social: DemoCustomer['social'] = [];
    if (rnd.chance(0.45)) {
      const network = rnd.pick(['X', 'INSTAGRAM', 'FACEBOOK'] as const);
      // Follower counts follow a long tail: most people have a few hundred, a few are influencers.
      const followers = Math.floor(50 * Math.pow(1 / Math.max(rnd.next(), 0.0005), 1.3));
      social.push({ network, handle: `${firstName}${lastName}${i}`.toLowerCase(), followers });
    }
    customers.push({
      id: `C-${pad(i, 6)}`,
      accountNumber: `A${pad(100000 + i, 6)}`,
      firstName,
      lastName,
      email: `${firstName}.${lastName}.${i}@example.com`.toLowerCase(),
      phone: `+1555${pad(1000000 + i, 7)}`,
      segment: rnd.pick(SEGMENTS),
      customerSince: new Date(DEMO_EPOCH - rnd.int(30, 3000) * DAY),
      creditLimitCents: rnd.int(5, 50) * 100_000,
      social,
    });
  }

  const stock: DemoStock[] = [];
  const incoming: DemoIncoming[] = [];
  for (const p of products) {
    for (const c of centers) {
      if (!rnd.chance(0.7)) continue;
      const onHand = rnd.chance(0.1) ? 0 : rnd.int(0, 120);
      stock.push({ sku: p.sku, centerCode: c.code, onHand, reserved: Math.min(onHand, rnd.int(0, 10)) });
      if (onHand < 10 || rnd.chance(0.15)) {
        incoming.push({ sku: p.sku, centerCode: c.code, quantity: rnd.int(10, 200), expectedAt: new Date(DEMO_EPOCH + rnd.int(3, 60) * DAY) });
      }
    }
  }

  const orders: DemoOrder[] = [];
  const shipments: DemoShipment[] = [];
  for (let i = 1; i <= size.orders; i += 1) {
    const customer = customers[rnd.int(0, customers.length - 1)]!;
    const placedAt = new Date(DEMO_EPOCH - rnd.int(1, 700) * DAY + rnd.int(0, 86_399) * 1000);
    const lineCount = rnd.int(1, 4);
    const lines: DemoOrderLine[] = [];
    for (let l = 1; l <= lineCount; l += 1) {
      const product = products[rnd.int(0, products.length - 1)]!;
      lines.push({ lineNumber: l, sku: product.sku, quantity: rnd.int(1, 3), unitPriceCents: product.priceCents });
    }
    const ageDays = (DEMO_EPOCH - placedAt.getTime()) / DAY;
    const status: DemoOrder['status'] =
      rnd.chance(0.04) ? 'CANCELLED' : ageDays > 14 ? 'SHIPPED' : ageDays > 7 ? rnd.pick(['SHIPPED', 'PARTIALLY_SHIPPED'] as const) : rnd.pick(['OPEN', 'CONFIRMED', 'BACKORDERED'] as const);
    const order: DemoOrder = {
      id: `SO-${pad(100000 + i, 7)}`,
      number: pad(100000 + i, 7),
      accountNumber: customer.accountNumber,
      customerId: customer.id,
      channel: rnd.pick(['WEB', 'WEB', 'MOBILE', 'CALL_CENTER', 'PARTNER'] as const),
      partnerId: null,
      status,
      placedAt,
      lines,
    };
    // Drawn from the order number, not the generator, so that every other demo value stays as it was.
    if (order.channel === 'PARTNER') order.partnerId = DEMO_PARTNERS[i % DEMO_PARTNERS.length]!;
    orders.push(order);
    if (status === 'SHIPPED' || status === 'PARTIALLY_SHIPPED') {
      const parcels = status === 'PARTIALLY_SHIPPED' ? 1 : rnd.int(1, 2);
      for (let s = 1; s <= parcels; s += 1) {
        const shippedAt = new Date(placedAt.getTime() + rnd.int(1, 3) * DAY);
        const estimatedDeliveryAt = new Date(shippedAt.getTime() + rnd.int(2, 5) * DAY);
        const delivered = estimatedDeliveryAt.getTime() < DEMO_EPOCH && rnd.chance(0.95);
        const center = rnd.pick(centers);
        const events: DemoTrackingEvent[] = [
          { at: shippedAt, status: 'LABEL_CREATED', location: center.city, description: 'Shipping label created' },
          { at: new Date(shippedAt.getTime() + 6 * 3_600_000), status: 'IN_TRANSIT', location: center.city, description: 'Picked up by carrier' },
        ];
        if (delivered) {
          events.push({ at: new Date(estimatedDeliveryAt.getTime() - 8 * 3_600_000), status: 'OUT_FOR_DELIVERY', location: 'Local depot', description: 'Out for delivery' });
          events.push({ at: estimatedDeliveryAt, status: 'DELIVERED', location: 'Customer address', description: 'Delivered' });
        }
        shipments.push({
          id: `SH-${pad(100000 + i, 7)}-${s}`,
          orderId: order.id,
          carrierCode: rnd.pick(CARRIERS),
          trackingNumber: `1Z${pad(rnd.int(0, 99_999_999), 8)}${pad(i, 6)}${s}`,
          status: delivered ? 'DELIVERED' : 'IN_TRANSIT',
          fromCenterCode: center.code,
          shippedAt,
          estimatedDeliveryAt,
          deliveredAt: delivered ? estimatedDeliveryAt : null,
          events,
        });
      }
    }
  }

  const interactions: DemoInteraction[] = [];
  const interactionCount = Math.round(size.customers * 7.5);
  for (let i = 1; i <= interactionCount; i += 1) {
    const customer = customers[rnd.int(0, customers.length - 1)]!;
    const kind = rnd.pick(['CALL', 'CHAT', 'EMAIL', 'SUPPORT_CASE'] as const);
    const channel = kind === 'CALL' ? 'PHONE' : kind === 'CHAT' ? 'CHAT' : kind === 'EMAIL' ? 'EMAIL' : rnd.pick(['PHONE', 'EMAIL', 'WEB', 'SOCIAL'] as const);
    interactions.push({
      id: `I-${pad(i, 7)}`,
      customerId: customer.id,
      kind,
      channel,
      occurredAt: new Date(DEMO_EPOCH - rnd.int(0, 700) * DAY + rnd.int(0, 86_399) * 1000),
      subject: rnd.pick(SUBJECTS),
      status: kind === 'SUPPORT_CASE' ? rnd.pick(['OPEN', 'PENDING', 'CLOSED', 'CLOSED']) : null,
      agent: rnd.pick(AGENTS),
    });
  }

  const mentions: DemoMention[] = [];
  const authors = customers.flatMap((c) => c.social);
  const mentionCount = Math.round(size.customers * 3.75);
  for (let i = 1; i <= mentionCount; i += 1) {
    // A few mentions come from people the CRM does not know.
    const known = rnd.chance(0.85) && authors.length > 0;
    const author = known ? rnd.pick(authors) : { network: rnd.pick(['X', 'INSTAGRAM', 'FACEBOOK'] as const), handle: `visitor${rnd.int(1, 500)}`, followers: rnd.int(0, 900) };
    const template = rnd.chance(0.3) ? rnd.pick(COMPLAINTS) : rnd.chance(0.6) ? rnd.pick(PRAISE) : rnd.pick(NEUTRAL);
    mentions.push({
      externalId: `${author.network.toLowerCase()}-${pad(i, 8)}`,
      network: author.network,
      authorHandle: author.handle,
      authorFollowers: author.followers,
      text: template.replace('{p}', rnd.pick(products).name),
      postedAt: new Date(DEMO_EPOCH - rnd.int(0, 365) * DAY + rnd.int(0, 86_399) * 1000),
    });
  }

  return { centers, products, customers, orders, stock, incoming, shipments, interactions, mentions };
}
