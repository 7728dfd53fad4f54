import { scoreVector, type TScoreVector } from '@siklus/domain';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDb,
  makeCycle,
  makeDistrict,
  makeSchool,
  makeStudy,
  makeTeacher,
  type TestDb,
} from '../testing';
import { deleteObservation, type ObservationWrite, upsertObservation } from './observations';
import { upsertObservations } from './observations-bulk';

/*
 * observation_score_vectors is kept by triggers on indicator_scores (migration
 * 2026-12-02T0010-score-vectors) and read by the identical-vector and flat-sheet queries.
 * Whatever writes the scores (one sheet, a bulk import, a rewrite, a delete, a direct
 * update), every row must equal the domain's scoreVector of the sheet's scores, and a
 * sheet without scores must have no row.
 */

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 60_000);
afterAll(async () => {
  await t?.destroy();
});

/** Keys that sort differently under a linguistic collation than in code-unit order. */
const KEYS = ['K1', 'K10', 'K2', 'a1', 'B1', 'b_2', 'B.3', 'k-4', 'Z9', 'A10'];
const sheet = fc.dictionary(
  fc.constantFrom(...KEYS),
  fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant('na' as const)),
  { maxKeys: KEYS.length },
);

async function kept(districtId: string) {
  const rows = await t.db
    .selectFrom('observation_score_vectors')
    .select([
      'observation_id as id',
      'vector',
      'indicators',
      'scored',
      'distinct_scores as distinctScores',
      'flat_score as flatScore',
    ])
    .where('district_id', '=', districtId)
    .orderBy('observation_id')
    .execute();
  return new Map(rows.map(({ id, ...v }) => [id, v satisfies TScoreVector]));
}

async function expected(districtId: string) {
  const rows = await t.db
    .selectFrom('observations as o')
    .leftJoin('indicator_scores as i', 'i.observation_id', 'o.id')
    .select(['o.id', 'i.indicator_key', 'i.score'])
    .where('o.district_id', '=', districtId)
    .execute();
  const scores = new Map<string, Record<string, number | 'na'>>();
  for (const r of rows) {
    const s = scores.get(r.id) ?? {};
    if (r.indicator_key !== null) s[r.indicator_key] = r.score ?? 'na';
    scores.set(r.id, s);
  }
  const out = new Map<string, TScoreVector>();
  for (const [id, s] of scores) {
    const v = scoreVector(s);
    if (v) out.set(id, v);
  }
  return out;
}

describe('observation_score_vectors equals the domain’s scoreVector', () => {
  it('after any sequence of sheet writes, bulk writes, deletes and direct updates', async () => {
    const district = await makeDistrict(t.db);
    const school = await makeSchool(t.db, { district_id: district.id });
    const study = await makeStudy(t.db, { district_id: district.id, school_id: school.id });
    const cycle = await makeCycle(t.db, { study_id: study.id, ordinal: 0 });
    const teachers = await Promise.all(
      Array.from({ length: 4 }, () =>
        makeTeacher(t.db, { district_id: district.id, school_id: school.id }),
      ),
    );
    const write = (teacher: number, scores: Record<string, number | 'na'>): ObservationWrite => ({
      districtId: district.id,
      cycleId: cycle.id,
      teacherId: teachers[teacher]!.id,
      observerId: null,
      observedOn: null,
      notes: null,
      percentage: '50.00',
      band: 'Cukup',
      scores,
    });
    const step = fc.oneof(
      fc.record({ kind: fc.constant('one' as const), teacher: fc.nat(3), scores: sheet }),
      fc.record({
        kind: fc.constant('bulk' as const),
        sheets: fc.uniqueArray(fc.tuple(fc.nat(3), sheet), {
          selector: ([teacher]) => teacher,
          maxLength: 4,
        }),
      }),
      fc.record({ kind: fc.constant('delete' as const), teacher: fc.nat(3) }),
      fc.record({ kind: fc.constant('bump' as const), score: fc.integer({ min: 0, max: 5 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        for (const s of steps) {
          if (s.kind === 'one') await upsertObservation(t.db, write(s.teacher, s.scores));
          if (s.kind === 'bulk')
            await upsertObservations(
              t.db,
              s.sheets.map(([teacher, scores]) => write(teacher, scores)),
            );
          if (s.kind === 'delete') await deleteObservation(t.db, cycle.id, teachers[s.teacher]!.id);
          // A statement no repository issues, across sheets: the update trigger.
          if (s.kind === 'bump')
            await sql`update indicator_scores set score = ${s.score}
                       where district_id = ${district.id} and score is not null
                         and indicator_key in ('K1', 'a1')`.execute(t.db);
        }
        expect(await kept(district.id)).toEqual(await expected(district.id));
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('a truncate of the scores empties it', async () => {
    const rows = await t.db
      .selectFrom('observation_score_vectors')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(rows.n).toBeGreaterThan(0);
    await sql`truncate indicator_scores`.execute(t.db);
    const after = await t.db
      .selectFrom('observation_score_vectors')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(0);
  });
});
