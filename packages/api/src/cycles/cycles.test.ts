import {
  createTestDb,
  makeCycle,
  makeRubricVersion,
  makeStudy,
  makeTeacher,
  type TestDb,
} from '@siklus/db/testing';
import type { AppError } from '@siklus/domain';
import { TRPCError } from '@trpc/server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeWorld, type World } from '../testing/world';
import { makePtsConfig, makeStudyWithCycle } from './pts-fixtures';

let testDb: TestDb;
let w: World;

beforeAll(async () => {
  testDb = await createTestDb();
  w = await makeWorld(testDb.db);
});
afterAll(async () => {
  await testDb?.destroy();
});

/** The TRPCError code and the AppError a failed call carries. */
async function failure(call: Promise<unknown>): Promise<{ code: string; app: AppError }> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'expected the call to fail').toBeInstanceOf(TRPCError);
  const trpc = error as TRPCError;
  return { code: trpc.code, app: trpc.cause as AppError };
}

const SCORES = { A1: 3, A2: 4, B1: 2, B2: 3 } as const; // 12 / 16 = 75.00, Baik

async function counts(cycleId: string) {
  const { rows } = await sql<{ observations: number; scores: number; version: number }>`
    select (select count(*)::int from observations where cycle_id = ${cycleId}) as observations,
           (select count(*)::int from indicator_scores i join observations o on o.id = i.observation_id
             where o.cycle_id = ${cycleId}) as scores,
           (select version from cycles where id = ${cycleId}) as version`.execute(testDb.db);
  return rows[0]!;
}

