import { type DB, seed, upsertObservation } from '@siklus/db';
import {
  createTestDb,
  makeBandSetVersion,
  makeCriteriaVersion,
  makeCycle,
  makeRubricVersion,
  makeStudy,
  makeTeacher,
  type TestDb,
} from '@siklus/db/testing';
import {
  classify,
  PTS_DEFAULT_BANDS,
  scoreObservation,
  type TIndicatorScore,
  type TRubricDefinition,
} from '@siklus/domain';
import { TRPCError } from '@trpc/server';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callerFor } from '../testing/callers';
import { makeWorld, type World } from '../testing/world';
import { craftJump } from './crafted';
import { districtSignals } from './signals';

let testDb: TestDb;
let w: World;
let demoDistrictId: string;

beforeAll(async () => {
  testDb = await createTestDb();
  demoDistrictId = (await seed(testDb.db)).districtId;
  w = await makeWorld(testDb.db);
}, 120_000);
afterAll(async () => {
  await testDb?.destroy();
});

async function code(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'expected the call to fail').toBeInstanceOf(TRPCError);
  return (error as TRPCError).code;
}

describe('the demo district’s honest data', () => {
  test('raises nothing on the synthetic schools; the published paper raises its one real slip', async () => {
    const started = performance.now();
    const { signals } = await districtSignals(testDb.db, demoDistrictId);
    const ms = performance.now() - started;
    // The seed: 30 schools with studies, 612 sheets, 75 cycles, 293 stage notes with a
    // near copy elsewhere (all one template). The 29 generated schools raise nothing. SD
    // Negeri Lulut 2 is the real published PTS: its Siklus II prints a mean of 65.05 for
    // data whose mean is 65.08, true of the paper. Its 18 typed percentages end in 0 or 5
    // seventeen times (35.75, 37.40, 40.50, ...), but as one-decimal figures and their
    // halves, none of them round: heaping stays silent (it used to fire here).
    expect(signals.map((s) => [s.kind, s.schoolName])).toEqual([
      ['printed-mismatch', 'SD Negeri Lulut 2'],
    ]);
    expect(signals[0]!.message.id).toContain(
      'Rata-rata tercetak 65,05 berbeda dari hasil hitung 65,08',
    );
    // Recorded for the closing note (PGlite, in memory, one test worker).
    console.info(`integrity signals of the demo district: ${ms.toFixed(0)} ms`);
  });
});

// ---------------------------------------------------------------------------------------
// Crafted cases, in district A of the world

const scale = {
  min: 1,
  max: 4,
  levels: [1, 2, 3, 4].map((value) => ({ value, label: String(value) })),
};
const TEN: TRubricDefinition = {
  mode: 'indicators',
  aspects: [
    {
      key: 'A',
      title: 'Pembelajaran kolaboratif',
      indicators: Array.from({ length: 10 }, (_, i) => ({
        key: `K${String(i + 1).padStart(2, '0')}`,
        text: `Indikator ${i + 1}`,
        scale,
      })),
    },
  ],
};
const KEYS = TEN.mode === 'indicators' ? TEN.aspects[0]!.indicators.map((i) => i.key) : [];
const vector = (...scores: number[]) =>
  Object.fromEntries(KEYS.map((k, i) => [k, scores[i]!])) as Record<string, TIndicatorScore>;

/** District A's published ten-indicator configuration, made once (schools share it). */
let config: Promise<{ rubric: { id: string }; bandSet: { id: string }; criteria: { id: string } }>;
function tenConfig(db: Kysely<DB>) {
  const scope = { district_id: w.districtA.id };
  config ??= (async () => ({
    rubric: await makeRubricVersion(db, { ...scope, definition: TEN }),
    bandSet: await makeBandSetVersion(db, scope),
    criteria: await makeCriteriaVersion(db, scope),
  }))();
  return config;
}

