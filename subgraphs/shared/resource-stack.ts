import type { Logger } from '../../lib/logger';

/**
 * What a service opened, closed in reverse order of opening (the server first, the stores last),
 * also when a later start-up step fails. A failing close is logged and the others still close.
 */
export class ResourceStack {
  private readonly resources: { close(): Promise<void> }[] = [];

  constructor(private readonly log: Logger) {}

  push(resource: { close(): Promise<void> }): void {
    this.resources.push(resource);
  }

  async closeAll(): Promise<void> {
    for (const resource of this.resources.splice(0).reverse()) {
      await resource.close().catch((err: unknown) => this.log.warn({ err }, 'closing failed'));
    }
  }
}
