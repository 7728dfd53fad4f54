import { createTestDb, makeCycle, makeObservation, type TestDb } from '@siklus/db/testing';
import type { AppError } from '@siklus/domain';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeWorld, type World } from '../testing/world';
import { makeStudyWithCycle } from './pts-fixtures';

/*
 * The workflow moves issue 14 added or tightened: withdraw before review, submit in
 * order, stage dates in order. Each refusal is checked with its code and field.
 */

let testDb: TestDb;
let w: World;

beforeAll(async () => {
  testDb = await createTestDb();
  w = await makeWorld(testDb.db);
});
afterAll(async () => {
  await testDb?.destroy();
});

async function failure(call: Promise<unknown>): Promise<{ code: string; app: AppError }> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'expected the call to fail').toBeInstanceOf(TRPCError);
  const trpc = error as TRPCError;
  return { code: trpc.code, app: trpc.cause as AppError };
}

const SCORES = { A1: 3, A2: 4, B1: 2, B2: 3 } as const;

async function observedDraft() {
  const made = await makeStudyWithCycle(testDb.db, {
    districtId: w.districtA.id,
    schoolId: w.schoolA1.id,
  });
  const saved = await w.as('principalOwn').cycles.upsertObservation({
    cycleId: made.cycle.id,
    version: 1,
    teacherId: made.teachers[0]!.id,
    kind: 'indicators',
    scores: SCORES,
  });
  return { ...made, version: saved.version };
}

describe('withdraw', () => {
  test('takes a submission back to draft before review, on the record with its reason', async () => {
    const principal = w.as('principalOwn');
    const { cycle, version } = await observedDraft();
    const submitted = await principal.cycles.submit({ cycleId: cycle.id, version });
    const withdrawn = await principal.cycles.withdraw({
      cycleId: cycle.id,
      version: submitted.version,
      reason: 'Skor guru kelas 2 belum lengkap.',
    });
    expect(withdrawn).toMatchObject({ status: 'draft', before: 'submitted' });
    const got = await principal.cycles.get({ cycleId: cycle.id });
    expect(got.editable).toBe(true);
    expect(got.review.submittedAt).toBeNull();
    expect(got.history.map((e) => [e.action, e.actorRole, e.comment])).toEqual([
      ['submit', 'principal', null],
      ['withdraw', 'principal', 'Skor guru kelas 2 belum lengkap.'],
    ]);
    // Gone from the supervisor's queue.
    const queue = await w.as('supervisor').review.queue({});
    expect(queue.items.some((i) => i.cycleId === cycle.id)).toBe(false);
  });

  test('is refused after review, for a draft, for a supervisor and once the next cycle is open', async () => {
    const principal = w.as('principalOwn');
    const { cycle, version, study } = await observedDraft();
    expect((await failure(principal.cycles.withdraw({ cycleId: cycle.id, version }))).code).toBe(
      'CONFLICT',
    );
    const submitted = await principal.cycles.submit({ cycleId: cycle.id, version });
    expect(
      (
        await failure(
          w.as('supervisor').cycles.withdraw({ cycleId: cycle.id, version: submitted.version }),
        )
      ).code,
    ).toBe('FORBIDDEN');

    const next = await principal.cycles.create({ studyId: study.id });
    const overtaken = await failure(
      principal.cycles.withdraw({ cycleId: cycle.id, version: submitted.version }),
    );
    expect(overtaken.code).toBe('CONFLICT');
    expect(overtaken.app.messages.id).toBe(
      'Siklus I sudah dibuka; pengajuan ini tidak dapat ditarik kembali.',
    );
    expect(next.ordinal).toBe(1);

    const approved = await w.as('supervisor').review.approve({
      cycleId: cycle.id,
      version: submitted.version,
      confirmLock: true,
    });
    const afterReview = await failure(
      principal.cycles.withdraw({ cycleId: cycle.id, version: approved.version }),
    );
    expect(afterReview.code).toBe('CONFLICT');
    expect(afterReview.app.messages.en).toBe('A cycle that is approved cannot be withdrawn');
  });
});

