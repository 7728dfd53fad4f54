import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
import { migrations } from './migrations';

function migrator<T>(db: Kysely<T>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
}

export interface MigrationOutcome {
  /** Names of the migrations this call applied (or reverted), in order. */
  applied: string[];
}

function unwrap({ error, results }: MigrationResultSet, direction: string): MigrationOutcome {
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      failed
        ? `migration ${failed} failed (${direction}): ${reason}`
        : `migrating ${direction} failed: ${reason}`,
      { cause: error },
    );
  }
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
  };
}

/** Applies every pending migration; throws (with the failing migration's name) on failure. */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<MigrationOutcome> {
  return unwrap(await migrator(db).migrateToLatest(), 'up');
}

/** Reverts the most recent migration. */
export async function migrateDown<T>(db: Kysely<T>): Promise<MigrationOutcome> {
  return unwrap(await migrator(db).migrateDown(), 'down');
}
