import { parse } from 'graphql';
import { silentLogger } from '../../lib/logger';
import { createTouchpointExecutor, type TouchpointExecutor } from '../../gateway/engine/create-touchpoint-executor';
import { composeForTest } from './support/compose';
import { startSubgraph, type RunningSubgraph } from './support/subgraph-fixture';
import { accountsWithCurrency, ordersWithContext } from './corpus/context';

describe('@fromContext arguments (contextRewrites)', () => {
  let subgraphs: RunningSubgraph[];
  let executor: TouchpointExecutor;

  beforeAll(async () => {
    subgraphs = await Promise.all([startSubgraph(accountsWithCurrency), startSubgraph(ordersWithContext)]);
    const supergraphSdl = composeForTest([
      { name: 'accounts', url: subgraphs[0].url, typeDefs: accountsWithCurrency.typeDefs },
      { name: 'orders', url: subgraphs[1].url, typeDefs: ordersWithContext.typeDefs },
    ]);
    executor = createTouchpointExecutor({ supergraphSdl, log: silentLogger });
  });
  afterAll(async () => {
    await executor?.close();
    await Promise.all((subgraphs ?? []).map((s) => s.stop()));
  });

  test('each entity gets the context value of its own ancestor, in one request per fetch', async () => {
    const before = subgraphs[1].received.length;
    const result = await executor.execute({
      document: parse(`{ users { name orders { id total } } }`),
      variables: {},
      forwardHeaders: {},
      requestId: 'context',
      log: silentLogger,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      users: [
        { name: 'Ada', orders: [{ id: 'o1', total: '10 EUR' }, { id: 'o9', total: '99 EUR' }] },
        // The same order under another user is priced in that user's currency.
        { name: 'Alan', orders: [{ id: 'o2', total: '20 USD' }, { id: 'o9', total: '99 USD' }] },
        { name: 'Grace', orders: [{ id: 'o3', total: '30 EUR' }] },
      ],
    });
    const totalsFetches = subgraphs[1].received.slice(before).filter((r) => r.query.includes('total'));
    expect(totalsFetches).toHaveLength(1);
    // Two distinct currencies: two groups of representations, each with its own argument value.
    const names = Object.keys(totalsFetches[0].variables).sort();
    expect(names).toEqual([expect.stringMatching(/^contextualArgument_\d+_\d+_0$/), expect.stringMatching(/^contextualArgument_\d+_\d+_1$/), 'representations_0', 'representations_1']);
    const values = names.filter((n) => n.startsWith('contextual')).map((n) => totalsFetches[0].variables[n]);
    expect(values.sort()).toEqual(['EUR', 'USD']);
  });
});
