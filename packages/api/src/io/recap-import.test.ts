import {
  makeBandSetVersion,
  makeCriteriaVersion,
  makeCycle,
  makeRubricVersion,
  makeSchool,
  makeStudy,
  makeTeacher,
  makeUser,
} from '@siklus/db/testing';
import { LULUT_2 } from '@siklus/domain/fixtures';
import { TRPCError } from '@trpc/server';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { callerFor } from '../testing/callers';
import { useTestWorld } from '../testing/test-world';

/**
 * A recap sheet (one column per cycle) into a historical study in one go (issue 15):
 * preview, then confirm writes and submits every cycle in one transaction with the printed
 * figures the sheet carries, so each cycle's consistency check has something to compare.
 */

const world = useTestWorld();

const NAMES = LULUT_2.teachers.map((t) => t.name);

/** An empty historical study (summary rubric) in a school of its own, with the roster. */
async function emptyStudy() {
  const db = world.db;
  const scope = { district_id: world.w.districtA.id };
  const s = await makeSchool(db, { ...scope, name: `SD Negeri Rekap ${Date.now()}` });
  const principal = await makeUser(db, { role: 'principal', ...scope, school_id: s.id });
  for (const [i, name] of NAMES.entries()) {
    await makeTeacher(db, { ...scope, school_id: s.id, name, sort_order: i + 1 });
  }
  const study = await makeStudy(db, {
    ...scope,
    school_id: s.id,
    rubric_version_id: (await makeRubricVersion(db, { ...scope, definition: { mode: 'summary' } }))
      .id,
    band_set_version_id: (await makeBandSetVersion(db, scope)).id,
    criteria_set_version_id: (await makeCriteriaVersion(db, scope)).id,
    source: 'Jurnal Pendidikan, 2023',
  });
  const baseline = await makeCycle(db, { study_id: study.id, ordinal: 0 });
  return { study, baseline, api: callerFor(db, principal) };
}

/** How many cycles and observations the study has, straight from the tables. */
async function stored(studyId: string) {
  const { rows } = await sql<{ cycles: number; observations: number }>`
    select (select count(*)::int from cycles where study_id = ${studyId}) as cycles,
           (select count(*)::int from observations o join cycles c on c.id = o.cycle_id
             where c.study_id = ${studyId}) as observations`.execute(world.db);
  return rows[0]!;
}

/** Windows-1252 as an old Excel saves it: "’" is the single byte 0x92. */
const cp1252 = (text: string) =>
  Uint8Array.from([...text].map((ch) => (ch === '’' ? 0x92 : ch.charCodeAt(0))));
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const comma = (x: string) => x.replace('.', ',');

/** The paper's three tables side by side, as a principal's recap sheet (semicolons, cp1252). */
function lulutRecapCsv(edit: (lines: string[]) => string[] = (l) => l): string {
  const [a, b, c] = LULUT_2.cycles;
  const lines = [
    'Rekapitulasi Kemampuan Guru’s Pembelajaran Kolaboratif;;;;',
    'No;Nama Guru;Kondisi Awal;Siklus I;Siklus II',
    ...LULUT_2.teachers.map(
      (t, i) =>
        `${i + 1};${t.name};${comma(a.scores[i]!)};${comma(b.scores[i]!)};${comma(c.scores[i]!)}`,
    ),
    // As the paper prints them: 65,05 where the scores give 65,08.
    `Rata-rata;;${comma(a.reportedMean)};${comma(b.reportedMean)};${comma(c.reportedMean)}`,
    'Kategori;;Kurang;Cukup;Baik',
  ];
  return b64(cp1252(edit(lines).join('\r\n')));
}