/** A cycle 0 of `schoolId` on the ten-indicator rubric, with `sheets` scored. */
async function cycleWithSheets(
  db: Kysely<DB>,
  schoolId: string,
  sheets: Record<string, TIndicatorScore>[],
  notes: Partial<{ reflection_notes: string }> = {},
) {
  const scope = { district_id: w.districtA.id };
  const { rubric, bandSet, criteria } = await tenConfig(db);
  const study = await makeStudy(db, {
    ...scope,
    school_id: schoolId,
    rubric_version_id: rubric.id,
    band_set_version_id: bandSet.id,
    criteria_set_version_id: criteria.id,
  });
  const cycle = await makeCycle(db, { study_id: study.id, ordinal: 0, ...notes });
  for (const scores of sheets) {
    const teacher = await makeTeacher(db, { ...scope, school_id: schoolId });
    const { percentage } = scoreObservation(TEN, { kind: 'indicators', scores });
    await upsertObservation(db, {
      districtId: w.districtA.id,
      cycleId: cycle.id,
      teacherId: teacher.id,
      observerId: null,
      observedOn: null,
      notes: null,
      percentage,
      band: classify(PTS_DEFAULT_BANDS, percentage).label,
      scores,
    });
  }
  return cycle;
}

describe('each signal fires on a crafted case', () => {
  test('identical score vectors for teachers in different schools', async () => {
    const copied = vector(4, 3, 2, 4, 1, 3, 2, 4, 3, 1);
    const a = await cycleWithSheets(testDb.db, w.schoolA1.id, [
      copied,
      vector(3, 3, 3, 2, 3, 3, 2, 3, 3, 3),
    ]);
    await cycleWithSheets(testDb.db, w.schoolA2.id, [copied]);
    const { signals } = await w.as('supervisor').integrity.district({});
    const found = signals.filter((s) => s.kind === 'identical-vector');
    expect(found.map((s) => s.schoolId).sort()).toEqual([w.schoolA1.id, w.schoolA2.id].sort());
    expect(found.find((s) => s.schoolId === w.schoolA1.id)?.cycleId).toBe(a.id);
    expect(found[0]!.message.id).toContain('4,3,2,4,1,3,2,4,3,1');
  });

  test('half a cycle of sheets with every indicator at the same score', async () => {
    const flat = vector(3, 3, 3, 3, 3, 3, 3, 3, 3, 3);
    const cycle = await cycleWithSheets(testDb.db, w.schoolA1.id, [
      flat,
      flat,
      flat,
      vector(2, 3, 3, 4, 3, 2, 3, 3, 2, 3),
    ]);
    const { signals } = await w.as('supervisor').integrity.district({});
    const found = signals.find((s) => s.kind === 'flat-sheet' && s.cycleId === cycle.id);
    expect(found?.figures).toEqual({ flatSheets: '3', sheets: '4', share: '75.00' });
  });

  test('a jump of more than the threshold, which the admin sets', async () => {
    const { key } = await craftJump(testDb.db, {
      districtId: w.districtA.id,
      schoolId: w.schoolA2.id,
    });
    const keys = async () =>
      (await w.as('supervisor').integrity.district({})).signals.map((s) => s.key);
    expect(await keys()).toContain(key);
    await w.as('admin').integrity.updateSettings({ jumpPoints: '60' });
    expect(await keys()).not.toContain(key);
    await w.as('admin').integrity.updateSettings({ jumpPoints: '35' });
    expect(await keys()).toContain(key);
  });

  test('printed figures that differ from the computed ones', async () => {
    const cycle = await cycleWithSheets(testDb.db, w.schoolA2.id, [
      vector(3, 3, 2, 3, 3, 3, 2, 3, 3, 3),
    ]);
    await testDb.db
      .updateTable('cycles')
      .set({ printed_mean: '80.00' })
      .where('id', '=', cycle.id)
      .execute();
    const { signals } = await w.as('supervisor').integrity.district({});
    const found = signals.find((s) => s.kind === 'printed-mismatch' && s.cycleId === cycle.id);
    expect(found?.message.id).toBe(
      'Rata-rata tercetak 80,00 berbeda dari hasil hitung 70,00. Perlu dicek.',
    );
  });

  test('stage notes that are near copies of another school’s (pg_trgm)', async () => {
    const note =
      'Guru kelas 4 dan kelas 5 sudah memakai lembar kerja kelompok bergambar peta desa Lulut, tetapi waktu presentasi kelompok masih molor sepuluh menit.';
    const a = await cycleWithSheets(testDb.db, w.schoolA1.id, [], { reflection_notes: note });
    await cycleWithSheets(testDb.db, w.schoolA2.id, [], {
      reflection_notes: note.replace('sepuluh', 'lima belas'),
    });
    const { signals } = await w.as('supervisor').integrity.district({});
    const found = signals.find((s) => s.kind === 'near-copy-notes' && s.cycleId === a.id);
    expect(found?.schoolId).toBe(w.schoolA1.id);
    expect(found?.message.id).toMatch(
      /^Catatan refleksi \d+,\d\d% mirip \(trigram\) dengan catatan /,
    );
  });
});

