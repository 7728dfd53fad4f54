import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema';

type Executor = Kysely<DB> | Transaction<DB>;

/** The header a school last picked as an observation sheet's percentage column, or null. */
export async function getImportPercentHeader(
  db: Executor,
  schoolId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('schools')
    .select('import_percent_header')
    .where('id', '=', schoolId)
    .executeTakeFirst();
  return row?.import_percent_header ?? null;
}

/** Remembers the picked percentage header for the school's next file (in the import's transaction). */
export async function setImportPercentHeader(
  db: Executor,
  schoolId: string,
  header: string,
): Promise<void> {
  await db
    .updateTable('schools')
    .set({ import_percent_header: header.slice(0, 200) })
    .where('id', '=', schoolId)
    .execute();
}
