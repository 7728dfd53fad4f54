import {
  createTestDb,
  makeCycle,
  makeObservation,
  makeSchool,
  makeUser,
  type TestDb,
} from '@siklus/db/testing';
import { TRPCError } from '@trpc/server';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeStudyWithCycle } from '../cycles/pts-fixtures';
import { callerFor } from '../testing/callers';
import { expectOutcome } from '../testing/matrix';
import { makeWorld, type World } from '../testing/world';

/**
 * The roster a school keeps (issue 15): who may keep it (beyond role-matrix.test.ts), one
 * NIP per district, and a deactivated teacher's history.
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

let nipSeq = 0;
/** A fresh 18-digit NIP (birth date, appointment, gender, sequence). */
const nip = () => `19800101200501${1 + (nipSeq % 2)}${String(++nipSeq).padStart(3, '0')}`;

async function errorOf(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const trpc = error as TRPCError;
  const cause = trpc.cause as (Error & { field?: string; messages?: { id: string } }) | undefined;
  return {
    code: trpc.code,
    cause: { field: cause?.field, messages: cause?.messages ?? { id: '' } },
  };
}

describe('scope', () => {
  test('an admin keeps any school of the district: add, edit every field, deactivate', async () => {
    const admin = w.as('admin');
    const t = await admin.teachers.create({
      schoolId: w.schoolA2.id,
      name: 'Nurhayati, S.Pd',
      className: 'PJOK',
      nip: nip(),
      gender: 'P',
    });
    expect(t).toMatchObject({ schoolId: w.schoolA2.id, gender: 'P', active: true });
    const edited = await admin.teachers.update({
      teacherId: t.id,
      name: 'Nurhayati, S.Pd., M.Pd',
      className: 'Guru Kelas 5',
      gender: 'P',
      nip: null,
    });
    expect(edited).toMatchObject({ name: 'Nurhayati, S.Pd., M.Pd', className: 'Guru Kelas 5' });
    expect(edited.nip).toBeNull();
    await admin.teachers.setActive({ teacherId: t.id, active: false });
    const roster = await w.as('principalOther').teachers.list({ schoolId: w.schoolA2.id });
    expect(roster.map((x) => x.id)).not.toContain(t.id);

    // Each change is audited with what it was before and after.
    const log = await admin.audit.list({ schoolId: w.schoolA2.id, action: 'teacher' });
    const mine = log.items.filter((e) => e.entityId === t.id);
    expect(mine.map((e) => e.action).sort()).toEqual([
      'teacher.create',
      'teacher.deactivate',
      'teacher.update',
    ]);
    const update = mine.find((e) => e.action === 'teacher.update')!;
    expect(update.before).toMatchObject({ className: 'PJOK' });
    expect(update.after).toMatchObject({ className: 'Guru Kelas 5', nip: null });
  });

  test('a principal keeps only their own school; a supervisor only reads', async () => {
    const other = await w.as('admin').teachers.create({ schoolId: w.schoolA2.id, name: 'Rudi' });
    await expectOutcome(
      w.as('principalOwn').teachers.update({ teacherId: other.id, name: 'Rudi Hartono' }),
      'FORBIDDEN',
    );
    await expectOutcome(
      w.as('principalOwn').teachers.create({ schoolId: w.schoolA2.id, name: 'Guru Asing' }),
      'FORBIDDEN',
    );
    await expectOutcome(
      w.as('supervisor').teachers.setActive({ teacherId: other.id, active: false }),
      'FORBIDDEN',
    );
    await expectOutcome(
      w.as('adminOther').teachers.update({ teacherId: other.id, name: 'Rudi Hartono' }),
      'NOT_FOUND',
    );
    const after = await w.as('supervisor').teachers.list({ schoolId: w.schoolA2.id });
    expect(after.find((x) => x.id === other.id)).toMatchObject({ name: 'Rudi', active: true });
  });
});

