import {
  createTestDb,
  makeBandSetVersion,
  makeCriteriaVersion,
  makeCycle,
  makeRubricVersion,
  makeSchool,
  makeStudy,
  makeTeacher,
  makeUser,
  type TestDb,
} from '@siklus/db/testing';
import type { AppError } from '@siklus/domain';
import { LULUT_2 } from '@siklus/domain/fixtures';
import { TRPCError } from '@trpc/server';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_RUBRIC } from '../cycles/pts-fixtures';
import { callerFor } from '../testing/callers';
import { makeWorld, type World } from '../testing/world';

/** The means Siklus must compute from the paper's scores (it prints 65.05 for 65.075). */
const COMPUTED_MEANS = ['42.29', '53.48', '65.08'];

let testDb: TestDb;
let w: World;

beforeAll(async () => {
  testDb = await createTestDb();
  w = await makeWorld(testDb.db);
});
afterAll(async () => {
  await testDb?.destroy();
});

const b64 = (data: string | Uint8Array | ArrayBuffer) =>
  Buffer.from(typeof data === 'string' ? Buffer.from(data, 'utf8') : new Uint8Array(data)).toString(
    'base64',
  );

async function failure(call: Promise<unknown>): Promise<{ code: string; app: AppError }> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'expected the call to fail').toBeInstanceOf(TRPCError);
  return { code: (error as TRPCError).code, app: (error as TRPCError).cause as AppError };
}

/** A school of district A with its own principal, roster and a study on `definition`. */
async function school(opts: {
  definition?: typeof TEST_RUBRIC | { mode: 'summary' };
  teachers: string[];
}) {
  const db = testDb.db;
  const s = await makeSchool(db, {
    district_id: w.districtA.id,
    name: `SD Negeri Impor ${Date.now()}`,
  });
  const principal = await makeUser(db, {
    role: 'principal',
    district_id: w.districtA.id,
    school_id: s.id,
  });
  const scope = { district_id: w.districtA.id };
  const teachers = [];
  for (const [i, name] of opts.teachers.entries()) {
    teachers.push(await makeTeacher(db, { ...scope, school_id: s.id, name, sort_order: i + 1 }));
  }
  const study = await makeStudy(db, {
    ...scope,
    school_id: s.id,
    rubric_version_id: (
      await makeRubricVersion(db, { ...scope, definition: opts.definition ?? { mode: 'summary' } })
    ).id,
    band_set_version_id: (await makeBandSetVersion(db, scope)).id,
    criteria_set_version_id: (await makeCriteriaVersion(db, scope)).id,
    focus: LULUT_2.study.focus,
  });
  const cycle = await makeCycle(db, { study_id: study.id, ordinal: 0 });
  return { school: s, principal, teachers, study, cycle, api: callerFor(db, principal) };
}

async function cycleState(cycleId: string) {
  const { rows } = await sql<{ n: number; version: number }>`
    select (select count(*)::int from observations where cycle_id = ${cycleId}) as n,
           (select version from cycles where id = ${cycleId}) as version`.execute(testDb.db);
  return rows[0]!;
}

