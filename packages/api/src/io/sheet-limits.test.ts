import { type AppError, isAppError } from '@siklus/domain';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import {
  deflatedZip,
  lyingZip,
  withRanges,
  workbookParts,
  xfdPerRow,
  zipBomb,
} from './crafted-sheets.fixture';
import { readSheet } from './read-sheet';
import {
  checkSheetXml,
  columnName,
  columnNumber,
  listZipEntries,
  SHEET_LIMITS,
} from './sheet-limits';

/*
 * The spreadsheet reader's limits (issue 13 item 1) with crafted files, through readSheet:
 * the reading thread, its deadline and its heap included. How fast each refusal comes and
 * what it costs the process is measured by `pnpm bench` (packages/api/bench), not here.
 */

async function refusal(call: Promise<unknown>): Promise<AppError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error), `expected an AppError, got ${String(error)}`).toBe(true);
  const app = error as AppError;
  expect(app.field).toBe('contentBase64');
  expect(app.messages.id).toBeTruthy();
  expect(app.messages.en).toBeTruthy();
  expect(app.messages.id).not.toBe(app.messages.en);
  return app;
}

async function excelFile(rows: (string | number)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Siklus I');
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('column names', () => {
  test.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [64, 'BL'],
    [16_384, 'XFD'],
  ])('%i is %s and back', (n, name) => {
    expect(columnName(n)).toBe(name);
    expect(columnNumber(name)).toBe(n);
  });
});

describe('a normal file still reads', () => {
  test('an Excel table, through the reading thread', async () => {
    const grid = await readSheet(
      'siklus-1.xlsx',
      await excelFile([
        ['No', 'Nama Guru', 'Persentase'],
        [1, 'Siti Aminah', 35.75],
        [2, 'Budi Santoso', 52.29],
      ]),
    );
    expect(grid).toEqual({
      format: 'xlsx',
      sheetName: 'Siklus I',
      rows: [
        ['No', 'Nama Guru', 'Persentase'],
        ['1', 'Siti Aminah', '35.75'],
        ['2', 'Budi Santoso', '52.29'],
      ],
    });
  });

  test('a data validation over the whole sheet and a merged title are no reason to refuse', async () => {
    const grid = await readSheet(
      'siklus-1.xlsx',
      await withRanges({
        rows: [
          ['Tabel 1', ''],
          ['Nama', 'Persentase'],
          ['Siti Aminah', '35.75'],
        ],
        merge: 'A1:B1',
        validation: 'A1:XFD1048576',
      }),
    );
    expect(grid.rows).toEqual([
      ['Tabel 1', 'Tabel 1'],
      ['Nama', 'Persentase'],
      ['Siti Aminah', '35.75'],
    ]);
  });

  test('a CSV, through the reading thread', async () => {
    const grid = await readSheet(
      'a.csv',
      new TextEncoder().encode('Nama;Persentase\nSiti;35,75\n'),
    );
    expect(grid.rows).toEqual([
      ['Nama', 'Persentase'],
      ['Siti', '35,75'],
    ]);
  });
});

