import type { SocialPort } from '../../adapters/social/social-port';
import type { RequestBase } from '../shared/create-subgraph-server';
import type { SocialLoaders } from './loaders';

/** What every social resolver receives: per-request loaders and the social store. */
export interface SocialContext extends RequestBase {
  loaders: SocialLoaders;
  social: SocialPort;
}
