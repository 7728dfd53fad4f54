import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districtComparison } from '../repositories/comparison';
import { createTestDb, type TestDb } from '../testing';
import { synthesize } from '.';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 60_000);
afterAll(async () => {
  await t?.destroy();
});

/** Everything synthesize wrote for a district, ids replaced by positions, in a stable order. */
async function snapshot(districtId: string) {
  const schools = await t.db
    .selectFrom('schools')
    .select(['npsn', 'name', 'subdistrict'])
    .where('district_id', '=', districtId)
    .orderBy('npsn')
    .execute();
  const teachers = await t.db
    .selectFrom('teachers')
    .innerJoin('schools', 'schools.id', 'teachers.school_id')
    .select(['schools.npsn', 'teachers.name', 'teachers.class_name', 'teachers.sort_order'])
    .where('teachers.district_id', '=', districtId)
    .orderBy('schools.npsn')
    .orderBy('teachers.sort_order')
    .execute();
  const observations = await t.db
    .selectFrom('observations as o')
    .innerJoin('cycles as c', 'c.id', 'o.cycle_id')
    .innerJoin('studies as s', 's.id', 'c.study_id')
    .innerJoin('schools as sch', 'sch.id', 's.school_id')
    .innerJoin('teachers as t', 't.id', 'o.teacher_id')
    .select(['sch.npsn', 'c.ordinal', 'c.status', 't.sort_order', 'o.percentage', 'o.band'])
    .where('o.district_id', '=', districtId)
    .orderBy('sch.npsn')
    .orderBy('c.ordinal')
    .orderBy('t.sort_order')
    .execute();
  const scores = await t.db
    .selectFrom('indicator_scores')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('score').as('total')])
    .where('district_id', '=', districtId)
    .executeTakeFirstOrThrow();
  return {
    schools,
    teachers,
    observations,
    scores: { n: Number(scores.n), total: Number(scores.total) },
  };
}

describe('synthesize', () => {
  it('is deterministic: the same seed gives the same rows', async () => {
    const a = await synthesize(t.db, {
      schools: 20,
      seed: 42,
      districtName: 'Kabupaten Sintetis A',
    });
    const before = await snapshot(a.districtId);
    // Same seed again, into a fresh database state for that seed.
    await t.db.deleteFrom('indicator_scores').where('district_id', '=', a.districtId).execute();
    await t.db.deleteFrom('observations').where('district_id', '=', a.districtId).execute();
    await t.db.deleteFrom('cycles').where('district_id', '=', a.districtId).execute();
    await t.db.deleteFrom('studies').where('district_id', '=', a.districtId).execute();
    await t.db.deleteFrom('teachers').where('district_id', '=', a.districtId).execute();
    await t.db.deleteFrom('schools').where('district_id', '=', a.districtId).execute();
    const b = await synthesize(t.db, {
      schools: 20,
      seed: 42,
      districtName: 'Kabupaten Sintetis B',
    });
    expect(await snapshot(b.districtId)).toEqual(before);
    expect(b.counts).toEqual(a.counts);

    expect(a.counts.schools).toBe(20);
    expect(a.counts.teachers).toBeGreaterThanOrEqual(20 * 6);
    expect(a.counts.teachers).toBeLessThanOrEqual(20 * 30);
    expect(a.counts.observations).toBeGreaterThan(0);
    expect(a.counts.indicatorScores).toBeGreaterThan(0);
  });

  it('gives a different district for a different seed, readable by the comparison', async () => {
    const c = await synthesize(t.db, { schools: 20, seed: 43 });
    const { total, rows } = await districtComparison(t.db, {
      districtId: c.districtId,
      pageSize: 100,
    });
    expect(total).toBeGreaterThanOrEqual(20);
    for (const row of rows.filter((r) => r.studyId)) {
      expect(row.cycleCount).toBeGreaterThanOrEqual(2);
      expect(row.cycleCount).toBeLessThanOrEqual(4);
      expect(row.latestMean).toMatch(/^\d{1,3}\.\d{2}$/);
    }
  });
});
