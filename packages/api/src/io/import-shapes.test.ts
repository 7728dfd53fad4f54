import { PTS_DEFAULT_BANDS, RosterIndex, type TRosterTeacher } from '@siklus/domain';
import { LULUT_2 } from '@siklus/domain/fixtures';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { type InterpretOptions, interpretSheet } from './import-sheet';
import { readSheet } from './read-sheet';

/**
 * Tables as papers and principals keep them (issue 15), read from real file bytes: CSV with
 * semicolons in Windows-1252, XLSX built here. Pure: the reader and the interpreter, no
 * database (import.test.ts covers the procedures).
 */

const teacher = (id: string, name: string, nip: string | null = null): TRosterTeacher => ({
  id,
  name,
  nip,
  active: true,
});
const LULUT_ROSTER = LULUT_2.teachers.map((t, i) => teacher(`t${i + 1}`, t.name));

/** Windows-1252 as an old Excel saves it: "’" is the single byte 0x92. */
function cp1252(text: string): Uint8Array {
  const special: Record<string, number> = { '’': 0x92, '‘': 0x91, '“': 0x93, '”': 0x94 };
  return Uint8Array.from([...text].map((ch) => special[ch] ?? ch.charCodeAt(0)));
}

async function read(
  fileName: string,
  bytes: Uint8Array,
  roster: TRosterTeacher[] = LULUT_ROSTER,
  extra: Partial<InterpretOptions> = {},
) {
  const grid = await readSheet(fileName, bytes);
  return interpretSheet(grid, {
    definition: { mode: 'summary' },
    bandSet: PTS_DEFAULT_BANDS,
    roster: new RosterIndex(roster),
    ...extra,
  });
}

const csv = (lines: string[]) => new TextEncoder().encode(lines.join('\r\n'));
const percentColumn = (r: Awaited<ReturnType<typeof read>>) =>
  r.columns.find((c) => c.key === 'percentage');

describe('the paper’s Table 1 copied into a sheet', () => {
  test('CSV, semicolons, Windows-1252: title rows, "Guru" beside "Nama Guru", "Presentase", footers', async () => {
    const table = LULUT_2.cycles[0];
    const bytes = cp1252(
      [
        'SD Negeri Lulut 2;;;;',
        'Tabel 1. Kemampuan Guru Mengimplementasikan Pembelajaran Kolaboratif pada Kondisi Awal;;;;',
        ';;;;',
        'No.;Guru;Nama Guru;Presentase Capaian;Kriteria Hasil',
        ...LULUT_2.teachers.map(
          (t, i) =>
            `${i + 1};${t.className};${t.name};${table.scores[i]!.replace('.', ',')};${table.criteria[i]}`,
        ),
        '7;Guru PJOK;Siti Ma’rifah;50,00;Kurang',
        'Rata-Rata;;;42,29;Kurang',
        ';Nilai rata-rata;;42,29;',
        'KATEGORI;;;Kurang;',
        'Persentase ketuntasan;;;0%;',
        'Jumlah;;;253,72;',
        'Catatan: dihitung oleh kepala sekolah’s tim;;;;',
      ].join('\r\n'),
    );
    const result = await read('tabel-1.csv', bytes, [
      ...LULUT_ROSTER,
      teacher('t7', 'Siti Ma’rifah, S.Pd'),
    ]);
    expect(result.headerRow).toBe(4);
    expect(result.columns.map((c) => [c.key, c.column, c.header])).toEqual([
      ['name', 'C', 'Nama Guru'],
      ['percentage', 'D', 'Presentase Capaian'],
    ]);
    expect(result.questions).toEqual([]);
    // Footers and the note under the table (no name, no figure) are passed over.
    expect(result.problems).toEqual([]);
    expect(result.rows).toHaveLength(7);
    expect(result.rows.slice(0, 6).map((r) => [r.row, r.teacherId, r.percentage, r.band])).toEqual(
      LULUT_2.teachers.map((_, i) => [5 + i, `t${i + 1}`, table.scores[i], table.criteria[i]]),
    );
    // Windows-1252's "’" read back as itself.
    expect(result.rows[6]).toMatchObject({ row: 11, name: 'Siti Ma’rifah', teacherId: 't7' });
    expect(result.summary.mean).toBe('43.39'); // (253.72 + 50.00) / 7 = 43.388...
  });

  test('XLSX built here: a merged title, "Responden", percent cells, "RATA-RATA" and "Total"', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Siklus II');
    ws.addRow(['Tabel 3. Hasil Observasi Siklus II']);
    ws.mergeCells('A1:D1');
    ws.addRow(['No', 'Responden', 'Presentase (%)', 'Kriteria']);
    LULUT_2.teachers.forEach((t, i) => {
      const row = ws.addRow([i + 1, t.name, Number(LULUT_2.cycles[2].scores[i]) / 100, '']);
      row.getCell(3).numFmt = '0.00%';
    });
    ws.addRow(['RATA-RATA', '', 0.6505, '']).getCell(3).numFmt = '0.00%';
    ws.addRow(['Total', '', 3.9045, '']);
    const result = await read('siklus.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(result.problems).toEqual([]);
    expect(percentColumn(result)).toMatchObject({ column: 'C', header: 'Presentase (%)' });
    expect(result.columns[0]).toMatchObject({ key: 'name', header: 'Responden' });
    expect(result.rows.map((r) => r.percentage)).toEqual([...LULUT_2.cycles[2].scores]);
    expect(result.summary.mean).toBe('65.08');
  });

  test.each(['Nama Guru', 'Guru', 'Guru Kelas', 'Nama', 'Responden', 'Subjek', 'NAMA  GURU'])(
    'a teacher column headed %j',
    async (heading) => {
      const result = await read('a.csv', csv([`No;${heading};Persentase`, '1;Lisda, S.Pd;40,50']));
      expect(result.problems).toEqual([]);
      expect(result.columns[0]).toMatchObject({ key: 'name', header: heading, column: 'B' });
      expect(result.rows[0]).toMatchObject({ teacherId: 't3', percentage: '40.50' });
    },
  );
});

