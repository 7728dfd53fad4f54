import {
  createTestDb,
  makeRubricVersion,
  makeSchool,
  makeTeacher,
  makeUser,
  type TestDb,
} from '@siklus/db/testing';
import type { TSuccessCriteria } from '@siklus/domain';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callerFor } from '../testing/callers';
import { failure } from '../testing/test-world';
import { makeWorld, type World } from '../testing/world';
import { makePtsConfig, RPP_RUBRIC } from './pts-fixtures';

/*
 * Several instruments per study (issue 16, decision 022) through the API: a principal
 * starts a study scored on the lesson plan (RPP) and on the teaching (pelaksanaan, the
 * primary), scores both over three cycles, and each clause of the criteria is judged on
 * its instrument: the pelaksanaan mean, and a KKM pass share on the RPP. A cycle with one
 * instrument incomplete cannot be submitted; the dashboard reads the primary's figures.
 */

let testDb: TestDb;
let w: World;
/** The two-instrument study the first test starts and scores, for the report's test. */
let scored: {
  studyId: string;
  cycleIds: string[];
  principal: ReturnType<typeof callerFor>;
} | null = null;
/** What the first test published: the config, the RPP rubric and the criteria naming both. */
let published: { bandSetId: string; rubricId: string; rppId: string; criteriaId: string } | null =
  null;
beforeAll(async () => {
  testDb = await createTestDb();
  w = await makeWorld(testDb.db);
});
afterAll(async () => {
  await testDb?.destroy();
});

const CRITERIA: TSuccessCriteria = {
  criteria: [
    { kind: 'mean', op: '>=', value: '75', instrument: 'pelaksanaan' },
    { kind: 'passShare', op: '>', percent: '75', kkm: '78', instrument: 'rpp' },
  ],
};

