import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/** Migrations kept in code, keyed by a sortable name ("0001_create_items"). */
export type Migrations = Record<string, Migration>;

class InlineMigrationProvider implements MigrationProvider {
  constructor(private readonly migrations: Migrations) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.migrations;
  }
}

/**
 * Brings a store's schema up to date. Each store keeps its own history table, so that several
 * stores may share one MySQL database or SQLite file without mixing their migrations.
 */
export async function migrateToLatest(db: Kysely<any>, store: string, migrations: Migrations): Promise<void> { // eslint-disable-line @typescript-eslint/no-explicit-any -- migrations run before typed tables exist
  const migrator = new Migrator({
    db,
    provider: new InlineMigrationProvider(migrations),
    migrationTableName: `tp_migration_${store}`,
    migrationLockTableName: `tp_migration_lock_${store}`,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration of the ${store} store failed${failed ? ` at ${failed.migrationName}` : ''}`, { cause: error });
  }
}
