import { insertAttachment, seed } from '@siklus/db';
import { createTestDb, makeSchool, type TestDb } from '@siklus/db/testing';
import { gain, gainOfMeans } from '@siklus/domain';
import { LULUT_2 } from '@siklus/domain/fixtures';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callerFor } from '../testing/callers';

/**
 * Exports of SD Negeri Lulut 2's published PTS (the demo seed): every figure read back from
 * the produced files and compared with the paper's, the computed means (65.08, not the
 * printed 65.05) and the domain's gains.
 */

/** The means Siklus must compute from the paper's scores (it prints 65.05 for 65.075). */
const COMPUTED_MEANS = ['42.29', '53.48', '65.08'];

let testDb: TestDb;
const users: Record<string, Parameters<typeof callerFor>[1]> = {};
let studyId: string;
let cycleIds: string[];

beforeAll(async () => {
  testDb = await createTestDb();
  await seed(testDb.db);
  for (const u of await testDb.db.selectFrom('users').selectAll().execute()) users[u.username] = u;
  const study = await testDb.db
    .selectFrom('studies as s')
    .innerJoin('schools as sch', 'sch.id', 's.school_id')
    .select(['s.id'])
    .where('sch.name', '=', 'SD Negeri Lulut 2')
    .executeTakeFirstOrThrow();
  studyId = study.id;
  cycleIds = (
    await testDb.db
      .selectFrom('cycles')
      .select('id')
      .where('study_id', '=', studyId)
      .orderBy('ordinal')
      .execute()
  ).map((c) => c.id);
});
afterAll(async () => {
  await testDb?.destroy();
});

const as = (username: string) => callerFor(testDb.db, users[username]!);
const bytes = (file: { contentBase64: string }) => Buffer.from(file.contentBase64, 'base64');

async function workbook(file: { contentBase64: string }) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes(file) as unknown as ArrayBuffer);
  return wb;
}

/** The rows under the header row whose first cell is `header`, as [value, numFmt] pairs. */
function tableBelow(ws: ExcelJS.Worksheet, header: string) {
  const rows: { values: unknown[]; formats: (string | undefined)[] }[] = [];
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (!headerRow && row.getCell(1).value === header) headerRow = n;
  });
  expect(headerRow, `a header row starting with ${header}`).toBeGreaterThan(0);
  const head = (ws.getRow(headerRow).values as unknown[]).slice(1);
  for (let n = headerRow + 1; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    if (row.getCell(1).value === null) break;
    rows.push({
      values: head.map((_, i) => row.getCell(i + 1).value),
      formats: head.map((_, i) => row.getCell(i + 1).numFmt),
    });
  }
  return { head, rows };
}

const num = (s: string) => Number(s);

describe('a cycle’s table', () => {
  test('XLSX: numeric cells in 0.00, the paper’s figures, the computed mean, Indonesian headers', async () => {
    for (const [c, cycle] of LULUT_2.cycles.entries()) {
      const file = await as('kepsek.lulut2').io.cycleTable({
        cycleId: cycleIds[c]!,
        format: 'xlsx',
      });
      expect(file.fileName).toBe(`Tabel-${cycle.label.replace(' ', '-')}-SDN-Lulut-2.xlsx`);
      expect(file.contentType).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const wb = await workbook(file);
      expect(wb.worksheets.map((w) => w.name)).toEqual([cycle.label]);
      const ws = wb.worksheets[0]!;
      expect(ws.getRow(1).getCell(1).value).toBe(
        `Tabel ${c + 1}. Kemampuan guru mengimplementasikan pembelajaran kolaboratif pada ${cycle.label}`,
      );
      const { head, rows } = tableBelow(ws, 'No');
      expect(head).toEqual(['No', 'Nama Guru', 'Persentase', 'Kategori']);
      expect(rows.map((r) => r.values)).toEqual([
        ...LULUT_2.teachers.map((t, i) => [
          i + 1,
          t.name,
          num(cycle.scores[i]!),
          cycle.criteria[i],
        ]),
        [
          'Rata-rata',
          null,
          num(COMPUTED_MEANS[c]!),
          c === 2 ? 'Cukup' : c === 1 ? 'Cukup' : 'Kurang',
        ],
      ]);
      for (const r of rows) {
        expect(typeof r.values[2]).toBe('number');
        expect(r.formats[2]).toBe('0.00');
      }
    }
  });

  test('CSV: semicolons, decimal commas, a BOM, the mean row', async () => {
    const file = await as('pengawas').io.cycleTable({ cycleId: cycleIds[2]!, format: 'csv' });
    expect(file.fileName).toBe('Tabel-Siklus-II-SDN-Lulut-2.csv');
    expect(bytes(file).toString('utf8')).toBe(
      [
        '\uFEFFNo;Nama Guru;Persentase;Kategori',
        ...LULUT_2.teachers.map(
          (t, i) =>
            `${i + 1};${t.name};${LULUT_2.cycles[2].scores[i]!.replace('.', ',')};${LULUT_2.cycles[2].criteria[i]}`,
        ),
        'Rata-rata;;65,08;Cukup',
        '',
      ].join('\r\n'),
    );
  });
});