describe('a study of two instruments (RPP and pelaksanaan)', () => {
  test('three cycles: each figure and clause per instrument, submit refused while one is incomplete', async () => {
    const config = await makePtsConfig(testDb.db, w.districtA.id);
    const rpp = await makeRubricVersion(testDb.db, {
      district_id: w.districtA.id,
      definition: RPP_RUBRIC,
    });
    const admin = w.as('admin');
    const { versionId: criteriaId } = await admin.config.criteriaSets.create({
      name: 'Kriteria per instrumen',
      bandSetVersionId: config.bandSet.id,
      payload: CRITERIA,
    });
    await admin.config.criteriaSets.publish({ versionId: criteriaId });
    published = {
      bandSetId: config.bandSet.id,
      rubricId: config.rubric.id,
      rppId: rpp.id,
      criteriaId,
    };

    const school = await makeSchool(testDb.db, { district_id: w.districtA.id });
    const principal = callerFor(
      testDb.db,
      await makeUser(testDb.db, {
        role: 'principal',
        district_id: w.districtA.id,
        school_id: school.id,
      }),
    );
    const teachers = [];
    for (let i = 0; i < 4; i++) {
      teachers.push(
        await makeTeacher(testDb.db, { district_id: w.districtA.id, school_id: school.id }),
      );
    }
    const start = {
      schoolId: school.id,
      title: 'Meningkatkan kemampuan guru menyusun RPP dan melaksanakan pembelajaran',
      focus: 'RPP dan pelaksanaan pembelajaran',
      schoolYear: '2025/2026',
      semester: 'ganjil' as const,
      rubricVersionId: config.rubric.id,
      bandSetVersionId: config.bandSet.id,
      criteriaSetVersionId: criteriaId,
    };
    // Criteria naming an instrument the study lacks could never be judged.
    const lacking = await failure(principal.studies.create(start));
    expect(lacking.code).toBe('BAD_REQUEST');
    expect(lacking.app.messages.id).toContain('Instrumen “pelaksanaan” tidak ada');
    expect(lacking.app.messages.en).toContain('Instrument “pelaksanaan” is not one');
    const twice = await failure(
      principal.studies.create({
        ...start,
        instrumentKey: 'rpp',
        instruments: [{ key: 'rpp', rubricVersionId: rpp.id, bandSetVersionId: config.bandSet.id }],
      }),
    );
    expect(twice.code).toBe('BAD_REQUEST');

    const { studyId, baselineCycleId } = await principal.studies.create({
      ...start,
      instrumentKey: 'pelaksanaan',
      instruments: [{ key: 'rpp', rubricVersionId: rpp.id, bandSetVersionId: config.bandSet.id }],
    });
    const study = await principal.studies.get({ studyId });
    expect(study.instruments.map((i) => [i.instrument, i.key, i.rubric.id])).toEqual([
      [0, 'pelaksanaan', config.rubric.id],
      [1, 'rpp', rpp.id],
    ]);

    // Per cycle: pelaksanaan (A1, A2, B1, B2 of 16) and RPP (R1, R2 of 8) per teacher.
    const cycles = [
      {
        teaching: [3, 3, 3, 3],
        rpp: [
          [4, 4],
          [3, 3],
          [4, 3],
          [3, 3],
        ],
      },
      {
        teaching: [3, 3, 3, 4],
        rpp: [
          [4, 4],
          [4, 3],
          [4, 3],
          [3, 3],
        ],
      },
      {
        teaching: [4, 4, 3, 3],
        rpp: [
          [4, 4],
          [4, 3],
          [4, 3],
          [4, 3],
        ],
      },
    ];
    const supervisor = w.as('supervisor');
    let cycleId = baselineCycleId;
    const views = [];
    for (const [k, c] of cycles.entries()) {
      let version = (await principal.cycles.get({ cycleId })).version;
      for (const teacher of teachers) {
        const [a1, a2, b1, b2] = c.teaching;
        ({ version } = await principal.cycles.upsertObservation({
          cycleId,
          version,
          teacherId: teacher.id,
          kind: 'indicators',
          scores: { A1: a1!, A2: a2!, B1: b1!, B2: b2! },
        }));
      }
      if (k === 0) {
        // Only the primary is scored: the cycle cannot be submitted yet.
        const refused = await failure(principal.cycles.submit({ cycleId, version }));
        expect(refused.code).toBe('BAD_REQUEST');
        expect(refused.app.messages).toEqual({
          id: 'Lembar observasi belum lengkap (instrumen rpp: 4 guru aktif belum dinilai); isi semua instrumen sebelum mengajukan siklus.',
          en: 'The observation sheets are incomplete (instrument rpp: 4 active teacher(s) not scored); score every instrument before submitting the cycle.',
        });
        const none = await failure(
          principal.cycles.upsertObservation({
            cycleId,
            version,
            teacherId: teachers[0]!.id,
            instrument: 2,
            kind: 'indicators',
            scores: { R1: 4, R2: 4 },
          }),
        );
        expect(none.code).toBe('BAD_REQUEST');
        expect(none.app.field).toBe('instrument');
      }
      for (const [i, teacher] of teachers.entries()) {
        const [r1, r2] = c.rpp[i]!;
        const saved = await principal.cycles.upsertObservation({
          cycleId,
          version,
          teacherId: teacher.id,
          instrument: 1,
          kind: 'indicators',
          scores: { R1: r1!, R2: r2! },
        });
        version = saved.version;
        expect(saved.observation.percentage).toBe(((r1! + r2!) * 12.5).toFixed(2));
      }
      const view = await principal.cycles.get({ cycleId });
      views.push(view);
      const submitted = await principal.cycles.submit({ cycleId, version });
      await supervisor.review.approve({ cycleId, version: submitted.version, confirmLock: true });
      if (k < cycles.length - 1) cycleId = (await principal.cycles.create({ studyId })).id;
    }

    // Each instrument's own sheets and figures; the top level is the primary's, as before.
    const [baseline, first, second] = views;
    expect(
      baseline!.instruments.map((i) => [i.key, i.observations.length, i.summary.mean]),
    ).toEqual([
      ['pelaksanaan', 4, '75.00'],
      ['rpp', 4, '84.38'],
    ]);
    expect(baseline!.summary.mean).toBe('75.00');
    expect(baseline!.observations).toHaveLength(4);
    // "rata-rata 3,00 dari 4" beside the percentage.
    expect(baseline!.instruments[0]!.scaleMean).toEqual({ value: '3.00', max: 4 });
    expect(baseline!.instruments[1]!.scaleMean).toEqual({ value: '3.38', max: 4 });

    // The clauses, each on its instrument: 2 of 4, then 3 of 4 (75.00%, not more), then all.
    const verdicts = views.map((v) =>
      v.criteriaEvaluation.results.map((r) => [r.met, r.actual, r.shortfall]),
    );
    expect(verdicts).toEqual([
      [
        [true, '75.00', null],
        [false, '50.00', '25.00'],
      ],
      [
        [true, '81.25', null],
        [false, '75.00', '0.00'],
      ],
      [
        [true, '87.50', null],
        [true, '100.00', null],
      ],
    ]);
    expect(first!.criteriaEvaluation.met).toBe(false);
    expect(first!.criteriaEvaluation.message.id).toContain('pada instrumen rpp: ');
    expect(first!.criteria.description.id).toBe(
      'Pada instrumen pelaksanaan: rata-rata minimal 75,00 dan pada instrumen rpp: lebih dari 75% guru mencapai nilai minimal 78',
    );
    expect(second!.criteriaEvaluation.met).toBe(true);
    expect(second!.instruments[1]!.summary.mean).toBe('90.63');

    // The school report: one table per instrument, each with its own means and gains; the
    // verdict of each cycle covers both instruments, as on the cycle page.
    const detail = await principal.reports.schoolDetail({ studyId });
    expect(detail.instruments.map((i) => [i.key, i.cycles.map((c) => c.mean)])).toEqual([
      ['pelaksanaan', ['75.00', '81.25', '87.50']],
      ['rpp', ['84.38', '87.50', '90.63']],
    ]);
    expect(detail.instruments[1]!.teachers.map((t) => t.cells.map((c) => c?.percentage))).toEqual([
      ['100.00', '100.00', '100.00'],
      ['75.00', '87.50', '87.50'],
      ['87.50', '87.50', '87.50'],
      ['75.00', '75.00', '87.50'],
    ]);
    expect(detail.instruments[1]!.overall?.means).toMatchObject({
      preMean: '84.38',
      postMean: '90.63',
      points: '6.25',
    });
    expect(detail.instruments[0]!.cycles[2]!.scaleMean).toEqual({ value: '3.50', max: 4 });
    expect(detail.cycles.map((c) => c.criteria.met)).toEqual([false, false, true]);
    expect(detail.cycles[1]!.criteria.message).toEqual(first!.criteriaEvaluation.message);
    expect(detail.cycles.map((c) => c.mean)).toEqual(['75.00', '81.25', '87.50']);

    // The XLSX recap: the primary's first, then one recap per instrument with its own means.
    const file = await principal.io.studyRecap({ studyId, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(Buffer.from(file.contentBase64, 'base64')).buffer);
    const names = wb.worksheets.map((s) => s.name);
    expect(names.slice(0, 3)).toEqual(['Rekap', 'Rekap pelaksanaan', 'Rekap rpp']);
    const meanRow = (name: string) => {
      const values: unknown[] = [];
      wb.getWorksheet(name)!.eachRow((row) => {
        if (row.getCell(1).value === 'Rata-rata') values.push(row.getCell(3).value);
      });
      return values;
    };
    expect(meanRow('Rekap rpp')).toEqual([84.38]);
    expect(meanRow('Rekap pelaksanaan')).toEqual([75]);

    // The dashboard ranks by the primary: its means, its clause.
    const { rows } = await supervisor.reports.districtComparison({ search: school.npsn });
    const row = rows.find((r) => r.studyId === studyId);
    expect([row?.baselineMean, row?.latestMean]).toEqual(['75.00', '87.50']);
    expect(row?.criteria?.results.map((r) => r.criterion.instrument)).toEqual(['pelaksanaan']);
    expect(row?.criteriaMet).toBe(true);
    scored = { studyId, cycleIds: views.map((v) => v.id), principal };
  }, 120_000);

  test('the results chapter (DOCX): a section of tables per instrument, each with its own figures', async () => {
    expect(scored, 'the study of the test above').not.toBeNull();
    const file = await scored!.principal.io.studyReport({ studyId: scored!.studyId });
    const zip = await JSZip.loadAsync(Buffer.from(file.contentBase64, 'base64'));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
    // Each instrument under its heading (key and rubric name), the primary first.
    const heads = [...text.matchAll(/^Instrumen (\w+): .+$/gm)].map((m) => m[1]);
    expect(heads).toEqual(['pelaksanaan', 'rpp', 'pelaksanaan', 'rpp']); // the contents, then the body
    const focus = 'RPP dan pelaksanaan pembelajaran';
    const labels = ['Kondisi Awal', 'Siklus I', 'Siklus II'];
    for (const [k, key] of ['pelaksanaan', 'rpp'].entries()) {
      for (const [c, label] of labels.entries()) {
        expect(text).toContain(`Tabel ${k * 5 + c + 1}. ${focus} pada ${label} (instrumen ${key})`);
      }
      expect(text).toContain(`Tabel ${k * 5 + 4}. Rekapitulasi rPP`);
      expect(text).toContain(`Tabel ${k * 5 + 5}. Peningkatan rata-rata rPP`);
      expect(text).toContain(`Gambar ${k + 1}. Grafik rPP`);
    }
    // Each table with its own instrument's figures (the RPP's are not the teaching's).
    expect(text).toContain('pada Tabel 1. Rata-rata 75,00 dengan kategori Baik');
    expect(text).toContain('pada Tabel 6. Rata-rata 84,38 dengan kategori Baik');
    expect(text).toContain('pada Tabel 8. Rata-rata 90,63 dengan kategori Sangat Baik');
    // Five tables per instrument, then the signatures' layout table.
    expect(xml.match(/<w:tbl>/g)).toHaveLength(11);
    const charts = Object.keys(zip.files).filter((f) => /^word\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(2);
  });

  test('the cycle table (XLSX and CSV): a table per instrument, the primary first, each its own figures', async () => {
    expect(scored, 'the study of the test above').not.toBeNull();
    const { principal, cycleIds } = scored!;
    const cycleId = cycleIds[2]!;
    const xlsx = await principal.io.cycleTable({ cycleId, format: 'xlsx' });
    const wb = await workbookOf(xlsx);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Siklus II pelaksanaan', 'Siklus II rpp']);
    const rpp = wb.getWorksheet('Siklus II rpp')!;
    expect(rpp.getCell('A1').value).toBe(
      'Tabel 3. RPP dan pelaksanaan pembelajaran pada Siklus II (instrumen rpp)',
    );
    expect(columnBelow(rpp, 3)).toEqual([100, 87.5, 87.5, 87.5]);
    expect(footer(rpp)).toEqual(['Rata-rata', null, 90.63, 'Sangat Baik']);
    const teaching = wb.getWorksheet('Siklus II pelaksanaan')!;
    expect(columnBelow(teaching, 3)).toEqual([87.5, 87.5, 87.5, 87.5]);
    expect(footer(teaching)).toEqual(['Rata-rata', null, 87.5, 'Sangat Baik']);

    const csv = await principal.io.cycleTable({ cycleId, format: 'csv' });
    const sections = csvSections(csv);
    expect(sections.map((s) => s.label)).toEqual(['pelaksanaan', 'rpp']);
    expect(sections.map((s) => s.lines[0])).toEqual([
      'No;Nama Guru;Persentase;Kategori',
      'No;Nama Guru;Persentase;Kategori',
    ]);
    expect(sections.map((s) => s.lines.at(-1))).toEqual([
      'Rata-rata;;87,50;Sangat Baik',
      'Rata-rata;;90,63;Sangat Baik',
    ]);
    expect(sections[1]!.lines.slice(1, -1).map((l) => l.split(';')[2])).toEqual([
      '100,00',
      '87,50',
      '87,50',
      '87,50',
    ]);
  });

  test('the study recap: a CSV section per instrument; the XLSX has each instrument’s cycle tables and gains', async () => {
    expect(scored, 'the study of the test above').not.toBeNull();
    const { principal, studyId } = scored!;
    const csv = await principal.io.studyRecap({ studyId, format: 'csv' });
    const sections = csvSections(csv);
    expect(sections.map((s) => s.label)).toEqual(['pelaksanaan', 'rpp']);
    for (const s of sections) {
      expect(s.lines[0]).toMatch(
        /^No;Nama Guru;Kondisi Awal;Kategori Kondisi Awal;Siklus I;Kategori Siklus I;Siklus II;Kategori Siklus II;/,
      );
    }
    const means = sections.map((s) => s.lines.at(-1)!.split(';').slice(0, 8));
    expect(means).toEqual([
      ['Rata-rata', '', '75,00', 'Baik', '81,25', 'Baik', '87,50', 'Sangat Baik'],
      ['Rata-rata', '', '84,38', 'Baik', '87,50', 'Sangat Baik', '90,63', 'Sangat Baik'],
    ]);
    // The RPP's gain of the means, Kondisi Awal to Siklus II: 6,25 points.
    expect(sections[1]!.lines.at(-1)!.split(';')[8]).toBe('6,25');

    const xlsx = await workbookOf(await principal.io.studyRecap({ studyId, format: 'xlsx' }));
    expect(xlsx.worksheets.map((s) => s.name)).toEqual([
      'Rekap',
      'Rekap pelaksanaan',
      'Rekap rpp',
      'Kondisi Awal pelaksanaan',
      'Siklus I pelaksanaan',
      'Siklus II pelaksanaan',
      'Peningkatan pelaksanaan',
      'Kondisi Awal rpp',
      'Siklus I rpp',
      'Siklus II rpp',
      'Peningkatan rpp',
    ]);
    expect(footer(xlsx.getWorksheet('Kondisi Awal rpp')!)).toEqual([
      'Rata-rata',
      null,
      84.38,
      'Baik',
    ]);
    expect(footer(xlsx.getWorksheet('Kondisi Awal pelaksanaan')!)).toEqual([
      'Rata-rata',
      null,
      75,
      'Baik',
    ]);
  });
});

async function workbookOf(file: { contentBase64: string }) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(Buffer.from(file.contentBase64, 'base64')).buffer);
  return wb;
}

