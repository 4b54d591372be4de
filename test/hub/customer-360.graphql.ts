/** The Customer-360 view an agent desk asks for: every system's part of each customer. */
export const CUSTOMER_360 = /* GraphQL */ `
  query Customer360($ids: [ID!]!) {
    customers(ids: $ids) {
      id
      name
      email
      segment
      identities { namespace value }
      interactions(first: 3) { kind channel occurredAt subject }
      creditAccount { accountNumber available { amount currency } }
      orders(first: 3) {
        id
        number
        status
        placedAt
        total { amount }
        lines {
          quantity
          product {
            sku
            name
            price { amount }
            availability { available inStock nextRestockAt byCenter { available center { code name location { latitude longitude } } } }
          }
        }
        shipments { trackingNumber status carrier { name } events { status at } }
        deliveryEstimate { expectedAt delivered }
      }
      socialProfiles { network handle followers }
      mentions(first: 3) { text sentiment isComplaint }
    }
  }
`;
