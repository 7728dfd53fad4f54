import { AppError, isAppError } from '@siklus/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAppError, withAppErrors } from './errors';
import { jsonb } from './json';
import {
  createTestDb,
  makeBandSetVersion,
  makeCycle,
  makeDistrict,
  makeObservation,
  makeRubricVersion,
  makeSchool,
  makeStudy,
  makeTeacher,
  makeUser,
  type TestDb,
} from './testing';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 60_000);
afterAll(async () => {
  await t?.destroy();
});

/** Runs a write that must fail; returns the AppError it maps to. */
async function rejection(write: () => Promise<unknown>): Promise<AppError> {
  try {
    await withAppErrors(write);
  } catch (err) {
    expect(isAppError(err)).toBe(true);
    const e = err as AppError;
    // Nothing from SQL leaks into what a person reads.
    for (const text of [e.messages.id, e.messages.en]) {
      expect(text).not.toMatch(
        /_key|_fkey|_check|constraint|violat|relation|table|insert|update|select/i,
      );
    }
    return e;
  }
  throw new Error('the write succeeded but should have been rejected');
}

describe('constraints reject bad rows with a message a person can act on', () => {
  it('an NPSN that is not 8 digits', async () => {
    const district = await makeDistrict(t.db);
    const e = await rejection(() =>
      makeSchool(t.db, { district_id: district.id, npsn: '1234567a' }),
    );
    expect(e.code).toBe('BAD_REQUEST');
    expect(e.field).toBe('npsn');
    expect(e.messages.id).toBe('NPSN harus terdiri dari 8 angka');
  });

  it('a duplicate NPSN, naming it', async () => {
    await makeSchool(t.db, { npsn: '12345678' });
    const e = await rejection(() => makeSchool(t.db, { npsn: '12345678' }));
    expect(e.code).toBe('CONFLICT');
    expect(e.field).toBe('npsn');
    expect(e.messages).toEqual({
      id: 'NPSN 12345678 sudah terdaftar',
      en: 'NPSN 12345678 is already registered',
    });
  });

  it('a duplicate cycle ordinal in one study', async () => {
    const cycle = await makeCycle(t.db, { ordinal: 1 });
    const e = await rejection(() => makeCycle(t.db, { study_id: cycle.study_id, ordinal: 1 }));
    expect(e.code).toBe('CONFLICT');
    expect(e.messages.id).toBe('Siklus I sudah ada dalam penelitian ini');
    expect(e.messages.en).toBe('Cycle I already exists in this study');
  });

  it('a second observation of the same teacher in one cycle', async () => {
    const cycle = await makeCycle(t.db);
    const first = await makeObservation(t.db, { cycle_id: cycle.id, percentage: '60.00' });
    const e = await rejection(() =>
      makeObservation(t.db, {
        cycle_id: cycle.id,
        teacher_id: first.teacher_id,
        percentage: '61.00',
      }),
    );
    expect(e.code).toBe('CONFLICT');
    expect(e.field).toBe('teacherId');
    expect(e.messages.en).toMatch(/already has an observation in this cycle/);
  });

  it('a percentage above 100 (and below 0)', async () => {
    const cycle = await makeCycle(t.db);
    for (const percentage of ['100.01', '-0.01']) {
      const e = await rejection(() =>
        makeObservation(t.db, { cycle_id: cycle.id, percentage, band: 'Sangat Baik' }),
      );
      expect(e.code).toBe('BAD_REQUEST');
      expect(e.field).toBe('percentage');
      expect(e.messages.id).toBe('Persentase harus antara 0 dan 100');
    }
  });

  it('a principal without a school, and a supervisor with one', async () => {
    const school = await makeSchool(t.db);
    const principal = await rejection(() =>
      t.db
        .insertInto('users')
        .values({
          district_id: school.district_id,
          username: 'kepsek.tanpa.sekolah',
          full_name: 'Kepala Sekolah',
          password_hash: 'x',
          role: 'principal',
        })
        .execute(),
    );
    expect(principal.code).toBe('BAD_REQUEST');
    expect(principal.field).toBe('schoolId');
    expect(principal.messages.en).toMatch(/principal must be linked to a school/);
    await rejection(() =>
      makeUser(t.db, { role: 'supervisor', district_id: school.district_id, school_id: school.id }),
    );
  });

  it('a duplicate username or email', async () => {
    await makeUser(t.db, { username: 'pengawas.satu', email: 'Satu@example.id' });
    const byName = await rejection(() => makeUser(t.db, { username: 'pengawas.satu' }));
    expect(byName.messages.en).toBe('The username pengawas.satu is already taken');
    const byEmail = await rejection(() => makeUser(t.db, { email: 'satu@EXAMPLE.id' }));
    expect(byEmail.code).toBe('CONFLICT');
    expect(byEmail.field).toBe('email');
    const upper = await rejection(() => makeUser(t.db, { username: 'Pengawas' }));
    expect(upper.field).toBe('username');
  });

  it('rows that point across districts', async () => {
    const a = await makeSchool(t.db);
    const b = await makeSchool(t.db);
    // A teacher of district B's school written as district A's.
    const teacher = await rejection(() =>
      makeTeacher(t.db, { district_id: a.district_id, school_id: b.id }),
    );
    expect(teacher.field).toBe('schoolId');
    expect(teacher.messages.en).toBe('The school was not found in this district');

    // An observation in district A's cycle of a teacher from district B.
    const cycle = await makeCycle(t.db, { district_id: a.district_id });
    const outsider = await makeTeacher(t.db, { school_id: b.id, district_id: b.district_id });
    const obs = await rejection(() =>
      makeObservation(t.db, { cycle_id: cycle.id, teacher_id: outsider.id, percentage: '50.00' }),
    );
    expect(obs.code).toBe('BAD_REQUEST');
    expect(obs.field).toBe('teacherId');
    expect(obs.messages.id).toBe('Guru tidak ditemukan di kabupaten ini');

    // A study of district A fixed with district B's rubric version.
    const foreignRubric = await makeRubricVersion(t.db, { district_id: b.district_id });
    const study = await rejection(() =>
      makeStudy(t.db, {
        school_id: a.id,
        district_id: a.district_id,
        rubric_version_id: foreignRubric.id,
      }),
    );
    expect(study.field).toBe('rubricVersionId');
  });

  it('a change to a published version, while drafts stay editable', async () => {
    const published = await makeBandSetVersion(t.db);
    const update = await rejection(() =>
      t.db
        .updateTable('band_set_versions')
        .set({ bands: jsonb({ bands: [{ from: '0.00', label: 'Semua' }] }) })
        .where('id', '=', published.id)
        .execute(),
    );
    expect(update.code).toBe('CONFLICT');
    expect(update.messages.en).toBe(
      'A published version cannot be changed or deleted; create a new version instead',
    );
    const del = await rejection(() =>
      t.db.deleteFrom('band_set_versions').where('id', '=', published.id).execute(),
    );
    expect(del.code).toBe('CONFLICT');

    const rubric = await makeRubricVersion(t.db, { status: 'published' });
    await rejection(() =>
      t.db
        .updateTable('rubric_versions')
        .set({ status: 'draft', published_at: null })
        .where('id', '=', rubric.id)
        .execute(),
    );

    const draft = await makeRubricVersion(t.db, { status: 'draft' });
    await t.db
      .updateTable('rubric_versions')
      .set({
        definition: jsonb({ mode: 'summary' as const }),
        status: 'published',
        published_at: new Date(),
      })
      .where('id', '=', draft.id)
      .execute();
    await rejection(() => t.db.deleteFrom('rubric_versions').where('id', '=', draft.id).execute());
  });

  it('a returned cycle without a comment, a bad school year, a score that is both n/a and set', async () => {
    const cycle = await makeCycle(t.db);
    const returned = await rejection(() =>
      t.db
        .updateTable('cycles')
        .set({ status: 'returned', review_comment: ' ' })
        .where('id', '=', cycle.id)
        .execute(),
    );
    expect(returned.field).toBe('comment');

    const year = await rejection(() => makeStudy(t.db, { school_year: '2024/2026' }));
    expect(year.field).toBe('schoolYear');

    const obs = await makeObservation(t.db, { cycle_id: cycle.id, percentage: '50.00' });
    const score = await rejection(() =>
      t.db
        .insertInto('indicator_scores')
        .values({
          district_id: obs.district_id,
          observation_id: obs.id,
          indicator_key: 'A1',
          score: 3,
          not_applicable: true,
        })
        .execute(),
    );
    expect(score.field).toBe('scores');
  });

  it('a teacher with observations cannot be deleted', async () => {
    const obs = await makeObservation(t.db, {
      cycle_id: (await makeCycle(t.db)).id,
      percentage: '50.00',
    });
    const e = await rejection(() =>
      t.db.deleteFrom('teachers').where('id', '=', obs.teacher_id).execute(),
    );
    expect(e.code).toBe('CONFLICT');
    expect(e.messages.en).toMatch(/deactivate the teacher/);
  });
});

describe('toAppError', () => {
  it('passes an AppError through and hides anything unknown behind INTERNAL', () => {
    const own = new AppError('FORBIDDEN', { id: 'x', en: 'y' });
    expect(toAppError(own)).toBe(own);
    const internal = toAppError(new Error('select * from secrets'));
    expect(internal.code).toBe('INTERNAL');
    expect(internal.message).not.toMatch(/secrets/);
  });

  it('maps a serialization failure to a retryable CONFLICT', () => {
    const e = toAppError({
      code: '40001',
      severity: 'ERROR',
      message: 'could not serialize access',
    });
    expect(e.code).toBe('CONFLICT');
    expect(e.messages.en).toMatch(/try again/);
  });
});
