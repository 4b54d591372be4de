import { parse } from 'graphql';
import { createYoga, maskError as yogaMaskError, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { silentLogger, type Logger } from '../lib/logger';
import { createGatewayClaimsSigner, GATEWAY_CLAIMS_HEADER } from '../subgraphs/shared/gateway-claims';
import { readAccessPolicy } from './auth/authorization/access-policy';
import type { Authenticator } from './auth/authenticator';
import { checkEndpointAccess, type EndpointAccess } from './auth/endpoint-access';
import { gatewayClaimsOf, type Principal } from './auth/principal';
import { executableSupergraph } from './auth/security-features';
import { buildContract } from './contracts/build-contract';
import type { ContractConfig } from './contracts/contract-config';
import type { GatewayContext } from './context';
import { corsFor, type CorsSetting } from './cors';
import { defaultExecutor } from './execution/executors';
import type { ExecutorFactory, OperationExecutor, SubgraphEndpoint, SubgraphUrlOverrides } from './execution/operation-executor';
import { createReadinessCheck } from './health/readiness';
import { DEFAULT_OPERATION_LIMITS, type OperationLimits } from './limits/operation-limits';
import type { RateLimiter } from './limits/rate-limiter';
import { createApqStore } from './persisted/apq-store';
import type { PersistedDocuments } from './persisted/persisted-documents';
import { useAuthentication } from './plugins/use-authentication';
import { useAuthorization } from './plugins/use-authorization';
import { useAutomaticPersistedQueries } from './plugins/use-automatic-persisted-queries';
import { contractPath, useContractEndpoints, type ContractEndpoint } from './plugins/use-contract-endpoints';
import { useDepthLimit } from './plugins/use-depth-limit';
import { useFederatedExecution } from './plugins/use-federated-execution';
import { useGraphiQL } from './plugins/use-graphiql';
import { useHealth } from './plugins/use-health';
import { useHiddenSuggestions } from './plugins/use-hidden-suggestions';
import { useIntrospectionControl } from './plugins/use-introspection-control';
import { useOperationLimits } from './plugins/use-operation-limits';
import { useRateLimit } from './plugins/use-rate-limit';
import { useRequestId } from './plugins/use-request-id';
import { useRequestErrorStatus } from './plugins/use-request-error-status';
import { useRequestLogging } from './plugins/use-request-logging';
import { useTokenLimit } from './plugins/use-token-limit';
import { useTrustedDocuments } from './plugins/use-trusted-documents';
import { useMetrics } from './plugins/use-metrics';
import { useProgressiveOverride } from './plugins/use-progressive-override';
import { overrideLabelsOf } from './override/override-labels';
import { movedFieldsOf, type MovedFields } from './override/moved-fields';
import { createShadowComparer, type ShadowComparer, type ShadowComparisonOptions } from './override/shadow-comparison';
import { createSwappableExecutor, type SwappableExecutor } from './supergraph/swappable-executor';
import { createSupergraphUpdater, type SupergraphUpdate } from './supergraph/supergraph-updater';
import { createOverrideRouter, type OverrideRouter, type ProgressiveOverrideOptions } from './override/override-router';
import { createGatewayMetrics, type GatewayMetrics } from './metrics/gateway-metrics';
import { createRequestIds } from './request-ids';
import { resolveSubgraphEndpoints } from './supergraph/subgraph-endpoints';
import { webSocketAuthorizer } from './subscriptions/authorize-connection';
import { createLiveSubscriptions, type GatewaySubscriptionOptions, type LiveSubscriptions } from './subscriptions/live-subscriptions';

/** Who may call the gateway: bearer tokens (JWT) verified at every endpoint. */
export interface GatewayAuthOptions {
  authenticator: Authenticator;
  /** The public endpoint refuses callers without a token (contract endpoints always do). Default false. */
  requireToken?: boolean;
}

/** One partner contract served at /partners/<name>/graphql. */
export interface ContractEndpointOptions {
  config: ContractConfig;
  /** When given, the endpoint runs only these operations (trusted documents). */
  persistedDocuments?: PersistedDocuments;
  /** Limits for this endpoint instead of the gateway's. */
  limits?: Partial<OperationLimits>;
}

export interface GatewayOptions {
  /** A Federation 2 supergraph SDL (any, not only Touchpoint's). */
  supergraphSdl: string;
  /** Subgraph URLs by subgraph name, replacing the supergraph's routing URLs. */
  subgraphUrls?: SubgraphUrlOverrides;
  log?: Logger;
  /** Serve GraphiQL at GET /graphql for browsers. */
  graphiql?: boolean;
  introspection?: boolean;
  /** Allowed browser origins (`*` for any) or false for none. */
  cors?: CorsSetting;
  /** Longest chain of nested fields an operation may select. */
  maxDepth?: number;
  /** Most tokens a document may have; parsing stops there. */
  maxTokens?: number;
  /** Client headers forwarded to every subgraph, besides x-request-id. */
  forwardHeaders?: ReadonlyArray<string>;
  /** How long one subgraph request may take. */
  subgraphTimeoutMs?: number;
  /** How long a readiness probe result is reused. */
  readinessCacheMs?: number;
  /** Which engine runs operations; swapping executors is this one option. */
  executor?: ExecutorFactory;
  graphqlEndpoint?: string;
  /**
   * Bearer-token authentication. Without it every caller is anonymous and trusted: the
   * supergraph's @authenticated and @requiresScopes are not enforced (a warning says so).
   */
  auth?: GatewayAuthOptions;
  /** Secret shared with the subgraphs: each request's claims reach them signed with it (needs `auth`). */
  claimsSecret?: string;
  /** Partner contracts, each built from the supergraph and served at /partners/<name>/graphql. */
  contracts?: ReadonlyArray<ContractEndpointOptions>;
  /** Aliases, root fields and cost per operation (defaults in limits/operation-limits.ts). */
  limits?: Partial<OperationLimits>;
  /** A request budget per client on every endpoint (each counted apart); the gateway closes the limiter. */
  rateLimit?: { limiter: RateLimiter; trustProxy?: boolean };
  /** Automatic persisted queries at the public endpoint (default true). */
  automaticPersistedQueries?: boolean;
  /** Subscriptions: transport per subgraph, limits per connection and client, keep-alives (subscriptions/live-subscriptions.ts). */
  subscriptions?: GatewaySubscriptionOptions;
  /** Prometheus metrics at GET /metrics (default true; a path string serves them elsewhere). */
  metrics?: boolean | string;
  /** How progressive `@override` labels are decided: seed, sticky variables, custom labels, a force header. */
  progressiveOverride?: ProgressiveOverrideOptions;
  /** Resolve moved fields from the other side too, in the background, and compare (off by default). */
  shadowComparison?: boolean | ShadowComparisonOptions;
}

export type GatewayServer = YogaServerInstance<Record<string, unknown>, GatewayContext>;

/** A contract endpoint the gateway serves. */
export interface ServedContract {
  name: string;
  path: string;
  executor: OperationExecutor;
  /** The contract's API schema, as its clients see it. */
  apiSchemaSdl: string;
}

export interface Gateway {
  yoga: GatewayServer;
  executor: OperationExecutor;
  subgraphs: ReadonlyArray<SubgraphEndpoint>;
  contracts: ReadonlyArray<ServedContract>;
  /** The subscriptions served (WebSocket settings, ending them on shutdown). */
  live: LiveSubscriptions;
  /** The gateway's metrics, when enabled. */
  metrics: GatewayMetrics | null;
  /** Decides the progressive `@override` labels of each request (for the supergraph served now). */
  overrideRouter(): OverrideRouter;
  /** Shadow comparison of moved fields, when enabled. */
  shadow: ShadowComparer | null;
  /**
   * Serves another supergraph without a restart (public endpoint): it must load and build its API
   * schema, else it is refused and the current one keeps serving. Running operations and open
   * subscriptions finish on the previous executor, closed after them. Partner contracts, the
   * readiness probe's subgraph list and the access rules stay those of the first supergraph (a
   * supergraph with other @authenticated/@requiresScopes is refused).
   */
  updateSupergraph(supergraphSdl: string): Promise<SupergraphUpdate>;
  /** The supergraph the public endpoint serves now. */
  supergraphSdl(): string;
  close(): Promise<void>;
}

function maskedErrors(log: Logger) {
  return {
    isDev: false,
    maskError(error: unknown, message: string) {
      const masked = yogaMaskError(error, message, false);
      if (masked !== error) log.error({ err: error }, 'unexpected error in the gateway');
      return masked;
    },
  };
}

/**
 * Builds the gateway for a supergraph: yoga with small plugins around an executor. Opens no
 * socket (serve `yoga` with node:http, or call `yoga.fetch` in-process); `close` releases the
 * executors. Each partner contract gets a yoga of its own under /partners/, reached through the
 * public one, with an executor over the contract's supergraph (so introspection, validation and
 * the answers' shape all follow the contract).
 */
export async function createGateway({
  supergraphSdl,
  subgraphUrls = {},
  log = silentLogger,
  graphiql = true,
  introspection = true,
  cors = false,
  maxDepth = 15,
  maxTokens = 5000,
  forwardHeaders = ['authorization'],
  subgraphTimeoutMs = 30_000,
  readinessCacheMs = 3000,
  executor: executorFactory = defaultExecutor,
  graphqlEndpoint = '/graphql',
  auth,
  claimsSecret,
  contracts = [],
  limits = {},
  rateLimit,
  automaticPersistedQueries = true,
  subscriptions = {},
  metrics: metricsOption = true,
  progressiveOverride = {},
  shadowComparison = false,
}: GatewayOptions): Promise<Gateway> {
  const live = createLiveSubscriptions(subscriptions, log);
  if (claimsSecret && !auth) throw new Error('signed claims for the subgraphs need authentication: configure a JWT secret or a JWKS URL');
  const policy = readAccessPolicy(parse(supergraphSdl));
  if (!auth && !policy.isEmpty) log.warn('no authentication configured: @authenticated and @requiresScopes are NOT enforced, every caller is trusted');
  const subgraphs = resolveSubgraphEndpoints(supergraphSdl, subgraphUrls);
  const executors: OperationExecutor[] = [];
  let closed = false;
  const closeAll = async () => {
    closed = true;
    await Promise.all(executors.splice(0).map((e) => e.close()));
    await rateLimit?.limiter.close();
  };
  // Read at scrape time: the public executor is set below.
  const metrics = metricsOption ? createGatewayMetrics(() => executor) : null;
  const onSubgraphFetch = metrics ? metrics.recordSubgraphFetch : undefined;
  const executorFor = async (sdl: string, executorLog: Logger) => {
    const made = await executorFactory({ supergraphSdl: executableSupergraph(sdl), subgraphs, log: executorLog, subgraphTimeoutMs, subscriptions: live.executorConfig, onSubgraphFetch });
    executors.push(made);
    return made;
  };

  let executor: SwappableExecutor;
  let built: Array<{ contract: ContractEndpointOptions; built: ReturnType<typeof buildContract> }>;
  const served: ServedContract[] = [];
  try {
    built = contracts.map((contract) => ({ contract, built: buildContract(supergraphSdl, contract.config) }));
    const first = await executorFor(supergraphSdl, log);
    // The public endpoint's executor can be replaced by a supergraph update; the gateway closes this one.
    executor = createSwappableExecutor(first);
    executors[executors.indexOf(first)] = executor;
    for (const { contract, built: b } of built) {
      served.push({ name: contract.config.name, path: contractPath(contract.config.name), executor: await executorFor(b.supergraphSdl, log.child({ contract: contract.config.name })), apiSchemaSdl: b.apiSchemaSdl });
    }
  } catch (error) {
    await closeAll();
    throw error;
  }

  let overrideRouter: OverrideRouter = createOverrideRouter(overrideLabelsOf(supergraphSdl), progressiveOverride);
  let movedFields: MovedFields = movedFieldsOf(supergraphSdl);
  const shadow = shadowComparison
    ? createShadowComparer({ executor: () => executor, moved: () => movedFields, comparisons: metrics?.shadowComparisons, log, options: shadowComparison === true ? {} : shadowComparison })
    : null;
  const policyKey = (sdl: string) => JSON.stringify([...readAccessPolicy(parse(sdl)).requirements.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  const servedPolicy = policyKey(supergraphSdl);
  const updater = createSupergraphUpdater({
    initialSdl: supergraphSdl,
    check: (sdl) => {
      if (closed) return 'the gateway is closed';
      return policyKey(sdl) === servedPolicy ? null : 'its @authenticated/@requiresScopes rules differ from the served ones: restart the gateway to change access rules';
    },
    build: (sdl) =>
      executorFactory({ supergraphSdl: executableSupergraph(sdl), subgraphs: resolveSubgraphEndpoints(sdl, subgraphUrls), log, subgraphTimeoutMs, subscriptions: live.executorConfig, onSubgraphFetch }),
    apply: (sdl, next) => {
      overrideRouter = createOverrideRouter(overrideLabelsOf(sdl), progressiveOverride);
      movedFields = movedFieldsOf(sdl);
      executor.swap(next);
    },
    log,
  });
  const requestIds = createRequestIds();
  const principals = new WeakMap<Request, Principal>();
  const claimsSigner = claimsSecret ? createGatewayClaimsSigner(claimsSecret) : undefined;
  const publicLimits: OperationLimits = { ...DEFAULT_OPERATION_LIMITS, ...limits };
  const normalizedForwardHeaders = forwardHeaders.map((h) => h.toLowerCase());
  const probeHeaders = (): Record<string, string> =>
    claimsSigner ? { [GATEWAY_CLAIMS_HEADER]: claimsSigner.sign(gatewayClaimsOf({ anonymous: true }, null), { ttlSeconds: 60 }) } : {};
  if (auth) {
    const access: EndpointAccess = { requireToken: auth.requireToken ?? false, contract: null };
    live.authorizeWebSocket = webSocketAuthorizer({
      authenticate: (request) => auth.authenticator.authenticate(request),
      check: (principal) => checkEndpointAccess(principal, access),
      remember: (request, principal) => principals.set(request, principal),
      log,
    });
  }

  /** The plugins every endpoint runs, in order: identify, refuse early, bound, validate, run, authorize. */
  const endpointPlugins = (endpoint: {
    path: string;
    executor: OperationExecutor;
    access: EndpointAccess;
    limits: OperationLimits;
    scope: string;
    persistedDocuments?: PersistedDocuments;
    apq: boolean;
    shadow?: ShadowComparer | null;
  }): Plugin[] => [
    useRequestErrorStatus(),
    ...(auth ? [useAuthentication({ authenticator: auth.authenticator, access: endpoint.access, graphqlEndpoint: endpoint.path, principals, claimsSigner, log })] : []),
    ...(rateLimit ? [useRateLimit({ limiter: rateLimit.limiter, graphqlEndpoint: endpoint.path, principals, trustProxy: rateLimit.trustProxy, scope: endpoint.scope })] : []),
    ...(endpoint.persistedDocuments ? [useTrustedDocuments({ graphqlEndpoint: endpoint.path, documents: endpoint.persistedDocuments })] : []),
    ...(endpoint.apq ? [useAutomaticPersistedQueries({ graphqlEndpoint: endpoint.path, store: createApqStore() })] : []),
    useTokenLimit({ maxTokens }),
    useDepthLimit({ maxDepth }),
    useOperationLimits(endpoint.limits),
    useIntrospectionControl({ enabled: introspection }),
    useHiddenSuggestions(),
    useProgressiveOverride({ router: () => overrideRouter, decisions: metrics?.overrideRouting }),
    useFederatedExecution({ executor: endpoint.executor, forwardHeaders: normalizedForwardHeaders, onResult: endpoint.shadow ? endpoint.shadow.observe : undefined }),
    live.plugin(),
    // After the executor is set: it wraps the execute function.
    ...(auth ? [useAuthorization({ policy })] : []),
  ];

  const contractEndpoints: ContractEndpoint[] = served.map((contract, i) => {
    const options = built[i].contract;
    const yoga = createYoga<Record<string, unknown>, GatewayContext>({
      graphqlEndpoint: contract.path,
      graphiql: false,
      landingPage: false,
      logging: false,
      cors: corsFor(cors),
      maskedErrors: maskedErrors(log),
      plugins: [
        useRequestId({ requestIds, log }),
        useRequestLogging({ requestIds, log: log.child({ contract: contract.name }) }),
        ...(metrics ? [useMetrics({ metrics, path: null })] : []),
        ...(graphiql ? [useGraphiQL({ endpoint: contract.path, title: `Touchpoint: the ${contract.name} contract` })] : []),
        ...endpointPlugins({
          path: contract.path,
          executor: contract.executor,
          access: { requireToken: true, contract: contract.name },
          limits: { ...publicLimits, ...options.limits },
          scope: `contract:${contract.name}`,
          persistedDocuments: options.persistedDocuments,
          apq: false,
        }),
      ],
    });
    return { name: contract.name, path: contract.path, handleRequest: (request, serverContext) => yoga.handleRequest(request, serverContext) };
  });

  const yoga = createYoga<Record<string, unknown>, GatewayContext>({
    graphqlEndpoint,
    // Yoga's own GraphiQL loads from a CDN and its landing page is not wanted: ours serve offline.
    graphiql: false,
    landingPage: false,
    logging: false,
    cors: corsFor(cors),
    maskedErrors: maskedErrors(log),
    plugins: [
      useRequestId({ requestIds, log }),
      useRequestLogging({ requestIds, log }),
      ...(metrics ? [useMetrics({ metrics, path: typeof metricsOption === 'string' ? metricsOption : '/metrics' })] : []),
      useContractEndpoints(contractEndpoints),
      useHealth({ readiness: createReadinessCheck({ subgraphs, cacheMs: readinessCacheMs, headers: probeHeaders }) }),
      ...(graphiql ? [useGraphiQL({ endpoint: graphqlEndpoint })] : []),
      ...endpointPlugins({
        path: graphqlEndpoint,
        executor,
        access: { requireToken: auth?.requireToken ?? false, contract: null },
        limits: publicLimits,
        scope: 'public',
        apq: automaticPersistedQueries,
        shadow,
      }),
    ],
  });

  return { yoga, executor, subgraphs, contracts: served, live, metrics, overrideRouter: () => overrideRouter, shadow, updateSupergraph: (sdl) => updater.update(sdl), supergraphSdl: () => updater.current(), close: closeAll };
}