describe('the study recap', () => {
  test('XLSX: a recap sheet with gains and n-gain, a sheet per cycle, the gains between cycles', async () => {
    const file = await as('kepsek.lulut2').io.studyRecap({
      studyId,
      format: 'xlsx',
      basis: 'submitted',
    });
    expect(file.fileName).toBe('Rekap-SDN-Lulut-2.xlsx');
    const wb = await workbook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Rekap',
      'Kondisi Awal',
      'Siklus I',
      'Siklus II',
      'Peningkatan',
    ]);
    const { head, rows } = tableBelow(wb.getWorksheet('Rekap')!, 'No');
    expect(head).toEqual([
      'No',
      'Nama Guru',
      'Kondisi Awal',
      'Kategori Kondisi Awal',
      'Siklus I',
      'Kategori Siklus I',
      'Siklus II',
      'Kategori Siklus II',
      'Peningkatan (poin) Kondisi Awal - Siklus II',
      'Peningkatan relatif (%) Kondisi Awal - Siklus II',
      'N-Gain (Hake) Kondisi Awal - Siklus II',
      'Kategori N-Gain',
    ]);
    const category = { high: 'Tinggi', medium: 'Sedang', low: 'Rendah' } as const;
    const expected = LULUT_2.teachers.map((t, i) => {
      const g = gain(LULUT_2.cycles[0].scores[i]!, LULUT_2.cycles[2].scores[i]!);
      return [
        i + 1,
        t.name,
        ...LULUT_2.cycles.flatMap((c) => [num(c.scores[i]!), c.criteria[i]]),
        num(g.points),
        num(g.relative!),
        num(g.normalized!),
        category[g.category!],
      ];
    });
    const meanGain = gainOfMeans(LULUT_2.cycles[0].scores, LULUT_2.cycles[2].scores)!;
    expect(meanGain).toMatchObject({ preMean: '42.29', postMean: '65.08', points: '22.79' });
    expect(rows.map((r) => r.values)).toEqual([
      ...expected,
      [
        'Rata-rata',
        null,
        42.29,
        'Kurang',
        53.48,
        'Cukup',
        65.08,
        'Cukup',
        num(meanGain.points),
        num(meanGain.relative!),
        num(meanGain.normalized!),
        category[meanGain.category!],
      ],
    ]);
    for (const r of rows) {
      for (const i of [2, 4, 6, 8, 9, 10]) {
        expect(typeof r.values[i], `${r.values[1]} column ${i}`).toBe('number');
        expect(r.formats[i]).toBe('0.00');
      }
    }
    const gains = tableBelow(wb.getWorksheet('Peningkatan')!, 'Dari');
    expect(gains.rows.map((r) => r.values.slice(0, 5))).toEqual([
      ['Kondisi Awal', 'Siklus I', 42.29, 53.48, 11.19],
      ['Siklus I', 'Siklus II', 53.48, 65.08, 11.6],
      ['Kondisi Awal', 'Siklus II', 42.29, 65.08, 22.79],
    ]);
  });

  test('CSV: the recap table only', async () => {
    const file = await as('pengawas').io.studyRecap({ studyId, format: 'csv', basis: 'submitted' });
    const lines = bytes(file).toString('utf8').split('\r\n');
    expect(lines[1]).toBe(
      '1;Ismiati, S.Pd;35,75;Kurang;46,75;Kurang;53,50;Cukup;17,75;49,65;0,28;Rendah',
    );
    expect(lines[7]).toMatch(/^Rata-rata;;42,29;Kurang;53,48;Cukup;65,08;Cukup;22,79;/);
  });
});