describe('narrative claims, on a crafted case', () => {
  test('notes claiming a band the teachers did not reach, and a mean other than the computed one', async () => {
    // Two sheets: 70.00 (Cukup) and 72.50 (Baik); mean 71.25.
    const cycle = await cycleWithSheets(
      testDb.db,
      w.schoolA2.id,
      [vector(3, 3, 2, 3, 3, 3, 2, 3, 3, 3), vector(3, 3, 3, 3, 3, 3, 2, 3, 3, 3)],
      { reflection_notes: 'Guru 1-2 mencapai kategori Baik. Rata-rata capaian guru 75,05.' },
    );
    const { signals } = await w.as('supervisor').integrity.district({});
    const found = signals.filter((s) => s.kind === 'narrative-claim' && s.cycleId === cycle.id);
    expect(found).toHaveLength(1);
    expect(found[0]!.figures).toEqual({ claims: '2', mean: '71.25' });
    expect(found[0]!.message.id).toMatch(
      /^Kondisi Awal: Catatan refleksi: Catatan menyebut "Guru 1-2 mencapai kategori Baik", tetapi data siklus ini: .* Cukup \(70,00\)\. Perlu dicek\./,
    );
    expect(found[0]!.message.id).toContain('rata-rata yang dihitung dari skor adalah 71,25');
    // School A2's principal sees it; school A1's does not, and cannot ask for A2's.
    const here = await w.as('principalOther').integrity.school({ schoolId: w.schoolA2.id });
    expect(here.signals.some((s) => s.key === found[0]!.key)).toBe(true);
    expect(await code(w.as('principalOwn').integrity.school({ schoolId: w.schoolA2.id }))).toBe(
      'FORBIDDEN',
    );
  });

  test('stays silent when the notes agree with the data', async () => {
    const cycle = await cycleWithSheets(
      testDb.db,
      w.schoolA2.id,
      [vector(3, 3, 2, 3, 3, 3, 2, 3, 3, 3)],
      { reflection_notes: 'Guru 1 mencapai kategori Cukup dengan rata-rata 70,00.' },
    );
    const { signals } = await w.as('supervisor').integrity.district({});
    expect(signals.some((s) => s.kind === 'narrative-claim' && s.cycleId === cycle.id)).toBe(false);
  });
});

