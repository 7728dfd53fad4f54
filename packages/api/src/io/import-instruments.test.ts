import {
  makeBandSetVersion,
  makeRubricVersion,
  makeSchool,
  makeTeacher,
  makeUser,
} from '@siklus/db/testing';
import { PKG_BANDS } from '@siklus/domain';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { makePtsConfig, RPP_RUBRIC } from '../cycles/pts-fixtures';
import { callerFor } from '../testing/callers';
import { failure, useTestWorld } from '../testing/test-world';

/*
 * The spreadsheet import of a study of two instruments (decision 022): the template and the
 * import take the instrument; a sheet of the RPP is scored with the RPP's rubric and band
 * set (PKG's bands, not the teaching's), and writes only the RPP's sheets.
 */

const t = useTestWorld();

async function workbookOf(file: { contentBase64: string }) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(Buffer.from(file.contentBase64, 'base64')).buffer);
  return wb;
}

/** Writes `scores[i]` into the indicator columns of the i-th teacher's row under the header. */
function fill(ws: ExcelJS.Worksheet, scores: number[][]) {
  let header = 0;
  ws.eachRow((row, n) => {
    if (!header && row.getCell(1).value === 'No') header = n;
  });
  expect(header).toBeGreaterThan(0);
  scores.forEach((values, i) => {
    const row = ws.getRow(header + 1 + i);
    values.forEach((v, j) => {
      row.getCell(4 + j).value = v;
    });
    row.commit();
  });
}