describe('a recap sheet into a historical study', () => {
  test('CSV (semicolons, Windows-1252): preview names each cycle’s column and printed mean; confirm writes, submits, and checks them', async () => {
    const { study, baseline, api } = await emptyStudy();
    const file = { studyId: study.id, fileName: 'rekap.csv', contentBase64: lulutRecapCsv() };
    const preview = await api.io.previewRecap(file);
    expect(preview.problems).toEqual([]);
    expect(preview.questions).toEqual([]);
    expect(preview.ok).toBe(true);
    expect(preview.headerRow).toBe(2);
    expect(preview.baseline).toEqual({ id: baseline.id, version: 1 });
    expect(preview.cycles.map((c) => [c.label.id, c.column, c.header])).toEqual([
      ['Kondisi Awal', 'C', 'Kondisi Awal'],
      ['Siklus I', 'D', 'Siklus I'],
      ['Siklus II', 'E', 'Siklus II'],
    ]);
    // Row numbers are the sheet's own: the title is row 1, the header row 2.
    expect(preview.cycles[0]!.rows.map((r) => r.row)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(preview.cycles.map((c) => c.rows.map((r) => r.percentage))).toEqual(
      LULUT_2.cycles.map((c) => [...c.scores]),
    );
    expect(preview.cycles.map((c) => c.summary.mean)).toEqual(['42.29', '53.48', '65.08']);
    expect(preview.cycles.map((c) => [c.printedMean, c.printedMeanBand])).toEqual([
      [{ value: '42.29', typed: '42,29' }, 'Kurang'],
      [{ value: '53.48', typed: '53,48' }, 'Cukup'],
      [{ value: '65.05', typed: '65,05' }, 'Baik'],
    ]);
    // Nothing is written by a preview.
    expect(await stored(study.id)).toEqual({ cycles: 1, observations: 0 });

    const done = await api.io.confirmRecap({ ...file, version: preview.baseline.version });
    expect(done.cycles.map((c) => [c.label.id, c.status, c.summary.n, c.summary.mean])).toEqual([
      ['Kondisi Awal', 'submitted', 6, '42.29'],
      ['Siklus I', 'submitted', 6, '53.48'],
      ['Siklus II', 'submitted', 6, '65.08'],
    ]);
    // The consistency check ran on each: the paper's 65,05 and its "Baik" for Siklus II.
    expect(
      done.cycles.map((c) => c.mismatches.map((m) => [m.field, m.printed, m.computed])),
    ).toEqual([
      [],
      [],
      [
        ['mean', '65.05', '65.08'],
        ['meanBand', 'Baik', 'Cukup'],
      ],
    ]);
    expect(done.cycles[2]!.printed).toMatchObject({ mean: '65.05', meanAsTyped: '65,05' });
    expect(await stored(study.id)).toEqual({ cycles: 3, observations: 18 });

    // The study and the supervisor's view read the same figures; each cycle has its history.
    const detail = await world.w.as('supervisor').reports.schoolDetail({
      studyId: study.id,
      basis: 'submitted',
    });
    expect(detail.cycles.map((c) => c.summary.mean)).toEqual(['42.29', '53.48', '65.08']);
    const cycle = await api.cycles.get({ cycleId: done.cycles[1]!.id });
    expect(cycle.history.map((h) => h.action)).toEqual(['submit']);
    // One audit row names the file and the column of each cycle.
    const { rows } = await sql<{ after: { cycles: { header: string }[] } }>`
      select after from audit_log where action = 'study.recapImport' and entity_id = ${study.id}`.execute(
      world.db,
    );
    expect(rows[0]!.after.cycles.map((c) => c.header)).toEqual([
      'Kondisi Awal',
      'Siklus I',
      'Siklus II',
    ]);

    // The study is no longer empty: a second recap is refused.
    const again = await api.io.previewRecap(file).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(TRPCError);
    expect((again as TRPCError).code).toBe('CONFLICT');
  });

  test('XLSX on a 1-5 scale: asked once for the sheet, converted only when confirmed, raw value kept beside it', async () => {
    const { study, api } = await emptyStudy();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Rekap');
    ws.addRow(['No', 'Nama', 'Pra Siklus', 'Siklus 1', 'Siklus 2']);
    const means = [
      [2.1, 3, 3.8],
      [2.4, 3.1, 4],
      [2, 2.9, 3.75],
      [2.2, 3.2, 4.1],
      [1.9, 2.8, 3.6],
      [2.3, 3.3, 4.2],
    ];
    for (const [i, name] of NAMES.entries()) ws.addRow([i + 1, name, ...means[i]!]);
    ws.addRow(['Rerata', '', 2.15, 3.05, 3.91]);
    const file = {
      studyId: study.id,
      fileName: 'rekap.xlsx',
      contentBase64: b64(new Uint8Array(await wb.xlsx.writeBuffer())),
    };
    const asked = await api.io.previewRecap(file);
    expect(asked.ok).toBe(false);
    expect(asked.cycles).toEqual([]);
    expect(asked.questions).toHaveLength(1);
    expect(asked.questions[0]).toMatchObject({
      kind: 'scale',
      column: 'C, D, E',
      reason: 'values',
      suggested: { kind: 'mean', max: 5 },
    });
    // Confirm without the answer stores nothing.
    const refused = await api.io.confirmRecap({ ...file, version: 1 }).catch((e: unknown) => e);
    expect((refused as TRPCError).code).toBe('BAD_REQUEST');
    expect(await stored(study.id)).toEqual({ cycles: 1, observations: 0 });

    const scale = { kind: 'mean', max: 5 } as const;
    const preview = await api.io.previewRecap({ ...file, scale });
    expect(preview.ok).toBe(true);
    expect(preview.scale).toEqual(scale);
    expect(preview.cycles[2]!.rows[0]).toMatchObject({
      values: { percentage: '3.8' },
      percentage: '76.00',
    });
    expect(preview.cycles.map((c) => c.printedMean)).toEqual([
      { value: '43.00', typed: '2,15 dari 5' },
      { value: '61.00', typed: '3,05 dari 5' },
      { value: '78.20', typed: '3,91 dari 5' },
    ]);
    const done = await api.io.confirmRecap({ ...file, scale, version: 1 });
    // (76 + 80 + 75 + 82 + 72 + 84) / 6 = 78.1666... -> 78.17; the sheet's 3,91 is 78.20.
    expect(done.cycles[2]!.summary.mean).toBe('78.17');
    expect(done.cycles[2]!.mismatches.map((m) => [m.field, m.printed, m.computed])).toEqual([
      ['mean', '78.20', '78.17'],
    ]);
  });

  test('one bad cell refuses the whole sheet: no cycle opened, no observation written', async () => {
    const { study, api } = await emptyStudy();
    const bad = lulutRecapCsv((lines) =>
      lines.map((l, i) => (i === 5 ? l.replace(/;[^;]*$/, ';enam puluh') : l)),
    );
    const file = { studyId: study.id, fileName: 'rekap.csv', contentBase64: bad };
    const preview = await api.io.previewRecap(file);
    expect(preview.ok).toBe(false);
    expect(preview.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [6, 'E', 'NOT_A_NUMBER'],
    ]);
    const refused = await api.io.confirmRecap({ ...file, version: 1 }).catch((e: unknown) => e);
    expect((refused as TRPCError).code).toBe('BAD_REQUEST');
    expect(await stored(study.id)).toEqual({ cycles: 1, observations: 0 });

    // A stale screen is refused too, before anything is written.
    const good = { ...file, contentBase64: lulutRecapCsv() };
    const stale = await api.io.confirmRecap({ ...good, version: 7 }).catch((e: unknown) => e);
    expect((stale as TRPCError).code).toBe('CONFLICT');
    expect(await stored(study.id)).toEqual({ cycles: 1, observations: 0 });
  });

  test('a sheet without the cycles in order is refused with the header row named', async () => {
    const { study, api } = await emptyStudy();
    const csv = ['Nama Guru;Siklus I;Siklus II', `${NAMES[0]};50,00;60,00`].join('\r\n');
    const preview = await api.io.previewRecap({
      studyId: study.id,
      fileName: 'rekap.csv',
      contentBase64: b64(new TextEncoder().encode(csv)),
    });
    expect(preview.ok).toBe(false);
    expect(preview.problems).toHaveLength(1);
    expect(preview.problems[0]).toMatchObject({ row: 1, code: 'MISSING_COLUMN' });
    expect(preview.problems[0]!.message.id).toContain('Siklus I, Siklus II');
  });
});