describe('heaping, on a crafted case', () => {
  test('typed percentages far rounder than their own precision allows', async () => {
    const scope = { district_id: w.districtA.id };
    const summary = await makeRubricVersion(testDb.db, {
      ...scope,
      definition: { mode: 'summary' },
    });
    const { bandSet, criteria } = await tenConfig(testDb.db);
    const study = await makeStudy(testDb.db, {
      ...scope,
      school_id: w.schoolA2.id,
      rubric_version_id: summary.id,
      band_set_version_id: bandSet.id,
      criteria_set_version_id: criteria.id,
    });
    const cycle = await makeCycle(testDb.db, { study_id: study.id, ordinal: 0 });
    const typed = [
      '70.00',
      '75.00',
      '80.00',
      '65.00',
      '60.00',
      '85.00',
      '72.50',
      '90.00',
      '55.00',
      '68.00',
      '77.13',
    ];
    for (const percentage of typed) {
      const teacher = await makeTeacher(testDb.db, { ...scope, school_id: w.schoolA2.id });
      await upsertObservation(testDb.db, {
        districtId: w.districtA.id,
        cycleId: cycle.id,
        teacherId: teacher.id,
        observerId: null,
        observedOn: null,
        notes: null,
        percentage,
        band: classify(PTS_DEFAULT_BANDS, percentage).label,
        scores: {},
      });
    }
    const { signals } = await w.as('supervisor').integrity.school({ schoolId: w.schoolA2.id });
    const found = signals.find((s) => s.kind === 'heaping' && s.studyId === study.id);
    // All but 77.13 sit on halves, where one value in ten is a multiple of 5; 8 of 11 are.
    expect(found?.figures).toMatchObject({ values: '11', multiplesOf5: '8', gridStep: '0.5' });
  });
});

describe('scope and dismissal', () => {
  test('a principal sees their own school’s signals and never another school’s', async () => {
    await craftJump(testDb.db, { districtId: w.districtA.id, schoolId: w.schoolA1.id });
    const own = await w.as('principalOwn').integrity.school({ schoolId: w.schoolA1.id });
    expect(own.signals.length).toBeGreaterThan(0);
    expect(own.signals.every((s) => s.schoolId === w.schoolA1.id)).toBe(true);
    expect(await code(w.as('principalOwn').integrity.school({ schoolId: w.schoolA2.id }))).toBe(
      'FORBIDDEN',
    );
    expect(await code(w.as('principalOwn').integrity.district({}))).toBe('FORBIDDEN');
    const principalB = callerFor(testDb.db, w.principalB);
    expect(await code(principalB.integrity.school({ schoolId: w.schoolA1.id }))).toBe('NOT_FOUND');
    // Another district's supervisor sees none of district A's signals.
    const other = await w.as('supervisorOther').integrity.district({ includeDismissed: true });
    expect(other.signals.some((s) => [w.schoolA1.id, w.schoolA2.id].includes(s.schoolId))).toBe(
      false,
    );
  });

  test('a supervisor dismisses a signal with a reason: hidden, kept, audited, once', async () => {
    const { key } = await craftJump(testDb.db, {
      districtId: w.districtA.id,
      schoolId: w.schoolA1.id,
    });
    const supervisor = w.as('supervisor');
    const input = {
      schoolId: w.schoolA1.id,
      signalKey: key,
      reason: 'Guru baru kembali dari cuti.',
    };
    await supervisor.integrity.dismiss(input);
    expect((await supervisor.integrity.district({})).signals.map((s) => s.key)).not.toContain(key);
    const all = await supervisor.integrity.district({ includeDismissed: true });
    expect(all.signals.find((s) => s.key === key)?.dismissal?.reason).toBe(input.reason);
    const audit = await testDb.db
      .selectFrom('audit_log')
      .select(['reason', 'user_id'])
      .where('action', '=', 'integrity.dismiss')
      .where('entity_id', '=', key)
      .execute();
    expect(audit).toEqual([{ reason: input.reason, user_id: w.users.supervisor.id }]);
    expect(await code(supervisor.integrity.dismiss(input))).toBe('CONFLICT');
    expect(
      await code(supervisor.integrity.dismiss({ ...input, signalKey: 'jump:nothing:here' })),
    ).toBe('NOT_FOUND');
    // The key must belong to the school named.
    expect(await code(supervisor.integrity.dismiss({ ...input, schoolId: w.schoolA2.id }))).toBe(
      'NOT_FOUND',
    );
  });

  test('a dismissal needs a reason', async () => {
    expect(
      await code(
        w.as('supervisor').integrity.dismiss({
          schoolId: w.schoolA1.id,
          signalKey: 'x',
          reason: '  ',
        }),
      ),
    ).toBe('BAD_REQUEST');
  });
});