describe('the spreadsheet import of a study of two instruments', () => {
  test('the template and the import per instrument: each scored with its own rubric and bands', async () => {
    const { db, w } = t;
    const config = await makePtsConfig(db, w.districtA.id);
    const scope = { district_id: w.districtA.id };
    const rpp = await makeRubricVersion(db, { ...scope, definition: RPP_RUBRIC });
    const pkg = await makeBandSetVersion(db, { ...scope, bands: PKG_BANDS });
    const school = await makeSchool(db, scope);
    const principal = callerFor(
      db,
      await makeUser(db, { role: 'principal', ...scope, school_id: school.id }),
    );
    const names = ['Ani Rahayu, S.Pd', 'Budi Santoso, S.Pd', 'Citra Lestari, S.Pd'];
    for (const [i, name] of names.entries()) {
      await makeTeacher(db, { ...scope, school_id: school.id, name, sort_order: i + 1 });
    }
    const { baselineCycleId: cycleId } = await principal.studies.create({
      schoolId: school.id,
      title: 'Meningkatkan kemampuan guru menyusun RPP dan melaksanakan pembelajaran',
      focus: 'RPP dan pelaksanaan pembelajaran',
      schoolYear: '2025/2026',
      semester: 'ganjil',
      rubricVersionId: config.rubric.id,
      bandSetVersionId: config.bandSet.id,
      criteriaSetVersionId: config.criteria.id,
      instrumentKey: 'pelaksanaan',
      instruments: [{ key: 'rpp', rubricVersionId: rpp.id, bandSetVersionId: pkg.id }],
    });

    // Each instrument's template: its own rubric's columns, named by its key.
    const rppTemplate = await principal.io.importTemplate({
      cycleId,
      format: 'xlsx',
      instrument: 1,
    });
    expect(rppTemplate.fileName).toMatch(/^Lembar-Observasi-Kondisi-Awal-rpp-/);
    const teachingTemplate = await principal.io.importTemplate({ cycleId, format: 'xlsx' });
    expect(teachingTemplate.fileName).toMatch(/^Lembar-Observasi-Kondisi-Awal-pelaksanaan-/);
    const rppBook = await workbookOf(rppTemplate);
    const rppSheet = rppBook.worksheets[0]!;
    expect(rppSheet.name).toBe('Kondisi Awal rpp');
    const headers = (ws: ExcelJS.Worksheet) => {
      let found: unknown[] = [];
      ws.eachRow((row) => {
        if (row.getCell(1).value === 'No') found = (row.values as unknown[]).slice(1);
      });
      return found;
    };
    expect(headers(rppSheet)).toEqual([
      'No',
      'Nama Guru',
      'NIP',
      'R1 - Merumuskan tujuan pembelajaran (1-4)',
      'R2 - Menyusun langkah pembelajaran (1-4)',
    ]);
    const teachingSheet = (await workbookOf(teachingTemplate)).worksheets[0]!;
    expect(teachingSheet.name).toBe('Kondisi Awal pelaksanaan');
    expect(
      headers(teachingSheet)
        .slice(3)
        .map((h) => String(h).slice(0, 2)),
    ).toEqual(['A1', 'A2', 'B1', 'B2']);
    const csv = await principal.io.importTemplate({ cycleId, format: 'csv', instrument: 1 });
    expect(Buffer.from(csv.contentBase64, 'base64').toString('utf8')).toContain(
      'No;Nama Guru;NIP;R1 - Merumuskan tujuan pembelajaran (1-4);R2 - Menyusun langkah pembelajaran (1-4)',
    );

    // One workbook with both filled sheets, as a principal keeps them.
    const book = new ExcelJS.Workbook();
    const copy = (from: ExcelJS.Worksheet) => {
      const to = book.addWorksheet(from.name);
      from.eachRow((row, n) => {
        to.getRow(n).values = row.values as ExcelJS.CellValue[];
      });
      return to;
    };
    // RPP: 8/8 = 100,00 (Amat Baik on PKG's bands), 6/8 = 75,00 (Cukup: 61-75), 5/8 = 62,50.
    fill(copy(rppSheet), [
      [4, 4],
      [3, 3],
      [3, 2],
    ]);
    // Teaching: 12/16 = 75,00 (Baik on the default bands), 16/16, 8/16.
    fill(copy(teachingSheet), [
      [3, 3, 3, 3],
      [4, 4, 4, 4],
      [2, 2, 2, 2],
    ]);
    const file = {
      fileName: 'Lembar observasi.xlsx',
      contentBase64: Buffer.from(await book.xlsx.writeBuffer()).toString('base64'),
    };

    const preview = await principal.io.previewImport({ cycleId, instrument: 1, ...file });
    expect(preview.instrument).toEqual({ number: 1, key: 'rpp' });
    expect(preview.sheetName).toBe('Kondisi Awal rpp');
    expect(preview.problems).toEqual([]);
    expect(preview.rows.map((r) => [r.percentage, r.band])).toEqual([
      ['100.00', 'Amat Baik'],
      ['75.00', 'Cukup'],
      ['62.50', 'Cukup'],
    ]);
    expect(preview.summary.mean).toBe('79.17');
    expect(preview.ok).toBe(true);

    let { version } = await principal.cycles.get({ cycleId });
    const written = await principal.io.confirmImport({ cycleId, version, instrument: 1, ...file });
    expect(written.imported).toBe(3);
    let view = await principal.cycles.get({ cycleId });
    expect(view.instruments.map((i) => [i.key, i.observations.length, i.summary.mean])).toEqual([
      ['pelaksanaan', 0, null],
      ['rpp', 3, '79.17'],
    ]);
    expect(view.instruments[1]!.summary.meanBand).toBe('Baik');
    expect(view.instruments[1]!.observations.map((o) => o.scores)).toEqual([
      { R1: 4, R2: 4 },
      { R1: 3, R2: 3 },
      { R1: 3, R2: 2 },
    ]);

    // The same file, the primary (no instrument): the teaching sheet, its rubric and bands.
    version = view.version;
    const primary = await principal.io.previewImport({ cycleId, ...file });
    expect(primary.instrument).toEqual({ number: 0, key: 'pelaksanaan' });
    expect(primary.sheetName).toBe('Kondisi Awal pelaksanaan');
    expect(primary.rows.map((r) => [r.percentage, r.band])).toEqual([
      ['75.00', 'Baik'],
      ['100.00', 'Sangat Baik'],
      ['50.00', 'Kurang'],
    ]);
    await principal.io.confirmImport({ cycleId, version, ...file });
    view = await principal.cycles.get({ cycleId });
    expect(view.instruments.map((i) => [i.key, i.summary.mean])).toEqual([
      ['pelaksanaan', '75.00'],
      ['rpp', '79.17'],
    ]);
    // Both instruments complete: the cycle can be submitted.
    const submitted = await principal.cycles.submit({ cycleId, version: view.version });
    expect(submitted.status).toBe('submitted');

    // An instrument the study lacks is refused, naming the field.
    const none = await failure(principal.io.previewImport({ cycleId, instrument: 2, ...file }));
    expect(none.code).toBe('BAD_REQUEST');
    expect(none.app.field).toBe('instrument');
  }, 60_000);
});