describe('the percentage column: named, or picked by the principal, never guessed', () => {
  const rows = ['1;Ismiati, S.Pd;30;75,00', '2;Lisda, S.Pd;28;70,00'];

  test.each([
    ['No;Nama Guru;Skor;Persentase', ['C', 'D']],
    ['No;Nama Guru;Nilai;Persentase (%)', ['C', 'D']],
    ['No;Nama Guru;Skor Total;Capaian', ['C', 'D']],
  ])('%j: asks which, and reads nothing until told', async (head, options) => {
    const result = await read('a.csv', csv([head, ...rows]));
    expect(result.rows).toEqual([]);
    expect(result.questions).toHaveLength(1);
    const question = result.questions[0]!;
    expect(question).toMatchObject({ kind: 'column', field: 'percentage', reason: 'several' });
    expect(question.kind === 'column' && question.options.map((o) => o.column)).toEqual(options);
    expect(question.message.id).toMatch(/Pilih kolom/);
  });

  test('the pick is read, and the preview names it', async () => {
    const result = await read('a.csv', csv(['No;Nama Guru;Skor;Persentase', ...rows]), undefined, {
      percentColumn: 'D',
    });
    expect(result.questions).toEqual([]);
    expect(percentColumn(result)).toEqual({
      key: 'percentage',
      column: 'D',
      header: 'Persentase',
      chosen: 'picked',
    });
    expect(result.rows.map((r) => [r.percentage, r.band])).toEqual([
      ['75.00', 'Baik'],
      ['70.00', 'Cukup'],
    ]);
    // Picking Skor reads Skor: the principal saw it named.
    const skor = await read('a.csv', csv(['No;Nama Guru;Skor;Persentase', ...rows]), undefined, {
      percentColumn: 'c',
    });
    expect(skor.rows.map((r) => r.percentage)).toEqual(['30.00', '28.00']);
  });

  test('a header the school picked before settles the choice, named as remembered', async () => {
    const head = 'No;Nama Guru;Skor;Persentase (%)';
    const result = await read('a.csv', csv([head, ...rows]), undefined, {
      rememberedHeader: 'persentase (%)',
    });
    expect(percentColumn(result)).toMatchObject({ column: 'D', chosen: 'remembered' });
    expect(result.rows.map((r) => r.percentage)).toEqual(['75.00', '70.00']);
    // A remembered header this file does not have changes nothing: still asked.
    const other = await read('a.csv', csv([head, ...rows]), undefined, {
      rememberedHeader: 'Capaian',
    });
    expect(other.questions.map((q) => q.kind)).toEqual(['column']);
  });

  test('a pick of the name column, or of an empty column, asks again', async () => {
    for (const pick of ['B', 'Z']) {
      const result = await read(
        'a.csv',
        csv(['No;Nama Guru;Skor;Persentase', ...rows]),
        undefined,
        {
          percentColumn: pick,
        },
      );
      expect(result.questions.map((q) => q.kind)).toEqual(['column']);
    }
  });

  test('no header says percentage: every other column is offered', async () => {
    const result = await read('a.csv', csv(['No;Nama Guru;Hasil Obs.;Catatan', '1;Lisda;40;-']));
    // "Hasil Obs." starts like "Hasil": one candidate, read and named.
    expect(percentColumn(result)).toMatchObject({ column: 'C' });
    const none = await read('a.csv', csv(['No;Nama Guru;Kolom 1;Kolom 2', '1;Lisda;40;-']));
    expect(none.questions[0]).toMatchObject({
      kind: 'column',
      reason: 'none',
      options: [
        { column: 'C', header: 'Kolom 1' },
        { column: 'D', header: 'Kolom 2' },
      ],
    });
  });

  test('a recap sheet with one column per cycle: the column named like this cycle', async () => {
    const head = 'No;Nama Guru;Kondisi Awal;Siklus I;Siklus II';
    const lines = LULUT_2.teachers.map(
      (t, i) => `${i + 1};${t.name};${LULUT_2.cycles.map((c) => c.scores[i]).join(';')}`,
    );
    for (const [ordinal, label] of ['Kondisi Awal', 'Siklus I', 'Siklus II'].entries()) {
      const result = await read('rekap.csv', csv([head, ...lines]), undefined, {
        cycleHeaders: [label],
      });
      expect(percentColumn(result)).toMatchObject({ header: label, chosen: 'header' });
      expect(result.rows.map((r) => r.percentage)).toEqual([...LULUT_2.cycles[ordinal]!.scores]);
    }
  });
});

