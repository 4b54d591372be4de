import type { SocialPort } from '../../adapters/social/social-port';
import type { RequestBase } from '../shared/create-subgraph-server';
import type { LiveContext } from '../shared/live-context';
import type { SocialLoaders } from './loaders';

/** What every social resolver receives: per-request loaders, the social store and the event bus. */
export interface SocialContext extends RequestBase, LiveContext {
  loaders: SocialLoaders;
  social: SocialPort;
}