describe('refused before anything expands', () => {
  test('5,000 rows of one cell at column XFD: refused naming the column limit', async () => {
    const bytes = await xfdPerRow(5_000);
    expect(bytes.length).toBeLessThan(64 * 1024);
    const error = await refusal(readSheet('xfd.xlsx', bytes));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.details).toMatchObject({ limit: 'columns', found: 16_384 });
    expect(error.messages.id).toContain('kolom XFD');
    expect(error.messages.id).toContain('paling banyak 64 kolom');
    expect(error.messages.en).toContain('column XFD');
    expect(error.messages.en).toContain('at most 64 columns');
  });

  test('a zip bomb (200 MB of sheet XML in ~200 KB) is refused from the zip directory', async () => {
    const bytes = await zipBomb(200);
    expect(bytes.length).toBeLessThan(400 * 1024);
    const sheet = listZipEntries(bytes).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(sheet.uncompressedSize).toBeGreaterThan(200 * 1024 * 1024);
    const error = await refusal(readSheet('bomb.xlsx', bytes));
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.details).toMatchObject({ limit: 'partBytes' });
    expect(error.messages.en).toContain('at most 16.0 MB');
    expect(error.messages.id).toContain('paling besar 16,0 MB');
  });

  test('a smaller bomb within the size limit is refused by its compression ratio', async () => {
    const error = await refusal(readSheet('bomb.xlsx', await zipBomb(8)));
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.details).toMatchObject({ limit: 'ratio' });
    expect(error.messages.en).toContain(`at most ${SHEET_LIMITS.maxRatio} to 1`);
  });

  test('a zip that declares 1 KB for a part of 50 MB stops inflating at 1 KB', async () => {
    const error = await refusal(readSheet('lie.xlsx', await lyingZip(50)));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.details).toMatchObject({ limit: 'zip' });
  });

  test('a merged area reaching column XFD is refused, not merged cell by cell', async () => {
    const error = await refusal(
      readSheet('merge.xlsx', await withRanges({ rows: [['Nama']], merge: 'A1:XFD1' })),
    );
    expect(error.details).toMatchObject({ limit: 'columns', found: 16_384 });
  });

  test('a row past the limit is refused naming the row limit', async () => {
    const error = await refusal(
      readSheet(
        'rows.xlsx',
        await excelFile(Array.from({ length: SHEET_LIMITS.maxRows + 60 }, (_, i) => [i])),
      ),
    );
    expect(error.details).toMatchObject({ limit: 'rows' });
    expect(error.messages.en).toContain('more than 5,000 rows');
    expect(error.messages.id).toContain('lebih dari 5.000 baris');
  });

  test('more cells than the limit across the sheets is refused', () => {
    const row = (r: number) =>
      `<row r="${r}">${Array.from({ length: 50 }, (_, c) => `<c r="${columnName(c + 1)}${r}"><v>1</v></c>`).join('')}</row>`;
    const xml = `<worksheet><sheetData>${Array.from({ length: 2_000 }, (_, i) => row(i + 1)).join('')}</sheetData></worksheet>`;
    const cells = { count: 0 };
    checkSheetXml(xml, cells); // 100,000 cells: within
    let error: unknown;
    try {
      checkSheetXml(xml, cells); // another sheet of 100,000 more, and one is too many
      checkSheetXml(row(1), cells);
    } catch (e) {
      error = e;
    }
    expect((error as AppError).details).toMatchObject({ limit: 'cells' });
  });

  test('a CSV wider than the column limit is refused', async () => {
    const wide = `${Array.from({ length: 70 }, (_, i) => `k${i}`).join(';')}\n`;
    const error = await refusal(readSheet('wide.csv', new TextEncoder().encode(wide)));
    expect(error.details).toMatchObject({ limit: 'columns', found: 70 });
  });

  test('cells without a reference count from the left and are held to the limit too', async () => {
    const parts = await workbookParts();
    const cells = Array.from({ length: 70 }, () => '<c><v>1</v></c>').join('');
    const bytes = await deflatedZip(
      parts.map((p) =>
        p.name === 'xl/worksheets/sheet1.xml'
          ? {
              name: p.name,
              data: Buffer.from(
                `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row>${cells}</row></sheetData></worksheet>`,
              ),
            }
          : p,
      ),
    );
    const error = await refusal(readSheet('norefs.xlsx', bytes));
    expect(error.details).toMatchObject({ limit: 'columns', found: 65 });
  });
});

describe('the reading thread', () => {
  test('a read past its deadline is stopped and refused naming the time limit', async () => {
    const bytes = await excelFile(
      Array.from({ length: 4_000 }, (_, r) => Array.from({ length: 30 }, (_, c) => r * c)),
    );
    const error = await refusal(readSheet('slow.xlsx', bytes, undefined, { timeoutMs: 50 }));
    expect(error.details).toMatchObject({ limit: 'time' });
    expect(error.messages.en).toContain('took longer than');
  });

  test('a read that outgrows its heap dies alone and is refused naming the memory limit', async () => {
    const bytes = await excelFile(
      Array.from({ length: 5_000 }, (_, r) => Array.from({ length: 39 }, (_, c) => r * 100 + c)),
    );
    const error = await refusal(readSheet('heavy.xlsx', bytes, undefined, { heapMb: 16 }));
    expect(error.details).toMatchObject({ limit: 'memory' });
    // This process is fine: the next read works.
    const grid = await readSheet('a.csv', new TextEncoder().encode('Nama;Persentase\n'));
    expect(grid.rows).toEqual([['Nama', 'Persentase']]);
  });

  test('the main thread keeps turning while a large file is read', async () => {
    const bytes = await excelFile(
      Array.from({ length: 3_000 }, (_, r) => Array.from({ length: 30 }, (_, c) => r + c / 100)),
    );
    let ticks = 0;
    let longestGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks++;
    }, 5);
    try {
      const grid = await readSheet('large.xlsx', bytes);
      expect(grid.rows).toHaveLength(3_000);
    } finally {
      clearInterval(timer);
    }
    // The parse runs elsewhere: timers fire throughout (a loose bound, for a loaded machine;
    // the bench reports the real figures).
    expect(ticks).toBeGreaterThan(10);
    expect(longestGap).toBeLessThan(1_000);
  });

  test('more files at once than readers and queue: the surplus is told to try again', async () => {
    const csv = new TextEncoder().encode('Nama;Persentase\nSiti;35,75\n');
    const many = SHEET_LIMITS.concurrentReads + SHEET_LIMITS.maxQueued + 3;
    const outcomes = await Promise.all(
      Array.from({ length: many }, () =>
        readSheet('a.csv', csv).then(
          () => 'ok',
          (e: unknown) => (isAppError(e) ? e.code : String(e)),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(
      SHEET_LIMITS.concurrentReads + SHEET_LIMITS.maxQueued,
    );
    expect(outcomes.filter((o) => o === 'TOO_MANY_REQUESTS')).toHaveLength(3);
  });
});
