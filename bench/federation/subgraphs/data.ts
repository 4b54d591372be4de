// Deterministic data of the benchmark's four subgraphs. The sizes are chosen so that the heavy
// query's answer is about 90 KB, as in the public runs of this workload.

export interface User {
  id: string;
  name: string;
  username: string;
  birthYear: number;
}

export interface Product {
  upc: string;
  name: string;
  price: number;
  weight: number;
}

export interface Review {
  id: string;
  body: string;
  authorId: string;
  upc: string;
}

const USERS = 10;
const PRODUCTS = 10;
const REVIEWS = 30;

export const users: User[] = Array.from({ length: USERS }, (_, i) => ({
  id: String(i + 1),
  name: `User Number ${i + 1}`,
  username: `@user${i + 1}`,
  birthYear: 1950 + ((i * 7) % 50),
}));

export const products: Product[] = Array.from({ length: PRODUCTS }, (_, i) => ({
  upc: String(i + 1),
  name: `Product ${i + 1}`,
  price: 100 + ((i * 373) % 1900),
  weight: 10 + ((i * 37) % 200),
}));

export const reviews: Review[] = Array.from({ length: REVIEWS }, (_, i) => ({
  id: String(i + 1),
  body: `Review ${i + 1}: ${'a fair product, would buy again '.repeat(1 + (i % 3))}`.trim(),
  authorId: String((i % USERS) + 1),
  upc: String(((i * 3) % PRODUCTS) + 1),
}));

export const inStock = (upc: string): boolean => Number(upc) % 3 !== 0;
