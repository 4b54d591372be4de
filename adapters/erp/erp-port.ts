// The ERP as the hub sees it: item master, orders and credit accounts, in domain language.
// Customers are known to the ERP by its own account numbers; the hub's identity links map them
// to Touchpoint customer ids.

export type SalesChannel = 'WEB' | 'MOBILE' | 'CALL_CENTER' | 'PARTNER';
export type OrderStatus = 'OPEN' | 'CONFIRMED' | 'BACKORDERED' | 'PARTIALLY_SHIPPED' | 'SHIPPED' | 'CANCELLED';

export interface Product {
  sku: string;
  name: string;
  description: string | null;
  category: string;
  priceCents: number;
  currency: string;
}

export interface Order {
  id: string;
  number: string;
  accountNumber: string;
  channel: SalesChannel;
  /** The trading partner a PARTNER order came through; null for other channels (absent from adapters that do not know it). */
  partnerId?: string | null;
  status: OrderStatus;
  placedAt: Date;
  totalCents: number;
  currency: string;
}

export interface OrderLine {
  orderId: string;
  lineNumber: number;
  sku: string;
  quantity: number;
  unitPriceCents: number;
  currency: string;
}

export interface CreditAccount {
  accountNumber: string;
  limitCents: number;
  usedCents: number;
  currency: string;
}

export interface Page<T> {
  nodes: T[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface ErpPort {
  /** Aligned with skus; null for an unknown sku. */
  findProductsBySkus(skus: readonly string[]): Promise<(Product | null)[]>;
  /** Products ordered by sku, after the cursor (an opaque string from a previous page). */
  listProducts(options: { category?: string | null; first: number; after?: string | null }): Promise<Page<Product>>;
  /** Aligned with ids; null for an unknown id. */
  findOrdersByIds(ids: readonly string[]): Promise<(Order | null)[]>;
  /**
   * Aligned with account numbers: each account's newest orders, at most `first` each; with
   * `partnerId`, only the orders that came through that partner (channel PARTNER).
   */
  findOrdersByAccountNumbers(accountNumbers: readonly string[], options: { first: number; partnerId?: string }): Promise<Order[][]>;
  /** Aligned with order ids: each order's lines by line number. */
  findLinesByOrderIds(orderIds: readonly string[]): Promise<OrderLine[][]>;
  /** Aligned with account numbers; null for an account without credit. */
  findCreditAccountsByAccountNumbers(accountNumbers: readonly string[]): Promise<(CreditAccount | null)[]>;
}
