/** The heavy nested query of the federation gateway benchmark workload. */
export const HEAVY_QUERY = `
fragment User on User { id username name }
fragment Review on Review { id body }
fragment Product on Product { inStock name price shippingEstimate upc weight }
query TestQuery {
  users {
    ...User
    reviews { ...Review product { ...Product reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } } } }
  }
  topProducts {
    ...Product
    reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } }
  }
}`;

export const HEAVY_REQUEST_BODY = JSON.stringify({ query: HEAVY_QUERY, operationName: 'TestQuery' });
