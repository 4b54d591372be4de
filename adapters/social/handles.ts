import type { SocialNetwork } from './social-port';

export const SOCIAL_NETWORKS: readonly SocialNetwork[] = ['X', 'INSTAGRAM', 'FACEBOOK'];

export function isSocialNetwork(value: unknown): value is SocialNetwork {
  return typeof value === 'string' && (SOCIAL_NETWORKS as readonly string[]).includes(value);
}

/** Handles compare case-insensitively and without the leading @ (the hub store normalizes them alike). */
export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase();
}