/** The values of column `col` in the rows between the "No" header and the "Rata-rata" row. */
function columnBelow(ws: ExcelJS.Worksheet, col: number): unknown[] {
  const values: unknown[] = [];
  let inside = false;
  ws.eachRow((row) => {
    const first = row.getCell(1).value;
    if (first === 'Rata-rata') inside = false;
    if (inside) values.push(row.getCell(col).value);
    if (first === 'No') inside = true;
  });
  return values;
}

/** The first four cells of the "Rata-rata" row. */
function footer(ws: ExcelJS.Worksheet): unknown[] {
  let cells: unknown[] = [];
  ws.eachRow((row) => {
    if (row.getCell(1).value === 'Rata-rata') cells = [1, 2, 3, 4].map((c) => row.getCell(c).value);
  });
  return cells;
}

/** A CSV of several instruments: each section's instrument key (from its label line) and lines. */
function csvSections(file: { contentBase64: string }) {
  const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text
    .slice(1)
    .replace(/\r\n$/, '')
    .split('\r\n\r\n')
    .map((block) => {
      const [label, ...lines] = block.split('\r\n');
      const key = /^Instrumen (\w+): /.exec(label ?? '')?.[1];
      return { label: key, lines };
    });
}

describe('printed figures per instrument (a historical study of RPP and pelaksanaan)', () => {
  test('each instrument keeps its own printed figures and is checked against its own sheets', async () => {
    expect(published, 'the configuration of the first test').not.toBeNull();
    const p = published!;
    const school = await makeSchool(testDb.db, { district_id: w.districtA.id });
    const principal = callerFor(
      testDb.db,
      await makeUser(testDb.db, {
        role: 'principal',
        district_id: w.districtA.id,
        school_id: school.id,
      }),
    );
    const teachers = [
      await makeTeacher(testDb.db, { district_id: w.districtA.id, school_id: school.id }),
      await makeTeacher(testDb.db, { district_id: w.districtA.id, school_id: school.id }),
    ];
    const { studyId, baselineCycleId: cycleId } = await principal.studies.create({
      schoolId: school.id,
      title: 'PTS RPP dan pelaksanaan (laporan tercetak)',
      focus: 'RPP dan pelaksanaan pembelajaran',
      schoolYear: '2024/2025',
      semester: 'genap' as const,
      rubricVersionId: p.rubricId,
      bandSetVersionId: p.bandSetId,
      criteriaSetVersionId: p.criteriaId,
      instrumentKey: 'pelaksanaan',
      instruments: [{ key: 'rpp', rubricVersionId: p.rppId, bandSetVersionId: p.bandSetId }],
    });
    // Pelaksanaan 75,00 for both; RPP 87,50 and 75,00 (mean 81,25): four sheets in all.
    let version = (await principal.cycles.get({ cycleId })).version;
    const rppScores = [
      [4, 3],
      [3, 3],
    ];
    for (const [i, teacher] of teachers.entries()) {
      ({ version } = await principal.cycles.upsertObservation({
        cycleId,
        version,
        teacherId: teacher.id,
        kind: 'indicators',
        scores: { A1: 3, A2: 3, B1: 3, B2: 3 },
      }));
      ({ version } = await principal.cycles.upsertObservation({
        cycleId,
        version,
        teacherId: teacher.id,
        instrument: 1,
        kind: 'indicators',
        scores: { R1: rppScores[i]![0]!, R2: rppScores[i]![1]! },
      }));
    }
    const before = await principal.cycles.get({ cycleId });
    const rppBands = before.instruments[1]!.observations.map((o) => o.band);
    expect(before.instruments[1]!.observations.map((o) => o.percentage)).toEqual([
      '87.50',
      '75.00',
    ]);

    // One printed band per sheet of that instrument (2), not per sheet of the cycle (4).
    const tooMany = await failure(
      principal.cycles.setPrintedFigures({
        cycleId,
        version,
        instrument: 1,
        printedMean: null,
        printedMeanBand: null,
        printedBands: [...rppBands, ...rppBands],
      }),
    );
    expect([tooMany.code, tooMany.app.field]).toEqual(['BAD_REQUEST', 'printedBands']);
    const none = await failure(
      principal.cycles.setPrintedFigures({
        cycleId,
        version,
        instrument: 2,
        printedMean: '80',
        printedMeanBand: null,
        printedBands: null,
      }),
    );
    expect([none.code, none.app.field]).toEqual(['BAD_REQUEST', 'instrument']);

    // The paper prints the RPP mean as 81,30 (it is 81,25) and the pelaksanaan mean right.
    ({ version } = await principal.cycles.setPrintedFigures({
      cycleId,
      version,
      instrument: 1,
      printedMean: '81,30',
      printedMeanBand: null,
      printedBands: rppBands,
    }));
    ({ version } = await principal.cycles.setPrintedFigures({
      cycleId,
      version,
      printedMean: '75,00',
      printedMeanBand: null,
      printedBands: null,
    }));
    // A save on a stale version is refused, as for the primary.
    const stale = await failure(
      principal.cycles.setPrintedFigures({
        cycleId,
        version: version - 1,
        instrument: 1,
        printedMean: '81,25',
        printedMeanBand: null,
        printedBands: null,
      }),
    );
    expect(stale.code).toBe('CONFLICT');

    const view = await principal.cycles.get({ cycleId });
    expect(view.printed).toEqual({
      mean: '75.00',
      meanAsTyped: '75,00',
      meanBand: null,
      bands: null,
    });
    expect(view.mismatches).toEqual([]);
    expect(view.instruments.map((i) => [i.key, i.printed.mean, i.printed.bands])).toEqual([
      ['pelaksanaan', '75.00', null],
      ['rpp', '81.30', rppBands],
    ]);
    expect(view.instruments[1]!.printed.meanAsTyped).toBe('81,30');
    expect(view.instruments[1]!.mismatches.map((m) => [m.field, m.printed, m.computed])).toEqual([
      ['mean', '81.30', '81.25'],
    ]);
    expect(view.instruments[1]!.mismatches[0]!.message.id).toBe(
      'Rata-rata tercetak 81,30 berbeda dari hasil hitung 81,25',
    );

    // The school report: each instrument's cycles carry its printed figures and their check.
    const detail = await principal.reports.schoolDetail({ studyId });
    expect(detail.mismatchCount).toBe(0);
    expect(detail.cycles[0]!.printedMean).toBe('75.00');
    expect(
      detail.instruments.map((i) => [i.key, i.mismatchCount, i.cycles[0]!.printedMean]),
    ).toEqual([
      ['pelaksanaan', 0, '75.00'],
      ['rpp', 1, '81.30'],
    ]);
    expect(detail.instruments[1]!.cycles[0]!.printedBands).toEqual(rppBands);
    expect(detail.instruments[1]!.cycles[0]!.mismatches.map((m) => m.field)).toEqual(['mean']);

    // Clearing the RPP's figures leaves the primary's as they are.
    await principal.cycles.setPrintedFigures({
      cycleId,
      version,
      instrument: 1,
      printedMean: null,
      printedMeanBand: null,
      printedBands: null,
    });
    const cleared = await principal.cycles.get({ cycleId });
    expect(cleared.instruments.map((i) => i.printed.mean)).toEqual(['75.00', null]);
    expect(cleared.instruments[1]!.mismatches).toEqual([]);
    const left = await testDb.db
      .selectFrom('cycle_printed_figures')
      .select('instrument')
      .where('cycle_id', '=', cycleId)
      .execute();
    expect(left).toEqual([]);
  }, 120_000);
});
