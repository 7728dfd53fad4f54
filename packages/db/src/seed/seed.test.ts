import { verify } from '@node-rs/argon2';
import { checkPrintedFigures } from '@siklus/domain';
import { LULUT_2 } from '@siklus/domain/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districtComparison, schoolCycleMatrix } from '../repositories/comparison';
import { createTestDb, type TestDb } from '../testing';
import {
  DEMO_PASSWORD,
  DEMO_USERS,
  LULUT_2_NPSN,
  SECOND_DISTRICT,
  type SeedResult,
  seed,
  WITA_DISTRICT,
} from '.';

let t: TestDb;
let result: SeedResult;
beforeAll(async () => {
  t = await createTestDb();
  result = await seed(t.db);
}, 60_000);
afterAll(async () => {
  await t?.destroy();
});

describe('seed', () => {
  it('runs once: a second run changes nothing', async () => {
    expect(result.seeded).toBe(true);
    const again = await seed(t.db);
    expect(again).toEqual({ seeded: false, districtId: result.districtId, counts: result.counts });
  });

  it('reproduces SD Negeri Lulut 2 as published, with the computed means', async () => {
    const study = await t.db
      .selectFrom('studies')
      .innerJoin('schools', 'schools.id', 'studies.school_id')
      .select(['studies.id', 'schools.district_id'])
      .where('schools.npsn', '=', LULUT_2_NPSN)
      .executeTakeFirstOrThrow();
    const matrix = await schoolCycleMatrix(t.db, {
      districtId: study.district_id,
      studyId: study.id,
    });
    expect(matrix.study.title).toBe(LULUT_2.study.title);
    expect(matrix.cycles.map((c) => c.label.id)).toEqual(['Kondisi Awal', 'Siklus I', 'Siklus II']);
    expect(matrix.cycles.map((c) => c.status)).toEqual(['approved', 'approved', 'submitted']);
    expect(matrix.cycles.map((c) => c.mean)).toEqual(['42.29', '53.48', '65.08']);
    expect(matrix.cycles.map((c) => c.meanBand)).toEqual(['Kurang', 'Cukup', 'Cukup']);
    expect(matrix.teachers.map((tr) => tr.name)).toEqual(LULUT_2.teachers.map((tr) => tr.name));
    // The paper's three tables: 18 percentages and 18 bands, teacher by cycle.
    for (const [ci, cycle] of LULUT_2.cycles.entries()) {
      expect(matrix.teachers.map((tr) => tr.cells[ci]?.percentage)).toEqual([...cycle.scores]);
      expect(matrix.teachers.map((tr) => tr.cells[ci]?.band)).toEqual([...cycle.criteria]);
    }
    // The printed 65.05 is flagged against the computed 65.08; the other tables agree.
    const mismatches = matrix.cycles.map((c, ci) =>
      checkPrintedFigures(
        {
          printedMean: c.printedMean,
          printedMeanBand: c.printedMeanBand,
          printedBands: c.printedBands,
        },
        matrix.teachers.map((tr) => tr.cells[ci]!.percentage),
        matrix.bandSet,
      ).map((m) => [m.field, m.printed, m.computed]),
    );
    expect(mismatches).toEqual([[], [], [['mean', '65.05', '65.08']]]);
  });

  it('gives the demo district studies in every state, criteria met and not, and a school without a study', async () => {
    const { total, rows } = await districtComparison(t.db, {
      districtId: result.districtId,
      pageSize: 100,
    });
    expect(total).toBeGreaterThanOrEqual(31);
    // The workflow's states are on the newest cycles; the figures read approved ones only.
    expect(new Set(rows.map((r) => r.newest?.status ?? r.latestStatus))).toEqual(
      new Set(['draft', 'submitted', 'returned', 'approved', null]),
    );
    expect(new Set(rows.map((r) => r.latestStatus))).toEqual(new Set(['approved', null]));
    expect(rows.filter((r) => r.studyId === null)).toHaveLength(1);
    expect(rows.some((r) => r.criteriaMet === true)).toBe(true);
    expect(rows.some((r) => r.criteriaMet === false)).toBe(true);
    for (const r of rows) expect(r.teacherCount).toBeGreaterThanOrEqual(6);
    const returned = await t.db
      .selectFrom('cycles')
      .select('review_comment')
      .where('status', '=', 'returned')
      .where('district_id', '=', result.districtId)
      .execute();
    expect(returned.length).toBeGreaterThan(0);
    for (const c of returned) expect(c.review_comment).toMatch(/\w{5,}/);
  });

  it('stores indicator scores that agree with each observation', async () => {
    const count = await t.db
      .selectFrom('observations as o')
      .innerJoin('indicator_scores as s', 's.observation_id', 'o.id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThan(1000);
  });

  it('creates the demo users with the demo password, and a second district with two schools', async () => {
    const users = await t.db
      .selectFrom('users')
      .select(['username', 'role', 'school_id', 'password_hash'])
      .orderBy('username')
      .execute();
    expect(users.map((u) => u.username)).toEqual([...DEMO_USERS].sort());
    expect(users.find((u) => u.username === 'kepsek.lulut2')?.role).toBe('principal');
    expect(users[0]!.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verify(users[0]!.password_hash, DEMO_PASSWORD)).toBe(true);

    const second = await t.db
      .selectFrom('schools')
      .innerJoin('districts', 'districts.id', 'schools.district_id')
      .select('schools.id')
      .where('districts.name', '=', SECOND_DISTRICT)
      .execute();
    expect(second).toHaveLength(2);
  });

  it('includes a district outside WIB, and gives seeded cycles the history their columns prove', async () => {
    const zones = await t.db
      .selectFrom('districts')
      .select(['name', 'time_zone'])
      .orderBy('name')
      .execute();
    expect(zones).toContainEqual({ name: WITA_DISTRICT, time_zone: 'Asia/Makassar' });
    const lulut = await t.db
      .selectFrom('cycles as c')
      .innerJoin('studies as s', 's.id', 'c.study_id')
      .innerJoin('schools as sch', 'sch.id', 's.school_id')
      .select(['c.id', 'c.ordinal'])
      .where('sch.name', '=', 'SD Negeri Lulut 2')
      .orderBy('c.ordinal')
      .execute();
    const events = await t.db
      .selectFrom('cycle_events')
      .select(['cycle_id', 'action', 'actor_role'])
      .where(
        'cycle_id',
        'in',
        lulut.map((c) => c.id),
      )
      .orderBy('created_at')
      .execute();
    expect(
      lulut.map((c) => events.filter((e) => e.cycle_id === c.id).map((e) => e.action)),
    ).toEqual([['submit', 'approve'], ['submit', 'approve'], ['submit']]);
  });

  it("gives SD Negeri Kota Batu 2's principal six teachers and an approved Siklus II to build on", async () => {
    const principal = await t.db
      .selectFrom('users')
      .innerJoin('schools', 'schools.id', 'users.school_id')
      .select(['schools.id', 'schools.name'])
      .where('users.username', '=', 'kepsek.kotabatu2')
      .executeTakeFirstOrThrow();
    expect(principal.name).toBe('SD Negeri Kota Batu 2');
    const teachers = await t.db
      .selectFrom('teachers')
      .select('id')
      .where('school_id', '=', principal.id)
      .where('active', '=', true)
      .execute();
    expect(teachers).toHaveLength(6);
    const cycles = await t.db
      .selectFrom('cycles')
      .innerJoin('studies', 'studies.id', 'cycles.study_id')
      .select(['cycles.ordinal', 'cycles.status'])
      .where('studies.school_id', '=', principal.id)
      .orderBy('cycles.ordinal')
      .execute();
    expect(cycles.map((c) => `${c.ordinal}:${c.status}`)).toEqual([
      '0:approved',
      '1:approved',
      '2:approved',
    ]);
  });
});