describe('the review workflow', () => {
  test('draft -> submitted -> returned -> submitted -> approved -> reopened, each audited', async () => {
    const principal = w.as('principalOwn');
    const supervisor = w.as('supervisor');
    const admin = w.as('admin');
    const config = await makePtsConfig(testDb.db, w.districtA.id);
    const teacher = await makeTeacher(testDb.db, {
      district_id: w.districtA.id,
      school_id: w.schoolA1.id,
    });

    const options = await principal.studies.options();
    expect(options.rubrics.map((r) => r.id)).toContain(config.rubric.id);

    const { studyId, baselineCycleId: cycleId } = await principal.studies.create({
      schoolId: w.schoolA1.id,
      title: 'Meningkatkan pembelajaran kolaboratif',
      focus: 'Kemampuan guru mengimplementasikan pembelajaran kolaboratif',
      schoolYear: '2025/2026',
      semester: 'ganjil',
      rubricVersionId: config.rubric.id,
      bandSetVersionId: config.bandSet.id,
      criteriaSetVersionId: config.criteria.id,
    });
    let cycle = await principal.cycles.get({ cycleId });
    expect(cycle).toMatchObject({ ordinal: 0, status: 'draft', version: 1, editable: true });
    expect(cycle.label).toEqual({ id: 'Kondisi Awal', en: 'Baseline' });

    // Submitting an empty cycle is refused.
    const empty = await failure(principal.cycles.submit({ cycleId, version: 1 }));
    expect(empty.code).toBe('BAD_REQUEST');

    const up = await principal.cycles.upsertObservation({
      cycleId,
      version: 1,
      teacherId: teacher.id,
      kind: 'indicators',
      scores: SCORES,
    });
    expect(up).toMatchObject({
      version: 2,
      observation: { percentage: '75.00', band: 'Baik', earned: '12.00', possible: '16.00' },
    });
    const notes = await principal.cycles.updateNotes({
      cycleId,
      version: 2,
      planningNotes: 'Menyusun instrumen observasi.',
      planningDate: '2025-08-04',
    });
    expect(notes.version).toBe(3);

    // The next cycle cannot open while this one is a draft.
    expect((await failure(principal.cycles.create({ studyId }))).code).toBe('CONFLICT');

    const submitted = await principal.cycles.submit({ cycleId, version: 3 });
    expect(submitted).toMatchObject({ status: 'submitted', version: 4 });
    // world.teacherA1 and others of the school are not observed: a warning, not a refusal.
    expect(submitted.warnings[0]?.code).toBe('UNOBSERVED_TEACHERS');

    // Locked for the principal while submitted.
    const locked = await failure(
      principal.cycles.upsertObservation({
        cycleId,
        version: 4,
        teacherId: teacher.id,
        kind: 'indicators',
        scores: SCORES,
      }),
    );
    expect(locked.code).toBe('CONFLICT');
    expect(locked.app.messages.en).toMatch(/submitted/);
    expect((await failure(principal.cycles.updateNotes({ cycleId, version: 4 }))).code).toBe(
      'CONFLICT',
    );

    // In the supervisor's queue, with its mean.
    const queue = await supervisor.review.queue({});
    expect(queue.items.find((i) => i.cycleId === cycleId)).toMatchObject({
      mean: '75.00',
      n: 1,
      label: { id: 'Kondisi Awal', en: 'Baseline' },
      schoolId: w.schoolA1.id,
    });

    // Return needs a comment.
    const noComment = await failure(
      supervisor.review.return({ cycleId, version: 4, comment: '  ' }),
    );
    expect(noComment.code).toBe('BAD_REQUEST');
    expect(noComment.app.field).toBe('comment');
    const returned = await supervisor.review.return({
      cycleId,
      version: 4,
      comment: 'Lengkapi catatan refleksi.',
    });
    expect(returned).toMatchObject({ status: 'returned', version: 5 });
    cycle = await principal.cycles.get({ cycleId });
    expect(cycle.review.comment).toBe('Lengkapi catatan refleksi.');
    expect(cycle.editable).toBe(true);

    const notes2 = await principal.cycles.updateNotes({
      cycleId,
      version: 5,
      reflectionNotes: 'RTL: pendampingan kelompok.',
    });
    const resubmitted = await principal.cycles.submit({ cycleId, version: notes2.version });
    expect(resubmitted.status).toBe('submitted');

    // Only a supervisor approves; an admin may not.
    expect(
      (
        await failure(
          admin.review.approve({ cycleId, version: resubmitted.version, confirmLock: true }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    // Approving locks the cycle: the API wants it confirmed.
    const unconfirmed = await failure(
      supervisor.review.approve({ cycleId, version: resubmitted.version } as never),
    );
    expect(unconfirmed.code).toBe('BAD_REQUEST');
    expect(unconfirmed.app.field).toBe('confirmLock');
    const approved = await supervisor.review.approve({
      cycleId,
      version: resubmitted.version,
      confirmLock: true,
    });
    expect(approved.status).toBe('approved');

    // Approved = locked, for every write.
    const afterApproval = await failure(
      principal.cycles.updateNotes({ cycleId, version: approved.version, actionNotes: 'x' }),
    );
    expect(afterApproval.code).toBe('CONFLICT');
    expect(afterApproval.app.messages.id).toMatch(/terkunci/);
    expect(
      (
        await failure(
          principal.cycles.deleteObservation({
            cycleId,
            version: approved.version,
            teacherId: teacher.id,
          }),
        )
      ).code,
    ).toBe('CONFLICT');

    // Now the next cycle may open.
    const next = await principal.cycles.create({ studyId });
    expect(next).toMatchObject({ ordinal: 1, label: { id: 'Siklus I', en: 'Cycle I' } });

    // Reopen: admin only, with a reason.
    expect(
      (await failure(supervisor.review.reopen({ cycleId, version: approved.version, reason: 'x' })))
        .code,
    ).toBe('FORBIDDEN');
    expect(
      (await failure(admin.review.reopen({ cycleId, version: approved.version, reason: '' }))).code,
    ).toBe('BAD_REQUEST');
    const reopened = await admin.review.reopen({
      cycleId,
      version: approved.version,
      reason: 'Skor guru kelas 3 salah ketik.',
    });
    expect(reopened).toMatchObject({ status: 'returned', before: 'approved' });

    const log = await testDb.db
      .selectFrom('audit_log')
      .select(['action', 'user_id', 'before', 'after', 'reason'])
      .where('entity', '=', 'cycle')
      .where('entity_id', '=', cycleId)
      .where('action', 'like', 'cycle.%')
      .orderBy('id')
      .execute();
    expect(
      log.map((l) => [
        l.action,
        (l.before as { status: string }).status,
        (l.after as { status: string }).status,
        l.reason,
      ]),
    ).toEqual([
      ['cycle.submit', 'draft', 'submitted', null],
      ['cycle.return', 'submitted', 'returned', 'Lengkapi catatan refleksi.'],
      ['cycle.submit', 'returned', 'submitted', null],
      ['cycle.approve', 'submitted', 'approved', null],
      ['cycle.reopen', 'approved', 'returned', 'Skor guru kelas 3 salah ketik.'],
    ]);
    expect(log.map((l) => l.user_id)).toEqual([
      w.users.principalOwn.id,
      w.users.supervisor.id,
      w.users.principalOwn.id,
      w.users.supervisor.id,
      w.users.admin.id,
    ]);

    // The history keeps every move apart; the reopen names the admin and the reason,
    // and the approval before it still names the supervisor.
    cycle = await principal.cycles.get({ cycleId });
    expect(
      cycle.history.map((e) => [e.action, e.actorId, e.actorRole, e.toStatus, e.comment]),
    ).toEqual([
      ['submit', w.users.principalOwn.id, 'principal', 'submitted', null],
      ['return', w.users.supervisor.id, 'supervisor', 'returned', 'Lengkapi catatan refleksi.'],
      ['submit', w.users.principalOwn.id, 'principal', 'submitted', null],
      ['approve', w.users.supervisor.id, 'supervisor', 'approved', null],
      ['reopen', w.users.admin.id, 'admin', 'returned', 'Skor guru kelas 3 salah ketik.'],
    ]);
    expect(cycle.history.at(-1)!.actorName).toBe(w.users.admin.full_name);
    expect(cycle.review.reviewedBy).toBe(w.users.admin.full_name);
    const times = cycle.history.map((e) => new Date(e.at).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  test('a stale version gets CONFLICT with the bilingual message, and nothing changes', async () => {
    const { cycle, teachers } = await makeStudyWithCycle(testDb.db, {
      districtId: w.districtA.id,
      schoolId: w.schoolA1.id,
    });
    const principal = w.as('principalOwn');
    await principal.cycles.updateNotes({ cycleId: cycle.id, version: 1, actionNotes: 'a' });
    const before = await counts(cycle.id);
    const stale = await failure(
      principal.cycles.upsertObservation({
        cycleId: cycle.id,
        version: 1,
        teacherId: teachers[0]!.id,
        kind: 'indicators',
        scores: SCORES,
      }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(stale.app.messages).toEqual({
      id: 'Siklus ini telah diubah oleh orang lain. Muat ulang untuk melihat versi terbaru.',
      en: 'This cycle has been changed by someone else. Reload to see the latest version.',
    });
    expect(stale.app.field).toBe('version');
    expect(await counts(cycle.id)).toEqual(before);
  });
});

describe('concurrency', () => {
  test('two writes with the same version: one wins, the other gets CONFLICT, no partial rows', async () => {
    const { cycle, teachers } = await makeStudyWithCycle(testDb.db, {
      districtId: w.districtA.id,
      schoolId: w.schoolA1.id,
    });
    const [t1, t2] = [teachers[0]!, teachers[1]!];
    // Two principals' screens (two callers), both read version 1.
    const a = w.as('principalOwn');
    const b = w.as('principalOwn');
    const results = await Promise.allSettled([
      a.cycles.upsertObservation({
        cycleId: cycle.id,
        version: 1,
        teacherId: t1.id,
        kind: 'indicators',
        scores: { A1: 4, A2: 4, B1: 4, B2: 4 },
      }),
      b.cycles.upsertObservation({
        cycleId: cycle.id,
        version: 1,
        teacherId: t2.id,
        kind: 'indicators',
        scores: { A1: 1, A2: 2, B1: 1, B2: 'na' },
      }),
    ]);
    const won = results.findIndex((r) => r.status === 'fulfilled');
    const lost = results.findIndex((r) => r.status === 'rejected');
    expect(won).toBeGreaterThanOrEqual(0);
    expect(lost).toBeGreaterThanOrEqual(0);
    const reason = (results[lost] as PromiseRejectedResult).reason as TRPCError;
    expect(reason.code).toBe('CONFLICT');
    expect((reason.cause as AppError).messages.id).toMatch(/telah diubah oleh orang lain/);

    const winner = [t1, t2][won]!;
    const loser = [t1, t2][lost]!;
    const rows = await testDb.db
      .selectFrom('observations as o')
      .leftJoin('indicator_scores as i', 'i.observation_id', 'o.id')
      .select(['o.teacher_id', 'o.percentage', 'o.band', 'i.indicator_key', 'i.score'])
      .where('o.cycle_id', '=', cycle.id)
      .execute();
    expect(new Set(rows.map((r) => r.teacher_id))).toEqual(new Set([winner.id]));
    expect(rows).toHaveLength(4);
    expect(rows[0]!.percentage).toBe(won === 0 ? '100.00' : '33.33');
    expect(rows.some((r) => r.teacher_id === loser.id)).toBe(false);
    expect((await counts(cycle.id)).version).toBe(2);

    // The loser reloads and writes again on the new version: both are then intact.
    await (won === 0 ? b : a).cycles.upsertObservation({
      cycleId: cycle.id,
      version: 2,
      teacherId: loser.id,
      kind: 'indicators',
      scores: won === 0 ? { A1: 1, A2: 2, B1: 1, B2: 'na' } : { A1: 4, A2: 4, B1: 4, B2: 4 },
    });
    const got = await a.cycles.get({ cycleId: cycle.id });
    expect(
      Object.fromEntries(got.observations.map((o) => [o.teacherId, [o.percentage, o.scores]])),
    ).toEqual({
      [t1.id]: ['100.00', { A1: 4, A2: 4, B1: 4, B2: 4 }],
      [t2.id]: ['33.33', { A1: 1, A2: 2, B1: 1, B2: 'na' }],
    });
    expect(got.version).toBe(3);
  });
});

describe('bad input is refused with the right code and message, and nothing is written', () => {
  let cycleId: string;
  let teacherId: string;
  beforeAll(async () => {
    const made = await makeStudyWithCycle(testDb.db, {
      districtId: w.districtA.id,
      schoolId: w.schoolA1.id,
    });
    cycleId = made.cycle.id;
    teacherId = made.teachers[0]!.id;
  });

  const cases: {
    name: string;
    input: () => Promise<Record<string, unknown>> | Record<string, unknown>;
    code: string;
    field?: string;
    id?: RegExp | string;
  }[] = [
    {
      name: 'an off-scale score',
      input: () => ({ scores: { A1: 3, A2: 3, B1: 3, B2: 5 } }),
      code: 'BAD_REQUEST',
      field: 'scores.B2',
      id: 'Skor 5 di luar skala 1-4 untuk indikator B2',
    },
    {
      name: 'an unknown indicator',
      input: () => ({ scores: { A1: 3, A2: 3, B1: 3, B2: 3, Z9: 2 } }),
      code: 'BAD_REQUEST',
      field: 'scores.Z9',
      id: 'Indikator Z9 tidak ada dalam instrumen',
    },
    {
      name: 'a missing indicator',
      input: () => ({ scores: { A1: 3, A2: 3, B1: 3 } }),
      code: 'BAD_REQUEST',
      field: 'scores.B2',
    },
    {
      name: 'oversize notes',
      input: () => ({ scores: { A1: 3, A2: 3, B1: 3, B2: 3 }, notes: 'x'.repeat(10_001) }),
      code: 'BAD_REQUEST',
      field: 'notes',
      id: /paling panjang 10000/,
    },
    {
      name: 'a score of the wrong type',
      input: () => ({ scores: { A1: 'tiga', A2: 3, B1: 3, B2: 3 } }),
      code: 'BAD_REQUEST',
      field: 'scores.A1',
    },
    {
      name: 'a version of the wrong type',
      input: () => ({ version: '1', scores: { A1: 3, A2: 3, B1: 3, B2: 3 } }),
      code: 'BAD_REQUEST',
      field: 'version',
    },
    {
      name: 'an unknown field',
      input: () => ({ scores: { A1: 3, A2: 3, B1: 3, B2: 3 }, percentage: '99.00' }),
      code: 'BAD_REQUEST',
    },
    {
      name: 'a percentage on an indicator rubric',
      input: () => ({ kind: 'summary', percentage: '75.00' }),
      code: 'BAD_REQUEST',
      field: 'kind',
    },
    {
      name: 'a teacher of another district',
      input: async () => ({
        teacherId: (await makeTeacher(testDb.db, { district_id: w.districtB.id })).id,
        scores: { A1: 3, A2: 3, B1: 3, B2: 3 },
      }),
      code: 'NOT_FOUND',
      field: 'teacherId',
    },
    {
      name: 'a teacher of another school of the district',
      input: async () => ({
        teacherId: (
          await makeTeacher(testDb.db, { district_id: w.districtA.id, school_id: w.schoolA2.id })
        ).id,
        scores: { A1: 3, A2: 3, B1: 3, B2: 3 },
      }),
      code: 'FORBIDDEN',
      field: 'teacherId',
    },
  ];

  test.each(cases)('$name', async (c) => {
    const before = await counts(cycleId);
    const extra = await c.input();
    const input = { cycleId, version: before.version, teacherId, kind: 'indicators', ...extra };
    const { code, app } = await failure(
      w.as('principalOwn').cycles.upsertObservation(input as never),
    );
    expect(code).toBe(c.code);
    expect(app.messages.id).toBeTruthy();
    expect(app.messages.en).toBeTruthy();
    if (c.field) expect(app.field).toBe(c.field);
    if (typeof c.id === 'string') expect(app.messages.id).toBe(c.id);
    else if (c.id) expect(app.messages.id).toMatch(c.id);
    expect(await counts(cycleId)).toEqual(before);
  });

  test('a cycle of another district is NOT_FOUND; of another school FORBIDDEN', async () => {
    const other = await makeCycle(testDb.db, {
      study_id: (await makeStudy(testDb.db, { district_id: w.districtB.id })).id,
    });
    const before = await counts(other.id);
    const notFound = await failure(
      w.as('principalOwn').cycles.updateNotes({ cycleId: other.id, version: 1, actionNotes: 'x' }),
    );
    expect(notFound.code).toBe('NOT_FOUND');
    const a2 = await makeStudyWithCycle(testDb.db, {
      districtId: w.districtA.id,
      schoolId: w.schoolA2.id,
      teachers: 0,
    });
    const forbidden = await failure(
      w
        .as('principalOwn')
        .cycles.updateNotes({ cycleId: a2.cycle.id, version: 1, actionNotes: 'x' }),
    );
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(await counts(other.id)).toEqual(before);
  });

  test('a study on another district’s or a draft version is refused', async () => {
    const mine = await makePtsConfig(testDb.db, w.districtA.id);
    const theirs = await makePtsConfig(testDb.db, w.districtB.id);
    const base = {
      schoolId: w.schoolA1.id,
      title: 'Judul',
      focus: 'Fokus',
      schoolYear: '2025/2026',
      rubricVersionId: mine.rubric.id,
      bandSetVersionId: mine.bandSet.id,
      criteriaSetVersionId: mine.criteria.id,
    };
    const studiesBefore = await testDb.db
      .selectFrom('studies')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    const foreign = await failure(
      w.as('principalOwn').studies.create({ ...base, rubricVersionId: theirs.rubric.id }),
    );
    expect(foreign).toMatchObject({ code: 'NOT_FOUND', app: { field: 'rubricVersionId' } });
    const draft = await makeRubricVersion(testDb.db, {
      district_id: w.districtA.id,
      status: 'draft',
    });
    const drafted = await failure(
      w.as('principalOwn').studies.create({ ...base, rubricVersionId: draft.id }),
    );
    expect(drafted).toMatchObject({ code: 'BAD_REQUEST', app: { field: 'rubricVersionId' } });
    const badYear = await failure(
      w.as('principalOwn').studies.create({ ...base, schoolYear: '2025/2027' }),
    );
    expect(badYear).toMatchObject({ code: 'BAD_REQUEST', app: { field: 'schoolYear' } });
    const studiesAfter = await testDb.db
      .selectFrom('studies')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(studiesAfter.n).toBe(studiesBefore.n);
  });
});

/** A draft cycle of a new summary-mode study at school A1 (one percentage per teacher). */
async function summaryCycle() {
  const config = await makePtsConfig(testDb.db, w.districtA.id);
  const summary = await makeRubricVersion(testDb.db, { district_id: w.districtA.id });
  const study = await makeStudy(testDb.db, {
    district_id: w.districtA.id,
    school_id: w.schoolA1.id,
    rubric_version_id: summary.id,
    band_set_version_id: config.bandSet.id,
    criteria_set_version_id: config.criteria.id,
  });
  return makeCycle(testDb.db, { study_id: study.id });
}

describe('summary rubrics and printed figures', () => {
  test('a mean on a 1-5 scale or a total out of N is converted on the server (3,8 of 5 = 76,00)', async () => {
    const cycle = await summaryCycle();
    const principal = w.as('principalOwn');
    const mean = await principal.cycles.upsertObservation({
      cycleId: cycle.id,
      version: 1,
      teacherId: w.teacherA1.id,
      kind: 'summary',
      percentage: '3,8',
      scale: { kind: 'mean', max: 5 },
    });
    expect(mean.observation).toMatchObject({ percentage: '76.00', band: 'Baik' });
    const total = await principal.cycles.upsertObservation({
      cycleId: cycle.id,
      version: mean.version,
      teacherId: w.teacherA1.id,
      kind: 'summary',
      percentage: '29',
      scale: { kind: 'total', max: 44 },
    });
    expect(total.observation.percentage).toBe('65.91');
    // Off the scale: refused at the field, naming the scale's range.
    const off = await failure(
      principal.cycles.upsertObservation({
        cycleId: cycle.id,
        version: total.version,
        teacherId: w.teacherA1.id,
        kind: 'summary',
        percentage: '4,5',
        scale: { kind: 'mean', max: 4 },
      }),
    );
    expect(off).toMatchObject({ code: 'BAD_REQUEST', app: { field: 'percentage' } });
    expect(off.app.messages.id).toContain('rata-rata skala 1-4 (1-4)');
  });

  test('a percentage is parsed by the domain ("52,285" refused; "52,29" stored as 52.29)', async () => {
    const cycle = await summaryCycle();
    const principal = w.as('principalOwn');
    const bad = await failure(
      principal.cycles.upsertObservation({
        cycleId: cycle.id,
        version: 1,
        teacherId: w.teacherA1.id,
        kind: 'summary',
        percentage: '52,285',
      }),
    );
    expect(bad).toMatchObject({ code: 'BAD_REQUEST', app: { field: 'percentage' } });
    const ok = await principal.cycles.upsertObservation({
      cycleId: cycle.id,
      version: 1,
      teacherId: w.teacherA1.id,
      kind: 'summary',
      percentage: '52,29',
    });
    expect(ok.observation).toMatchObject({ percentage: '52.29', band: 'Cukup', earned: null });
    const printed = await principal.cycles.setPrintedFigures({
      cycleId: cycle.id,
      version: ok.version,
      printedMean: '52,30',
      printedMeanBand: 'Cukup',
      printedBands: ['Cukup'],
    });
    const got = await principal.cycles.get({ cycleId: cycle.id });
    expect(got.version).toBe(printed.version);
    expect(got.printed).toEqual({
      mean: '52.30',
      meanAsTyped: '52,30',
      meanBand: 'Cukup',
      bands: ['Cukup'],
    });
    expect(got.mismatches).toEqual([
      expect.objectContaining({ field: 'mean', printed: '52.30', computed: '52.29' }),
    ]);
    // As papers print it (issue 15): a trailing % and three decimals, kept as typed and
    // compared after half-up rounding, so 52,289% agrees with the computed 52.29.
    const asPrinted = await principal.cycles.setPrintedFigures({
      cycleId: cycle.id,
      version: got.version,
      printedMean: '52,289%',
      printedMeanBand: 'Cukup',
      printedBands: ['Cukup'],
    });
    const again = await principal.cycles.get({ cycleId: cycle.id });
    expect(again.version).toBe(asPrinted.version);
    expect(again.printed).toMatchObject({ mean: '52.29', meanAsTyped: '52,289%' });
    expect(again.mismatches).toEqual([]);
    // Printed bands must line up with the observed teachers when typed...
    const misaligned = await failure(
      principal.cycles.setPrintedFigures({
        cycleId: cycle.id,
        version: again.version,
        printedMean: null,
        printedMeanBand: null,
        printedBands: ['Cukup', 'Baik'],
      }),
    );
    expect(misaligned).toMatchObject({
      code: 'BAD_REQUEST',
      app: {
        field: 'printedBands',
        messages: { id: 'Ada 2 kategori tercetak untuk 1 guru' },
      },
    });
    // ...and a teacher observed afterwards does not break the page: the check says so.
    const teacher2 = await makeTeacher(testDb.db, {
      district_id: w.districtA.id,
      school_id: w.schoolA1.id,
    });
    const second = await principal.cycles.upsertObservation({
      cycleId: cycle.id,
      version: again.version,
      teacherId: teacher2.id,
      kind: 'summary',
      percentage: '80',
    });
    const later = await principal.cycles.get({ cycleId: cycle.id });
    expect(later.mismatches.map((m) => m.field)).toEqual(['mean', 'bandCount']);
    const deleted = await principal.cycles.deleteObservation({
      cycleId: cycle.id,
      version: second.version,
      teacherId: w.teacherA1.id,
    });
    expect(deleted.version).toBe(second.version + 1);
    expect((await counts(cycle.id)).observations).toBe(1);
  });
});

describe('observation audit trail', () => {
  test('each save and delete records who changed which teacher, and the figures', async () => {
    const cycle = await summaryCycle();
    const principal = w.as('principalOwn');
    const save = (version: number, percentage: string) =>
      principal.cycles.upsertObservation({
        cycleId: cycle.id,
        version,
        teacherId: w.teacherA1.id,
        kind: 'summary',
        percentage,
      });
    const first = await save(1, '50,00');
    const second = await save(first.version, '75,50');
    await principal.cycles.deleteObservation({
      cycleId: cycle.id,
      version: second.version,
      teacherId: w.teacherA1.id,
    });
    // A refused write (stale version) leaves no trace.
    await failure(save(1, '99,00'));

    const log = await w.as('admin').audit.list({ schoolId: w.schoolA1.id, action: 'observation' });
    const mine = log.items
      .filter((e) => (e.after as { cycleId?: string } | null)?.cycleId === cycle.id)
      .reverse();
    expect(mine.map((e) => [e.action, e.userId, e.before, e.after])).toEqual([
      [
        'observation.save',
        w.users.principalOwn.id,
        null,
        expect.objectContaining({ teacherId: w.teacherA1.id, percentage: '50.00', band: 'Kurang' }),
      ],
      [
        'observation.save',
        w.users.principalOwn.id,
        null,
        expect.objectContaining({ teacherId: w.teacherA1.id, percentage: '75.50', band: 'Baik' }),
      ],
      [
        'observation.delete',
        w.users.principalOwn.id,
        { teacherId: w.teacherA1.id, percentage: '75.50', band: 'Baik' },
        expect.objectContaining({ teacherId: w.teacherA1.id }),
      ],
    ]);
    expect(mine.every((e) => e.schoolName === w.schoolA1.name)).toBe(true);
  });
});
