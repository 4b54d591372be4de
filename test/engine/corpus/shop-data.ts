// Deterministic data of the "shop" scenario, shared by its four subgraphs.

export interface ProductRow {
  upc: string;
  name: string;
  price: number;
  weight: number;
  category: { id: string; name: string } | null;
  tags: Array<Array<string>> | null;
  inStock: boolean;
  dimensions: { width: number; height: number; depth: number } | null;
}

export interface UserRow {
  id: string;
  name: string;
  username: string;
  birthYear: number | null;
}

export interface ReviewRow {
  id: string;
  body: string;
  rating: number | null;
  authorId: string;
  upc: string;
}

export const products: ProductRow[] = [
  { upc: 'p1', name: 'Table', price: 899, weight: 100, category: { id: 'c1', name: 'Furniture' }, tags: [['wood', 'oak'], ['large']], inStock: true, dimensions: { width: 120, height: 75, depth: 80 } },
  { upc: 'p2', name: 'Couch', price: 1299, weight: 1000, category: { id: 'c1', name: 'Furniture' }, tags: [['fabric']], inStock: false, dimensions: { width: 200, height: 90, depth: 95 } },
  { upc: 'p3', name: 'Chair', price: 54, weight: 50, category: null, tags: null, inStock: true, dimensions: { width: 45, height: 90, depth: 50 } },
  { upc: 'p4', name: 'Lamp', price: 25, weight: 5, category: { id: 'c2', name: 'Lighting' }, tags: [[], ['led']], inStock: true, dimensions: null },
  { upc: 'p5', name: 'Rug', price: 120, weight: 20, category: { id: 'c3', name: 'Textiles' }, tags: [['wool']], inStock: false, dimensions: { width: 160, height: 1, depth: 230 } },
  { upc: 'p6', name: 'Shelf', price: 75, weight: 30, category: { id: 'c1', name: 'Furniture' }, tags: [['pine']], inStock: true, dimensions: { width: 80, height: 180, depth: 30 } },
];

export const users: UserRow[] = [
  { id: 'u1', name: 'Ada Lovelace', username: '@ada', birthYear: 1815 },
  { id: 'u2', name: 'Alan Turing', username: '@alan', birthYear: 1912 },
  { id: 'u3', name: 'Grace Hopper', username: '@grace', birthYear: null },
  { id: 'u4', name: 'Quiet User', username: '@quiet', birthYear: 1990 },
];

export const reviews: ReviewRow[] = [
  { id: 'r1', body: 'Love it!', rating: 5, authorId: 'u1', upc: 'p1' },
  { id: 'r2', body: 'Too expensive.', rating: 2, authorId: 'u2', upc: 'p2' },
  { id: 'r3', body: 'Could be better.', rating: 3, authorId: 'u1', upc: 'p3' },
  { id: 'r4', body: 'Prefer something else.', rating: null, authorId: 'u3', upc: 'p1' },
  { id: 'r5', body: 'Bright.', rating: 4, authorId: 'u2', upc: 'p4' },
  { id: 'r6', body: 'Cosy.', rating: 5, authorId: 'u3', upc: 'p5' },
  { id: 'r7', body: 'Sturdy.', rating: 4, authorId: 'u1', upc: 'p1' },
];

export function productByUpc(upc: string): ProductRow | undefined {
  return products.find((p) => p.upc === upc);
}

export function userById(id: string): UserRow | undefined {
  return users.find((u) => u.id === id);
}