describe('cycles are submitted and opened in order', () => {
  test('the next cycle opens only once the previous one is submitted', async () => {
    const principal = w.as('principalOwn');
    const { study } = await observedDraft();
    const early = await failure(principal.cycles.create({ studyId: study.id }));
    expect(early.code).toBe('CONFLICT');
    expect(early.app.messages.id).toMatch(/^Kondisi Awal masih berstatus Draf/);
  });

  test.each([
    ['submitted', 'masih menunggu tinjauan pengawas'],
    ['returned', 'dikembalikan dan belum diajukan ulang'],
  ] as const)('a cycle cannot be submitted while an earlier one is %s', async (status, words) => {
    const principal = w.as('principalOwn');
    const { study, teachers } = await makeStudyWithCycle(testDb.db, {
      districtId: w.districtA.id,
      schoolId: w.schoolA1.id,
      status,
    });
    const later = await makeCycle(testDb.db, { study_id: study.id, ordinal: 1 });
    await makeObservation(testDb.db, { cycle_id: later.id, teacher_id: teachers[0]!.id });
    const refused = await failure(principal.cycles.submit({ cycleId: later.id, version: 1 }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.app.messages.id).toContain(`Kondisi Awal ${words}`);
  });
});

describe('stage dates', () => {
  test('run in order, checked against the stored dates, with the field named', async () => {
    const principal = w.as('principalOwn');
    const { cycle } = await makeStudyWithCycle(testDb.db, {
      districtId: w.districtA.id,
      schoolId: w.schoolA1.id,
    });
    const first = await principal.cycles.updateNotes({
      cycleId: cycle.id,
      version: 1,
      planningDate: '2025-08-04',
      observationDate: '2025-08-20',
    });
    const backwards = await failure(
      principal.cycles.updateNotes({
        cycleId: cycle.id,
        version: first.version,
        reflectionDate: '2025-08-01',
      }),
    );
    expect(backwards.code).toBe('BAD_REQUEST');
    expect(backwards.app.field).toBe('reflectionDate');
    expect(backwards.app.messages.id).toBe(
      'Tanggal refleksi (2025-08-01) tidak boleh sebelum tanggal observasi (2025-08-20)',
    );
    // Refused whole: the version did not move.
    const got = await principal.cycles.get({ cycleId: cycle.id });
    expect(got.version).toBe(first.version);
    expect(got.stages.reflection.date).toBeNull();
    const ok = await principal.cycles.updateNotes({
      cycleId: cycle.id,
      version: first.version,
      actionDate: '2025-08-04',
      reflectionDate: '2025-08-20',
    });
    expect(ok.version).toBe(first.version + 1);
  });
});

describe('a cycle read as a result', () => {
  test('is provisional until approved, and its criteria wait for the whole roster', async () => {
    const principal = w.as('principalOwn');
    const { cycle } = await observedDraft();
    const got = await principal.cycles.get({ cycleId: cycle.id });
    const roster = got.standing.coverage.roster;
    expect(roster).toBeGreaterThan(1);
    expect(got.standing).toMatchObject({ provisional: true, counted: false });
    expect(got.standing.label?.id).toBe(
      `sementara: 1 dari ${roster} guru diobservasi, draf, belum diajukan`,
    );
    expect(got.criteriaEvaluation.met).toBeNull();
    expect(got.criteriaEvaluation.message.id).toBe(
      `Kriteria keberhasilan belum dapat dinilai: belum lengkap: 1 dari ${roster} guru diobservasi`,
    );
  });
});

describe('the supervisor’s dashboard follows approvals only', () => {
  test('a draft and a submission move no figure and show as provisional; the approval does', async () => {
    const principal = w.as('principalOwn');
    const supervisor = w.as('supervisor');
    const { cycle, study } = await observedDraft(); // the baseline: one teacher at 75.00
    const baseline = await principal.cycles.submit({ cycleId: cycle.id, version: 2 });
    await supervisor.review.approve({
      cycleId: cycle.id,
      version: baseline.version,
      confirmLock: true,
    });

    const row = async (basis: 'approved' | 'submitted' = 'approved') =>
      (
        await supervisor.reports.districtComparison({
          search: w.schoolA1.name,
          basis,
          pageSize: 200,
        })
      ).rows.find((r) => r.studyId === study.id)!;
    expect((await row()).latestMean).toBe('75.00');

    const next = await principal.cycles.create({ studyId: study.id });
    const [teacher] = await testDb.db
      .selectFrom('teachers')
      .select('id')
      .where('school_id', '=', w.schoolA1.id)
      .where('active', '=', true)
      .limit(1)
      .execute();
    const saved = await principal.cycles.upsertObservation({
      cycleId: next.id,
      version: 1,
      teacherId: teacher!.id,
      kind: 'indicators',
      scores: { A1: 4, A2: 4, B1: 4, B2: 4 },
    });
    const draftRow = await row();
    expect(draftRow).toMatchObject({ latestMean: '75.00', latestOrdinal: 0 });
    expect(draftRow.newest?.standing.label?.id).toMatch(
      /^sementara: 1 dari \d+ guru diobservasi, draf, belum diajukan$/,
    );

    const submitted = await principal.cycles.submit({ cycleId: next.id, version: saved.version });
    expect((await row()).latestMean).toBe('75.00');
    expect((await row('submitted')).latestMean).toBe('100.00');
    expect((await row('submitted')).latestStanding?.provisional).toBe(true);

    await supervisor.review.approve({
      cycleId: next.id,
      version: submitted.version,
      confirmLock: true,
    });
    const approvedRow = await row();
    expect(approvedRow).toMatchObject({ latestMean: '100.00', latestOrdinal: 1, newest: null });
    // One teacher of the roster is not the school: the criteria wait for the rest.
    expect(approvedRow.criteriaMet).toBeNull();
    expect(approvedRow.latestStanding?.label?.id).toMatch(/^belum lengkap: 1 dari \d+ guru/);
  });
});

describe('observation dates', () => {
  test('fall within the cycle’s stage dates, with observedOn named', async () => {
    const principal = w.as('principalOwn');
    const { cycle, teachers } = await makeStudyWithCycle(testDb.db, {
      districtId: w.districtA.id,
      schoolId: w.schoolA1.id,
    });
    const dated = await principal.cycles.updateNotes({
      cycleId: cycle.id,
      version: 1,
      planningDate: '2025-08-04',
      reflectionDate: '2025-08-30',
    });
    const early = await failure(
      principal.cycles.upsertObservation({
        cycleId: cycle.id,
        version: dated.version,
        teacherId: teachers[0]!.id,
        kind: 'indicators',
        scores: SCORES,
        observedOn: '2025-08-01',
      }),
    );
    expect(early.code).toBe('BAD_REQUEST');
    expect(early.app.field).toBe('observedOn');
    const ok = await principal.cycles.upsertObservation({
      cycleId: cycle.id,
      version: dated.version,
      teacherId: teachers[0]!.id,
      kind: 'indicators',
      scores: SCORES,
      observedOn: '2025-08-20',
    });
    expect(ok.version).toBe(dated.version + 1);
  });
});