describe('NIP', () => {
  test('is unique within a district, on create and on edit; other districts may repeat it', async () => {
    const shared = nip();
    const first = await w.as('principalOwn').teachers.create({
      schoolId: w.schoolA1.id,
      name: 'Ahmad Fauzi, S.Pd',
      nip: shared,
    });

    // Another school of the same district.
    const clash = await errorOf(
      w.as('admin').teachers.create({ schoolId: w.schoolA2.id, name: 'Ahmad F', nip: shared }),
    );
    expect(clash.code).toBe('CONFLICT');
    expect(clash.cause.field).toBe('nip');
    expect(clash.cause.messages.id).toContain(shared);

    // Editing a teacher onto a taken NIP.
    const second = await w
      .as('principalOther')
      .teachers.create({ schoolId: w.schoolA2.id, name: 'Budi', nip: nip() });
    const onEdit = await errorOf(
      w.as('principalOther').teachers.update({ teacherId: second.id, nip: shared }),
    );
    expect(onEdit.code).toBe('CONFLICT');
    expect(onEdit.cause.field).toBe('nip');
    const unchanged = await w.as('admin').teachers.list({ schoolId: w.schoolA2.id });
    expect(unchanged.find((x) => x.id === second.id)!.nip).not.toBe(shared);

    // A deactivated teacher keeps the NIP: the same person coming back is reactivated.
    await w.as('principalOwn').teachers.setActive({ teacherId: first.id, active: false });
    expect(
      (
        await errorOf(
          w.as('admin').teachers.create({ schoolId: w.schoolA2.id, name: 'X', nip: shared }),
        )
      ).code,
    ).toBe('CONFLICT');

    // District B is another employer's register.
    const elsewhere = await w
      .as('adminOther')
      .teachers.create({ schoolId: w.schoolB1.id, name: 'Ahmad Fauzi', nip: shared });
    expect(elsewhere.nip).toBe(shared);

    // Teachers without a NIP (honorary teachers) are many.
    for (const name of ['Honorer Satu', 'Honorer Dua']) {
      await w.as('principalOwn').teachers.create({ schoolId: w.schoolA1.id, name });
    }
  });
});

describe('deactivation', () => {
  test('keeps past observations and leaves the roster of new cycles', async () => {
    // A school of its own, so the "not yet observed" warning counts only these teachers.
    const school = await makeSchool(testDb.db, { district_id: w.districtA.id });
    const principal = callerFor(
      testDb.db,
      await makeUser(testDb.db, {
        role: 'principal',
        district_id: w.districtA.id,
        school_id: school.id,
      }),
    );
    const { study, cycle, teachers } = await makeStudyWithCycle(testDb.db, {
      districtId: w.districtA.id,
      schoolId: school.id,
      status: 'approved',
      teachers: 2,
    });
    const [leaving, staying] = teachers as [(typeof teachers)[0], (typeof teachers)[0]];
    await makeObservation(testDb.db, {
      cycle_id: cycle.id,
      teacher_id: leaving.id,
      percentage: '62.50',
    });
    await makeObservation(testDb.db, { cycle_id: cycle.id, teacher_id: staying.id });

    await principal.teachers.setActive({ teacherId: leaving.id, active: false });

    // History: the approved cycle and the teacher's trajectory still show the observation.
    const past = await principal.cycles.get({ cycleId: cycle.id });
    expect(past.observations.map((o) => o.teacherId)).toContain(leaving.id);
    expect(past.summary.n).toBe(2);
    const trajectory = await principal.reports.teacherTrajectory({ teacherId: leaving.id });
    expect(JSON.stringify(trajectory)).toContain('62.5');

    // A new cycle: the roster, the template and the completeness check leave them out.
    const next = await makeCycle(testDb.db, { study_id: study.id, ordinal: 1 });
    const roster = await principal.teachers.list({ schoolId: school.id });
    expect(roster.map((t) => t.id)).toEqual([staying.id]);
    const template = await principal.io.importTemplate({ cycleId: next.id, format: 'csv' });
    const csv = Buffer.from(template.contentBase64, 'base64').toString('utf8');
    expect(csv).toContain(staying.name);
    expect(csv).not.toContain(leaving.name);
    const saved = await principal.cycles.upsertObservation({
      cycleId: next.id,
      version: 1,
      teacherId: staying.id,
      kind: 'indicators',
      scores: { A1: 3, A2: 3, B1: 3, B2: 3 },
    });
    const submitted = await principal.cycles.submit({ cycleId: next.id, version: saved.version });
    expect(submitted.warnings).toEqual([]);
  });
});