describe('names retyped the usual ways', () => {
  const roster = [
    teacher('baw', 'B.A.W., S.Pd'),
    teacher('nining', 'Nining, A.Ma.Pd.'),
    teacher('dp', 'D.P., S.Pd'),
    teacher('wulan', 'Wulandari Kusuma, S.Pd'),
    teacher('dewi', 'Dewi Sartika, S.Pd', '198001012005012001'),
  ];
  const file = csv([
    'No;Nama Guru;NIP;Persentase',
    '1;B. A. W;;70,00',
    '2;Nining A.Ma, Pd.;;71,00',
    '3;D.P,S.D;;72,00',
    '4;Wulandari Kusma;;73,00',
    '5;Dewi S.;19800101 200501 2 001;74,00',
  ]);

  test('fold initials and degrees; match the NIP; ask about a close name', async () => {
    const result = await read('a.csv', file, roster);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => [r.row, r.teacherId, r.matchedBy])).toEqual([
      [2, 'baw', 'name'],
      [3, 'nining', 'name'],
      [4, 'dp', 'name'],
      [5, null, null],
      [6, 'dewi', 'nip'],
    ]);
    expect(result.questions).toEqual([
      {
        kind: 'teacher',
        row: 5,
        typed: 'Wulandari Kusma',
        candidates: [{ id: 'wulan', name: 'Wulandari Kusuma, S.Pd' }],
        message: {
          id: 'Baris 5: apakah "Wulandari Kusma" = "Wulandari Kusuma, S.Pd"?',
          en: 'Row 5: is "Wulandari Kusma" the same as "Wulandari Kusuma, S.Pd"?',
        },
      },
    ]);
  });

  test('the answer is taken', async () => {
    const result = await read('a.csv', file, roster, { answers: new Map([[5, 'wulan']]) });
    expect(result.questions).toEqual([]);
    expect(result.rows[3]).toMatchObject({ teacherId: 'wulan', matchedBy: 'answer' });
    expect(result.rows.every((r) => r.observation !== null)).toBe(true);
  });
});