/** The paper's Tables 1-3 as one workbook, one sheet per table, the way a principal keeps them. */
async function lulutWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  LULUT_2.cycles.forEach((cycle, c) => {
    const ws = wb.addWorksheet(cycle.label);
    ws.addRow([
      `Tabel ${c + 1}. Kemampuan Guru dalam Pembelajaran Kolaboratif pada ${cycle.label}`,
    ]);
    ws.addRow([]);
    ws.addRow(['No', 'Nama Guru', 'Persentase', 'Kategori']);
    LULUT_2.teachers.forEach((t, i) => {
      // Siklus I is typed as text with Indonesian commas; the others are numeric cells.
      const value = c === 1 ? cycle.scores[i]!.replace('.', ',') : Number(cycle.scores[i]);
      ws.addRow([i + 1, t.name, value, cycle.criteria[i]]);
    });
    ws.addRow(['Rata-rata', '', Number(cycle.reportedMean), '']);
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('the fixture round trip', () => {
  test('the paper’s three tables as a spreadsheet reproduce its figures in a summary-mode study', async () => {
    const made = await school({ teachers: LULUT_2.teachers.map((t) => t.name) });
    const file = b64(await lulutWorkbook());
    let cycleId = made.cycle.id;
    for (const [c, cycle] of LULUT_2.cycles.entries()) {
      const preview = await made.api.io.previewImport({
        cycleId,
        fileName: 'PTS Lulut 2.xlsx',
        contentBase64: file,
      });
      expect(preview.sheetName).toBe(cycle.label);
      expect(preview.problems).toEqual([]);
      expect(preview.ok).toBe(true);
      expect(preview.rows.map((r) => [r.teacherName, r.percentage, r.band])).toEqual(
        LULUT_2.teachers.map((t, i) => [t.name, cycle.scores[i], cycle.criteria[i]]),
      );
      expect(preview.summary.mean).toBe(COMPUTED_MEANS[c]);
      const done = await made.api.io.confirmImport({
        cycleId,
        version: preview.cycle.version,
        fileName: 'PTS Lulut 2.xlsx',
        contentBase64: file,
      });
      expect(done).toMatchObject({ version: preview.cycle.version + 1, imported: 6 });
      const submitted = await made.api.cycles.submit({ cycleId, version: done.version });
      expect(submitted.status).toBe('submitted');
      // A cycle is submitted only once the one before it is reviewed (issue 14).
      await w.as('supervisor').review.approve({
        cycleId,
        version: submitted.version,
        confirmLock: true,
      });
      if (c < LULUT_2.cycles.length - 1)
        cycleId = (await made.api.cycles.create({ studyId: made.study.id })).id;
    }
    const detail = await made.api.reports.schoolDetail({ studyId: made.study.id });
    expect(detail.cycles.map((c) => c.summary.mean)).toEqual(['42.29', '53.48', '65.08']);
    expect(detail.teachers.map((t) => t.cells.map((x) => x?.percentage))).toEqual(
      LULUT_2.teachers.map((_, i) => LULUT_2.cycles.map((c) => c.scores[i])),
    );
    expect(detail.teachers.map((t) => t.cells.map((x) => x?.band))).toEqual(
      LULUT_2.teachers.map((_, i) => LULUT_2.cycles.map((c) => c.criteria[i])),
    );
  });
});

describe('problems, by row and column, and nothing written', () => {
  test('a summary sheet with one error of each kind', async () => {
    const made = await school({
      teachers: [
        'Ismiati, S.Pd',
        'Nanin Sudiar, S.Pd',
        'Lisda, S.Pd',
        'Selviani Ayu S.Pd',
        'Anisha Dwi Lestari, S.Pd',
      ],
    });
    const csv = [
      'No;Nama Guru;Persentase;Kategori',
      '1;ISMIATI  S.Pd.;35,75;Kurang', // fine: case, spacing and titles forgiven
      '2;Budi Santoso, S.Pd;40,00;Kurang', // unknown teacher
      '3;Nanin Sudiar, S.Pd;120;', // off the scale
      '4;Lisda, S.Pd;;', // missing value
      '5;ismiati, s.pd;50,00;', // duplicate of row 2
      '6;Selviani Ayu, S.Pd;tiga puluh;', // not a number
      '7;Anisha Dwi Lestari, S.Pd;35,755;', // more than two decimals
      'Rata-rata;;45,00;', // the footer is not a teacher
    ].join('\r\n');
    const preview = await made.api.io.previewImport({
      cycleId: made.cycle.id,
      fileName: 'lembar.csv',
      contentBase64: b64(csv),
    });
    expect(preview.ok).toBe(false);
    expect(preview.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'B', 'UNKNOWN_TEACHER'],
      [4, 'C', 'OFF_SCALE'],
      [5, 'C', 'MISSING_VALUE'],
      [6, 'B', 'DUPLICATE_TEACHER'],
      [7, 'C', 'NOT_A_NUMBER'],
      [8, 'C', 'TOO_MANY_DECIMALS'],
    ]);
    expect(preview.problems[3]!.message).toEqual({
      id: 'Ismiati, S.Pd sudah ada pada baris 2; setiap guru hanya satu baris.',
      en: 'Ismiati, S.Pd is already on row 2; one row per teacher.',
    });
    expect(preview.rows[0]).toMatchObject({
      row: 2,
      teacherName: 'Ismiati, S.Pd',
      percentage: '35.75',
      band: 'Kurang',
    });
    expect(preview.rows).toHaveLength(7);

    const refused = await failure(
      made.api.io.confirmImport({
        cycleId: made.cycle.id,
        version: 1,
        fileName: 'lembar.csv',
        contentBase64: b64(csv),
      }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.app.messages.id).toMatch(/6 masalah; tidak ada yang disimpan/);
    expect(await cycleState(made.cycle.id)).toEqual({ n: 0, version: 1 });
  });

  test('an indicator sheet: off-scale, non-numeric and missing scores; "na" and a NIP match', async () => {
    const made = await school({
      definition: TEST_RUBRIC,
      teachers: ['Ismiati, S.Pd', 'Lisda, S.Pd', 'Dewi Sri, S.Pd'],
    });
    await testDb.db
      .updateTable('teachers')
      .set({ nip: '198001012005012001' })
      .where('id', '=', made.teachers[2]!.id)
      .execute();
    const csv = [
      'Nama Guru,NIP,A1 - Merumuskan tujuan (1-4),A2,B1,B2',
      'Ismiati,,3,4,2,3', // 12/16 = 75.00
      'Lisda,,5,x,2,', // off the scale, not a number, missing
      'Siapa Saja,"19800101 200501 2 001",4,na,4,4', // matched by NIP; na leaves A2 out: 12/12
    ].join('\n');
    const preview = await made.api.io.previewImport({
      cycleId: made.cycle.id,
      fileName: 'skor.csv',
      contentBase64: b64(csv),
    });
    expect(preview.columns.map((c) => c.key)).toEqual(['name', 'nip', 'A1', 'A2', 'B1', 'B2']);
    expect(preview.problems.map((p) => [p.row, p.column, p.header, p.code])).toEqual([
      [3, 'C', 'A1 - Merumuskan tujuan (1-4)', 'OFF_SCALE'],
      [3, 'D', 'A2', 'NOT_A_NUMBER'],
      [3, 'F', 'B2', 'MISSING_VALUE'],
    ]);
    expect(preview.rows.map((r) => [r.teacherName, r.matchedBy, r.percentage, r.band])).toEqual([
      ['Ismiati, S.Pd', 'name', '75.00', 'Baik'],
      ['Lisda, S.Pd', 'name', null, null],
      ['Dewi Sri, S.Pd', 'nip', '100.00', 'Sangat Baik'],
    ]);
    expect(
      (
        await failure(
          made.api.io.confirmImport({
            cycleId: made.cycle.id,
            version: 1,
            fileName: 'skor.csv',
            contentBase64: b64(csv),
          }),
        )
      ).code,
    ).toBe('BAD_REQUEST');
    expect(await cycleState(made.cycle.id)).toEqual({ n: 0, version: 1 });
  });

  test('a sheet without the columns it needs says which', async () => {
    const made = await school({ definition: TEST_RUBRIC, teachers: ['Ismiati, S.Pd'] });
    const preview = await made.api.io.previewImport({
      cycleId: made.cycle.id,
      fileName: 'x.csv',
      contentBase64: b64('Nama Guru;A1;A2\nIsmiati;3;3\n'),
    });
    expect(preview.problems.map((p) => [p.row, p.header, p.code])).toEqual([
      [1, 'B1', 'MISSING_COLUMN'],
      [1, 'B2', 'MISSING_COLUMN'],
    ]);
    const none = await made.api.io.previewImport({
      cycleId: made.cycle.id,
      fileName: 'x.csv',
      contentBase64: b64('a;b\n1;2\n'),
    });
    expect(none.problems.map((p) => p.code)).toEqual(['NO_HEADER']);
  });
});

describe('decimal commas', () => {
  test.each([
    [
      'semicolons and commas (Indonesian Excel)',
      'No;Nama Guru;Persentase\r\n1;Ismiati, S.Pd;35,75\r\n2;Lisda, S.Pd;52,285\r\n',
    ],
    [
      'commas with a quoted decimal comma',
      'No,Nama Guru,Persentase\n1,"Ismiati, S.Pd","35,75"\n2,"Lisda, S.Pd",52.29\n',
    ],
    [
      'tabs and a percent sign',
      'No\tNama Guru\tPersentase\n1\tIsmiati, S.Pd\t35,75 %\n2\tLisda, S.Pd\t52,29\n',
    ],
  ])('%s', async (_name, csv) => {
    const made = await school({ teachers: ['Ismiati, S.Pd', 'Lisda, S.Pd'] });
    const preview = await made.api.io.previewImport({
      cycleId: made.cycle.id,
      fileName: 'a.csv',
      contentBase64: b64(csv),
    });
    const first = preview.rows[0]!;
    expect([first.teacherName, first.percentage, first.band]).toEqual([
      'Ismiati, S.Pd',
      '35.75',
      'Kurang',
    ]);
    if (csv.includes('52,285')) {
      expect(preview.problems.map((p) => [p.row, p.code])).toEqual([[3, 'TOO_MANY_DECIMALS']]);
    } else {
      expect(preview.problems).toEqual([]);
      expect(preview.summary.mean).toBe('44.02'); // (35.75 + 52.29) / 2 = 44.02
    }
  });

  test('an XLSX with a percent-formatted cell and a text "35,75"', async () => {
    const made = await school({ teachers: ['Ismiati, S.Pd', 'Lisda, S.Pd'] });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Lembar');
    ws.addRow(['Nama Guru', 'Persentase']);
    ws.addRow(['Ismiati, S.Pd', '35,75']);
    ws.addRow(['Lisda, S.Pd', 0.5229]).getCell(2).numFmt = '0.00%';
    const preview = await made.api.io.previewImport({
      cycleId: made.cycle.id,
      fileName: 'a.xlsx',
      contentBase64: b64(await wb.xlsx.writeBuffer()),
    });
    expect(preview.problems).toEqual([]);
    expect(preview.rows.map((r) => r.percentage)).toEqual(['35.75', '52.29']);
  });
});

describe('writes', () => {
  test('a 2,000-row file imports in one transaction, bumping the version once', async () => {
    const db = testDb.db;
    const made = await school({ teachers: [] });
    const values = Array.from({ length: 2000 }, (_, i) => ({
      district_id: w.districtA.id,
      school_id: made.school.id,
      name: `Guru Massal ${i + 1}, S.Pd`,
      sort_order: i + 1,
    }));
    // The factory, 2,000 times, in one transaction so the roster is ready in seconds.
    await db.transaction().execute(async (tx) => {
      for (const v of values) await makeTeacher(tx, v);
    });
    const lines = ['No;Nama Guru;Persentase'];
    for (let i = 0; i < 2000; i++)
      lines.push(
        `${i + 1};Guru Massal ${i + 1}, S.Pd;${40 + (i % 60)},${String(i % 100).padStart(2, '0')}`,
      );
    const file = b64(lines.join('\r\n'));
    const preview = await made.api.io.previewImport({
      cycleId: made.cycle.id,
      fileName: 'besar.csv',
      contentBase64: file,
    });
    expect(preview.problemCount).toBe(0);
    expect(preview.rows).toHaveLength(2000);

    const started = performance.now();
    const done = await made.api.io.confirmImport({
      cycleId: made.cycle.id,
      version: 1,
      fileName: 'besar.csv',
      contentBase64: file,
    });
    const ms = Math.round(performance.now() - started);
    console.info(`io: 2,000-row import confirmed in ${ms} ms`);
    expect(done).toMatchObject({ version: 2, imported: 2000 });
    expect(await cycleState(made.cycle.id)).toEqual({ n: 2000, version: 2 });
    const audits = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', made.cycle.id)
      .execute();
    expect(audits.map((a) => a.action)).toEqual(['cycle.import']);
  }, 120_000);

  test('indicator scores are written with the sheet, and a second import replaces them', async () => {
    const made = await school({
      definition: TEST_RUBRIC,
      teachers: ['Ismiati, S.Pd', 'Lisda, S.Pd'],
    });
    const send = (csv: string, version: number) =>
      made.api.io.confirmImport({
        cycleId: made.cycle.id,
        version,
        fileName: 's.csv',
        contentBase64: b64(csv),
      });
    await send('Nama Guru;A1;A2;B1;B2\nIsmiati;3;4;2;3\nLisda;4;4;4;na\n', 1);
    await send('Nama Guru;A1;A2;B1;B2\nIsmiati;1;1;1;1\n', 2);
    const cycle = await made.api.cycles.get({ cycleId: made.cycle.id });
    expect(cycle.version).toBe(3);
    expect(cycle.observations.map((o) => [o.teacherName, o.percentage, o.band, o.scores])).toEqual([
      ['Ismiati, S.Pd', '25.00', 'Kurang', { A1: 1, A2: 1, B1: 1, B2: 1 }],
      ['Lisda, S.Pd', '100.00', 'Sangat Baik', { A1: 4, A2: 4, B1: 4, B2: 'na' }],
    ]);
  });

  test('all or nothing: a row failing in the database rolls back every row and the version', async () => {
    const db = testDb.db;
    const made = await school({ teachers: ['Guru A', 'Guru B', 'Guru C'] });
    const victim = made.teachers[2]!.id;
    await sql`create function io_test_refuse() returns trigger language plpgsql as $$
      begin
        if new.teacher_id = ${sql.lit(victim)}::uuid then raise exception 'refused for the test'; end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger io_test_refuse before insert on observations for each row execute function io_test_refuse()`.execute(
      db,
    );
    try {
      const csv = 'Nama Guru;Persentase\nGuru A;50\nGuru B;60\nGuru C;70\n';
      const error = await failure(
        made.api.io.confirmImport({
          cycleId: made.cycle.id,
          version: 1,
          fileName: 'a.csv',
          contentBase64: b64(csv),
        }),
      );
      expect(error.code).toBe('INTERNAL_SERVER_ERROR');
      expect(await cycleState(made.cycle.id)).toEqual({ n: 0, version: 1 });
    } finally {
      await sql`drop trigger io_test_refuse on observations`.execute(db);
      await sql`drop function io_test_refuse()`.execute(db);
    }
  });

  test('a stale version is a CONFLICT and writes nothing', async () => {
    const made = await school({ teachers: ['Ismiati, S.Pd'] });
    const csv = b64('Nama Guru;Persentase\nIsmiati;50\n');
    await made.api.cycles.updateNotes({
      cycleId: made.cycle.id,
      version: 1,
      planningNotes: 'Rencana',
    });
    const stale = await failure(
      made.api.io.confirmImport({
        cycleId: made.cycle.id,
        version: 1,
        fileName: 'a.csv',
        contentBase64: csv,
      }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(stale.app.field).toBe('version');
    expect(await cycleState(made.cycle.id)).toEqual({ n: 0, version: 2 });
  });

  test('another school’s principal is FORBIDDEN; a submitted cycle is a CONFLICT', async () => {
    const made = await school({ teachers: ['Ismiati, S.Pd'] });
    const csv = b64('Nama Guru;Persentase\nIsmiati;50\n');
    const other = w.as('principalOwn');
    expect(
      (
        await failure(
          other.io.previewImport({ cycleId: made.cycle.id, fileName: 'a.csv', contentBase64: csv }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await failure(
          other.io.confirmImport({
            cycleId: made.cycle.id,
            version: 1,
            fileName: 'a.csv',
            contentBase64: csv,
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    await made.api.io.confirmImport({
      cycleId: made.cycle.id,
      version: 1,
      fileName: 'a.csv',
      contentBase64: csv,
    });
    await made.api.cycles.submit({ cycleId: made.cycle.id, version: 2 });
    const locked = await failure(
      made.api.io.confirmImport({
        cycleId: made.cycle.id,
        version: 3,
        fileName: 'a.csv',
        contentBase64: csv,
      }),
    );
    expect(locked.code).toBe('CONFLICT');
  });

  test('a file over 2 MB is refused with a message in both languages', async () => {
    const made = await school({ teachers: ['Ismiati, S.Pd'] });
    const big = b64(`Nama Guru;Persentase\n${'x'.repeat(2 * 1024 * 1024 + 10)}`);
    const refused = await failure(
      made.api.io.previewImport({
        cycleId: made.cycle.id,
        fileName: 'besar.csv',
        contentBase64: big,
      }),
    );
    expect(refused.code).toBe('PAYLOAD_TOO_LARGE');
    expect(refused.app.messages.id).toMatch(
      /^Berkas terlalu besar \(2,0 MB\); paling besar 2,0 MB/,
    );
    expect(refused.app.messages.en).toMatch(/^The file is too large/);
  });
});

describe('the template', () => {
  test('indicator columns and the roster prefilled; it reads back with only missing scores', async () => {
    const made = await school({
      definition: TEST_RUBRIC,
      teachers: ['Ismiati, S.Pd', 'Lisda, S.Pd'],
    });
    const file = await made.api.io.importTemplate({ cycleId: made.cycle.id, format: 'xlsx' });
    expect(file.fileName).toMatch(/^Lembar-Observasi-Kondisi-Awal-SDN-Impor-\d+\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = ws.getRow(5).values as unknown[];
    expect(header.slice(1)).toEqual([
      'No',
      'Nama Guru',
      'NIP',
      'A1 - Merumuskan tujuan kerja kelompok (1-4)',
      'A2 - Menyiapkan lembar kerja kelompok (1-4)',
      'B1 - Membagi peran dalam kelompok (1-4)',
      'B2 - Memfasilitasi diskusi kelompok (1-4)',
    ]);
    expect(ws.getRow(6).getCell(2).value).toBe('Ismiati, S.Pd');
    const preview = await made.api.io.previewImport({
      cycleId: made.cycle.id,
      fileName: file.fileName,
      contentBase64: file.contentBase64,
    });
    expect(preview.problems.map((p) => p.code)).toEqual(Array(8).fill('MISSING_VALUE'));

    const csv = await made.api.io.importTemplate({ cycleId: made.cycle.id, format: 'csv' });
    const text = Buffer.from(csv.contentBase64, 'base64').toString('utf8');
    expect(text.split('\r\n')[1]).toBe('1;Ismiati, S.Pd;;;;;');
  });

  test('a summary-mode study gets one Persentase column', async () => {
    const made = await school({ teachers: ['Ismiati, S.Pd'] });
    const csv = await made.api.io.importTemplate({ cycleId: made.cycle.id, format: 'csv' });
    expect(Buffer.from(csv.contentBase64, 'base64').toString('utf8')).toBe(
      '\uFEFFNo;Nama Guru;NIP;Persentase\r\n1;Ismiati, S.Pd;;\r\n',
    );
  });
});