describe('the district comparison', () => {
  test('every row of the filters, not one page', async () => {
    const districtId = (users.pengawas as { district_id: string }).district_id;
    await testDb.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 230; i++) {
        await makeSchool(tx, {
          district_id: districtId,
          subdistrict: 'Jonggol',
          name: `SD Ekspor ${i}`,
        });
      }
    });
    const api = as('pengawas');
    const all = await api.reports.districtComparison({ pageSize: 10 });
    const file = await api.io.districtComparison({ format: 'xlsx' });
    expect(file.fileName).toBe('Perbandingan-Kabupaten-Bogor.xlsx');
    const ws = (await workbook(file)).worksheets[0]!;
    const { head, rows } = tableBelow(ws, 'No');
    expect(head.slice(0, 4)).toEqual(['No', 'Sekolah', 'NPSN', 'Kecamatan']);
    expect(rows).toHaveLength(all.total);
    expect(all.total).toBeGreaterThan(230);

    const jonggol = await api.io.districtComparison({ format: 'csv', subdistrict: 'Jonggol' });
    const inJonggol = await api.reports.districtComparison({ subdistrict: 'Jonggol', pageSize: 1 });
    expect(inJonggol.total).toBeGreaterThanOrEqual(230);
    // The header and one line per school of the filter.
    expect(bytes(jonggol).toString('utf8').trim().split('\r\n')).toHaveLength(inJonggol.total + 1);

    const lulut = await api.io.districtComparison({
      format: 'xlsx',
      search: 'Lulut',
      basis: 'submitted',
    });
    const row = tableBelow((await workbook(lulut)).worksheets[0]!, 'No').rows[0]!.values;
    const at = (h: string) => row[head.indexOf(h)];
    expect([at('Sekolah'), at('Rata-rata Kondisi Awal'), at('Rata-rata Terakhir')]).toEqual([
      'SD Negeri Lulut 2',
      42.29,
      65.08,
    ]);
    expect(at('Peningkatan (poin)')).toBe(22.79);
  });
});