describe('roster import', () => {
  const b64 = (data: string | ArrayBuffer) =>
    (typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data)).toString('base64');

  test('CSV with semicolons: preview says new, existing and every problem; confirm adds all or nothing', async () => {
    const school = await makeSchool(testDb.db, { district_id: w.districtA.id });
    const admin = w.as('admin');
    const existing = await admin.teachers.create({
      schoolId: school.id,
      name: 'Ismiati, S.Pd',
      nip: nip(),
    });
    const taken = await admin.teachers.create({
      schoolId: w.schoolA2.id,
      name: 'Rudi Hartono',
      nip: nip(),
    });
    const fresh = nip();
    const lines = [
      'Daftar Guru SD Negeri Baru;;;;',
      'No;Nama Lengkap;NIP;Kelas/Mapel;L/P',
      `1;ISMIATI S.Pd.;;Guru Kelas 1;P`, // already on the roster, by name
      `2;Nanin Sudiar, S.Pd;${fresh.slice(0, 8)} ${fresh.slice(8, 14)} ${fresh.slice(14, 15)} ${fresh.slice(15)};Guru Kelas 2;P`,
      '3;Ahmad Fauzi;;PJOK;Laki-laki',
      `4;Rudi H.;${taken.nip};Guru Kelas 4;L`, // NIP of a teacher of school A2
      '5;Siti;12345;Guru Kelas 5;X', // NIP and gender malformed
    ];
    const file = {
      schoolId: school.id,
      fileName: 'guru.csv',
      contentBase64: b64(lines.join('\r\n')),
    };
    const preview = await admin.teachers.previewImport(file);
    expect(preview.headerRow).toBe(2);
    expect(preview.columns.map((c) => [c.key, c.column])).toEqual([
      ['name', 'B'],
      ['nip', 'C'],
      ['className', 'D'],
      ['gender', 'E'],
    ]);
    expect(preview.rows.map((r) => [r.row, r.status])).toEqual([
      [3, 'existing'],
      [4, 'new'],
      [5, 'new'],
      [6, 'problem'],
      [7, 'problem'],
    ]);
    expect(preview.rows[0]!.teacherName).toBe(existing.name);
    expect(preview.rows[1]).toMatchObject({ nip: fresh, gender: 'P', className: 'Guru Kelas 2' });
    expect(preview.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [6, 'C', 'NIP_TAKEN'],
      [7, 'C', 'INVALID_VALUE'],
      [7, 'E', 'INVALID_VALUE'],
    ]);
    expect(preview.problems[0]!.message.id).toContain(w.schoolA2.name);
    expect(preview.ok).toBe(false);
    const refused = await errorOf(admin.teachers.confirmImport(file));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(await admin.teachers.list({ schoolId: school.id })).toHaveLength(1);

    // Fixed: the two bad rows removed. The principal of another school still may not.
    const fixed = { ...file, contentBase64: b64(lines.slice(0, 5).join('\r\n')) };
    await expectOutcome(w.as('principalOwn').teachers.confirmImport(fixed), 'FORBIDDEN');
    const done = await admin.teachers.confirmImport(fixed);
    expect(done.added).toBe(2);
    const roster = await admin.teachers.list({ schoolId: school.id });
    expect(roster.map((t) => [t.name, t.nip, t.className, t.gender, t.sortOrder])).toEqual([
      ['Ismiati, S.Pd', existing.nip, null, null, existing.sortOrder],
      ['Nanin Sudiar, S.Pd', fresh, 'Guru Kelas 2', 'P', existing.sortOrder + 1],
      ['Ahmad Fauzi', null, 'PJOK', 'L', existing.sortOrder + 2],
    ]);
    const log = await admin.audit.list({ schoolId: school.id, action: 'teacher.import' });
    expect(log.items).toHaveLength(1);
    expect(log.items[0]!.after).toMatchObject({ fileName: 'guru.csv', added: 2 });

    // The same file again adds nothing and says so.
    const again = await admin.teachers.previewImport(fixed);
    expect(again.rows.map((r) => r.status)).toEqual(['existing', 'existing', 'existing']);
    expect(again.ok).toBe(false);
  });

  test('XLSX built in the test, read by the principal of the school', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Guru');
    ws.addRow(['Nama Guru', 'NUPTK', 'JK', 'Jabatan']);
    ws.addRow(['Dewi Sri Wahyudiningrat, S.Pd', '1234567890123456', 'P', 'Guru Kelas 6']);
    ws.addRow(['Rahmat', '', 'L', 'Guru PAI']);
    const file = {
      schoolId: w.schoolA1.id,
      fileName: 'guru.xlsx',
      contentBase64: b64(await wb.xlsx.writeBuffer()),
    };
    const p = w.as('principalOwn');
    const preview = await p.teachers.previewImport(file);
    expect(preview.problems).toEqual([]);
    expect(preview.added).toBe(2);
    const done = await p.teachers.confirmImport(file);
    const roster = await p.teachers.list({ schoolId: w.schoolA1.id });
    const added = roster.filter((t) => done.teachers.some((x) => x.id === t.id));
    expect(added.map((t) => [t.name, t.nuptk, t.gender, t.className])).toEqual([
      ['Dewi Sri Wahyudiningrat, S.Pd', '1234567890123456', 'P', 'Guru Kelas 6'],
      ['Rahmat', null, 'L', 'Guru PAI'],
    ]);
  });
});
