import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../schema';
import { type ObservationWrite, observationRow } from './observations';

/*
 * Many observations of one cycle at once (a spreadsheet import): the same rows
 * upsertObservation writes, in a few statements per chunk instead of three per teacher, so
 * a 2,000-teacher file is one transaction of seconds, not minutes, and statement-level
 * triggers on observations fire once per chunk. Call inside the transaction that bumped the
 * cycle's version (touchCycle). The rows must name distinct teachers (one statement cannot
 * upsert a row twice); the import refuses duplicates before it gets here.
 */

type Db = Kysely<DB> | Transaction<DB>;

/** Rows per statement: 9 parameters each stays far below Postgres's 65,535. */
const CHUNK = 500;

export async function upsertObservations(
  db: Db,
  rows: readonly ObservationWrite[],
): Promise<{ id: string; teacherId: string }[]> {
  const written: { id: string; teacherId: string }[] = [];
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const ids = await db
      .insertInto('observations')
      .values(chunk.map(observationRow))
      .onConflict((oc) =>
        oc.columns(['cycle_id', 'teacher_id', 'instrument']).doUpdateSet((eb) => ({
          observer_id: eb.ref('excluded.observer_id'),
          observed_on: eb.ref('excluded.observed_on'),
          notes: eb.ref('excluded.notes'),
          percentage: eb.ref('excluded.percentage'),
          band: eb.ref('excluded.band'),
          updated_at: sql<Date>`now()`,
        })),
      )
      .returning(['id', 'teacher_id as teacherId'])
      .execute();
    written.push(...ids);
    const idOf = new Map(ids.map((r) => [r.teacherId, r.id]));
    await db
      .deleteFrom('indicator_scores')
      .where(
        'observation_id',
        'in',
        ids.map((r) => r.id),
      )
      .execute();
    const scores = chunk.flatMap((o) =>
      Object.entries(o.scores).map(([key, score]) => ({
        district_id: o.districtId,
        observation_id: idOf.get(o.teacherId)!,
        indicator_key: key,
        score: score === 'na' ? null : score,
        not_applicable: score === 'na',
      })),
    );
    for (let s = 0; s < scores.length; s += CHUNK * 4) {
      await db
        .insertInto('indicator_scores')
        .values(scores.slice(s, s + CHUNK * 4))
        .execute();
    }
  }
  return written;
}