describe('the results chapter', () => {
  test('DOCX: captioned tables, the recap, a native chart, criteria and figures', async () => {
    const file = await as('kepsek.lulut2').io.studyReport({ studyId, basis: 'submitted' });
    expect(file.fileName).toBe('Bab-IV-Hasil-SDN-Lulut-2.docx');
    const zip = await JSZip.loadAsync(bytes(file));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml
      .replace(/<w:tab\/>/g, '\t')
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, '');
    const focus = 'Kemampuan guru mengimplementasikan pembelajaran kolaboratif';
    for (const [c, cycle] of LULUT_2.cycles.entries()) {
      expect(text).toContain(`Tabel ${c + 1}. ${focus} pada ${cycle.label}`);
    }
    // Siklus II awaits review: read with submitted cycles, its table says it is provisional.
    expect(text).toContain(`Tabel 3. ${focus} pada Siklus II (sementara, belum ditinjau)`);
    expect(text).toContain(
      'Tabel 4. Rekapitulasi kemampuan guru mengimplementasikan pembelajaran kolaboratif dari Kondisi Awal sampai Siklus II',
    );
    expect(text).toContain('Tabel 5. Peningkatan rata-rata');
    expect(text).toContain('Gambar 1. Grafik');

    // Five tables: three cycles, the recap, the gains. Read each table's cells in order.
    const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) =>
      [...m[1]!.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((r) =>
        [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) =>
          cell[1]!.replace(/<[^>]+>/g, ''),
        ),
      ),
    );
    // ... and the signature block's borderless table under them (report-sign.test.ts).
    expect(tables).toHaveLength(6);
    expect(tables[5]![0]!.join(' ')).toContain('Mengetahui,Pengawas Sekolah');
    for (const [c, cycle] of LULUT_2.cycles.entries()) {
      expect(tables[c]).toEqual([
        ['No', 'Nama Guru', 'Persentase', 'Kategori'],
        ...LULUT_2.teachers.map((t, i) => [
          String(i + 1),
          t.name,
          cycle.scores[i]!.replace('.', ','),
          cycle.criteria[i],
        ]),
        ['Rata-rata', COMPUTED_MEANS[c]!.replace('.', ','), c === 0 ? 'Kurang' : 'Cukup'],
      ]);
    }
    expect(tables[3]![1]).toEqual([
      '1',
      'Ismiati, S.Pd',
      '35,75 (Kurang)',
      '46,75 (Kurang)',
      '53,50 (Cukup)',
      '17,75',
      '49,65',
      '0,28',
      'Rendah',
    ]);
    expect(tables[4]!.map((r) => r.slice(0, 5))).toEqual([
      ['Dari', 'Ke', 'Rata-rata Awal', 'Rata-rata Akhir', 'Peningkatan (poin)'],
      ['Kondisi Awal', 'Siklus I', '42,29', '53,48', '11,19'],
      ['Siklus I', 'Siklus II', '53,48', '65,08', '11,60'],
      ['Kondisi Awal', 'Siklus II', '42,29', '65,08', '22,79'],
    ]);
    // Success criteria with their figures: the seed's criteria are not met by 65.08.
    expect(text).toMatch(/Siklus II: Kriteria keberhasilan belum tercapai: .*65,08/);

    // The chart is a Word chart: teachers as bars per cycle and the mean as a line.
    const chartPath = Object.keys(zip.files).find((p) => /^word\/charts\/chart\d+\.xml$/.test(p));
    expect(chartPath).toBeDefined();
    const chart = await zip.file(chartPath!)!.async('string');
    expect(chart).toContain('<c:barChart>');
    expect(chart).toContain('<c:lineChart>');
    for (const t of LULUT_2.teachers) expect(chart).toContain(t.name);
    expect(chart).toContain('Rata-rata');
    expect(chart).toContain('<c:v>65.08</c:v>');
  });

  test('as data for the printable page: the same tables and captions', async () => {
    // By default the chapter holds approved cycles and says which one it left out.
    const approvedOnly = await as('pengawas').io.resultsChapter({ studyId });
    expect(approvedOnly.tables.map((t) => t.label)).toEqual(['Kondisi Awal', 'Siklus I']);
    expect(approvedOnly.intro).toMatch(
      /Siklus II \(diajukan\) belum disetujui pengawas sehingga belum dimuat sebagai hasil\.$/,
    );
    expect(approvedOnly.recap?.meanGain?.points).toBe('11.19');

    const chapter = await as('pengawas').io.resultsChapter({ studyId, basis: 'submitted' });
    expect(chapter.tables.map((t) => [t.number, t.label, t.mean, t.meanBand])).toEqual([
      [1, 'Kondisi Awal', '42.29', 'Kurang'],
      [2, 'Siklus I', '53.48', 'Cukup'],
      [3, 'Siklus II', '65.08', 'Cukup'],
    ]);
    expect(chapter.chart?.means).toEqual(['42.29', '53.48', '65.08']);
    expect(chapter.recap?.meanGain).toEqual({
      points: '22.79',
      relative: '53.89',
      normalized: '0.39',
      category: 'Sedang',
    });
    expect(chapter.gains?.notes.join(' ')).toMatch(/tidak terdefinisi bila nilai awal 0/);
    expect(chapter.conclusion).toMatch(
      /naik 22,79 poin \(53,89% secara relatif; N-Gain 0,39, Sedang\)/,
    );

    // The principal chooses the relative increase first: every export follows.
    await as('kepsek.lulut2').studies.setGainFirst({ studyId, gainFirst: 'relative' });
    try {
      const relative = await as('pengawas').io.resultsChapter({ studyId, basis: 'submitted' });
      expect(relative.recap?.gainHeaders).toEqual([
        'Peningkatan relatif (%)',
        'Peningkatan (poin)',
        'N-Gain (Hake)',
        'Kategori N-Gain',
      ]);
      expect(relative.conclusion).toMatch(/naik 53,89% secara relatif \(22,79 poin; N-Gain/);
      const csv = await as('pengawas').io.studyRecap({
        studyId,
        format: 'csv',
        basis: 'submitted',
      });
      expect(bytes(csv).toString('utf8').split('\r\n')[1]).toBe(
        '1;Ismiati, S.Pd;35,75;Kurang;46,75;Kurang;53,50;Cukup;49,65;17,75;0,28;Rendah',
      );
    } finally {
      await as('kepsek.lulut2').studies.setGainFirst({ studyId, gainFirst: 'points' });
    }
  });
});