describe('scores on other scales: asked, then converted (value ÷ maximum × 100)', () => {
  const mean5 = { kind: 'mean', max: 5 } as const;

  test('CSV, semicolons, Windows-1252: means of 5 are asked about, never read as 3,8%', async () => {
    const bytes = cp1252(
      [
        'Hasil Observasi Guru’s Kelas;;',
        'No;Nama Guru;Skor Rata-rata',
        '1;Ismiati, S.Pd;3,8',
        '2;Lisda, S.Pd;4,25',
        'Rata-rata;;4,03',
      ].join('\r\n'),
    );
    const asked = await read('skor.csv', bytes);
    expect(asked.rows).toEqual([]);
    expect(asked.questions).toEqual([
      expect.objectContaining({
        kind: 'scale',
        column: 'C',
        header: 'Skor Rata-rata',
        reason: 'values',
        suggested: mean5,
        sample: ['3,8', '4,25'],
      }),
    ]);
    const result = await read('skor.csv', bytes, LULUT_ROSTER, { scale: mean5 });
    expect(result.problems).toEqual([]);
    expect(result.scale).toEqual(mean5);
    expect(result.rows.map((r) => [r.row, r.values.percentage, r.percentage, r.band])).toEqual([
      [3, '3,8', '76.00', 'Baik'],
      [4, '4,25', '85.00', 'Baik'],
    ]);
    expect(result.footers).toEqual([{ row: 5, label: 'Rata-rata', value: '4,03' }]);
  });

  test('a header naming the scale asks even when the values could be percentages', async () => {
    const result = await read(
      'a.csv',
      csv(['Nama Guru;Skor (1-4)', 'Lisda, S.Pd;3', 'Ismiati, S.Pd;2,9']),
    );
    expect(result.questions[0]).toMatchObject({
      kind: 'scale',
      reason: 'header',
      suggested: { kind: 'mean', max: 4 },
    });
    const read4 = await read(
      'a.csv',
      csv(['Nama Guru;Skor (1-4)', 'Lisda, S.Pd;3', 'Ismiati, S.Pd;2,9']),
      LULUT_ROSTER,
      { scale: { kind: 'mean', max: 4 } },
    );
    expect(read4.rows.map((r) => r.percentage)).toEqual(['75.00', '72.50']);
  });

  test('XLSX with totals out of 40: asked by the header "Skor/40"; off-scale values named by cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Siklus I');
    ws.addRow(['No', 'Nama Guru', 'Skor/40']);
    ws.addRow([1, 'Ismiati, S.Pd', 34]);
    ws.addRow([2, 'Lisda, S.Pd', 41]);
    ws.addRow([3, 'Nanin Sudiar, S.Pd', 29]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const asked = await read('total.xlsx', bytes);
    expect(asked.questions[0]).toMatchObject({
      kind: 'scale',
      reason: 'header',
      suggested: { kind: 'total', max: 40 },
    });
    const result = await read('total.xlsx', bytes, LULUT_ROSTER, {
      scale: { kind: 'total', max: 40 },
    });
    expect(result.rows.map((r) => r.percentage)).toEqual(['85.00', null, '72.50']);
    expect(result.problems.map((p) => [p.row, p.column, p.code])).toEqual([[3, 'C', 'OFF_SCALE']]);
    expect(result.problems[0]!.message.id).toContain('skor total dari 40 (0-40)');
  });

  test('percentages stay percentages: no question for a 0-100 column', async () => {
    const result = await read('a.csv', csv(['Nama Guru;Persentase', 'Lisda, S.Pd;40,50']));
    expect(result.questions).toEqual([]);
    expect(result.scale).toEqual({ kind: 'percent' });
    // One 120 among percentages is a typo on its cell, not a column of totals.
    const typo = await read(
      'a.csv',
      csv(['Nama Guru;Persentase', 'Lisda, S.Pd;40,50', 'Ismiati, S.Pd;120']),
    );
    expect(typo.questions).toEqual([]);
    expect(typo.problems.map((p) => [p.row, p.column, p.code])).toEqual([[3, 'B', 'OFF_SCALE']]);
  });
});