describe('dates in the chapter', () => {
  test('read as reports write them, "3 Januari 2024"', async () => {
    const chapter = await as('pengawas').io.resultsChapter({ studyId });
    const dates = chapter.stages.flatMap((s) => s.stages.map((st) => st.date)).filter(Boolean);
    expect(dates.length).toBeGreaterThan(0);
    for (const d of dates)
      expect(d).toMatch(
        /^\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4}$/,
      );
  });
});

describe('evidence files in the chapter', () => {
  test('listed per cycle and place, in the data and in the DOCX', async () => {
    const none = await as('pengawas').io.resultsChapter({ studyId });
    expect(none.evidence).toBeNull();
    const [first, second] = cycleIds;
    const cycle = await testDb.db
      .selectFrom('cycles')
      .select('district_id')
      .where('id', '=', first!)
      .executeTakeFirstOrThrow();
    const teacher = await testDb.db
      .selectFrom('observations as o')
      .innerJoin('teachers as t', 't.id', 'o.teacher_id')
      .select(['t.id', 't.name'])
      .where('o.cycle_id', '=', second!)
      .orderBy('t.name')
      .executeTakeFirstOrThrow();
    const row = (
      cycleId: string,
      fileName: string,
      target: { stage?: 'planning'; teacherId?: string },
    ) =>
      insertAttachment(testDb.db, {
        districtId: cycle.district_id,
        cycleId,
        stage: target.stage ?? null,
        teacherId: target.teacherId ?? null,
        fileName,
        kind: fileName.endsWith('.pdf') ? 'pdf' : 'image',
        contentType: fileName.endsWith('.pdf') ? 'application/pdf' : 'image/jpeg',
        sizeBytes: 100,
        sha256: 'a'.repeat(64),
        thumbSha256: null,
        width: null,
        height: null,
        uploadedBy: null,
      });
    await row(first!, 'RPP Kondisi Awal.pdf', { stage: 'planning' });
    await row(second!, 'foto kelas.jpg', { teacherId: teacher.id });

    const chapter = await as('pengawas').io.resultsChapter({ studyId });
    expect(chapter.evidence).toEqual({
      caption: 'Lampiran. Daftar berkas bukti per siklus',
      cycles: [
        {
          label: 'Kondisi Awal',
          items: [
            {
              id: expect.any(String),
              place: 'Tahap Perencanaan',
              fileName: 'RPP Kondisi Awal.pdf',
              kind: 'PDF',
            },
          ],
        },
        {
          label: 'Siklus I',
          items: [
            {
              id: expect.any(String),
              place: `Lembar observasi ${teacher.name}`,
              fileName: 'foto kelas.jpg',
              kind: 'foto',
            },
          ],
        },
      ],
    });
    const file = await as('kepsek.lulut2').io.studyReport({ studyId });
    const zip = await JSZip.loadAsync(bytes(file));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('Lampiran. Daftar berkas bukti per siklus');
    expect(text).toContain('Tahap Perencanaan: RPP Kondisi Awal.pdf (PDF)');
    expect(text).toContain(`Lembar observasi ${teacher.name}: foto kelas.jpg (foto)`);

    // The XLSX recap carries the same list on a sheet of its own.
    const xlsx = await as('pengawas').io.studyRecap({ studyId, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes(xlsx) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Lampiran');
    expect(sheet, 'a Lampiran sheet').toBeDefined();
    const rows: unknown[][] = [];
    sheet!.eachRow((r) => {
      rows.push((r.values as unknown[]).slice(1));
    });
    expect(rows).toContainEqual([
      1,
      'Kondisi Awal',
      'Tahap Perencanaan',
      'RPP Kondisi Awal.pdf',
      'PDF',
    ]);
    expect(rows).toContainEqual([
      2,
      'Siklus I',
      `Lembar observasi ${teacher.name}`,
      'foto kelas.jpg',
      'foto',
    ]);
  });
});
