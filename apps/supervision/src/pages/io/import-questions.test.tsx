import { type FakeOutput, ME, renderApp } from '@siklus/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ioRoutes } from '../../routes/io';

const CYCLE_ID = '00000000-0000-4000-8000-0000000000c1';
const WULAN = '00000000-0000-4000-8000-000000000007';

const cycle: FakeOutput<'cycles.get'> = {
  id: CYCLE_ID,
  label: { id: 'Siklus I', en: 'Cycle I' },
  status: 'draft',
  statusLabel: { id: 'draf', en: 'Draft' },
  editable: true,
  version: 4,
  rubric: { mode: 'summary' },
  instruments: [{ instrument: 0, key: 'utama', rubric: { definition: { mode: 'summary' } } }],
};
const summary = { n: 2, mean: '72.50', median: null, min: null, max: null, sd: null };
const base: FakeOutput<'io.previewImport'> = {
  fileName: 'tabel.csv',
  format: 'csv',
  sheetName: null,
  mode: 'summary',
  headerRow: 1,
  problems: [],
  problemCount: 0,
  unmatchedTeachers: [],
  cycle: { version: 4, status: 'draft', editable: true, label: cycle.label },
  summary: { ...summary, n: 0, mean: null, meanBand: null, bands: [] },
  scale: { kind: 'percent' },
};
const nameColumn = { key: 'name', column: 'B', header: 'Nama Guru', chosen: 'header' } as const;
const percentColumn = {
  key: 'percentage',
  column: 'D',
  header: 'Persentase (%)',
  chosen: 'picked',
} as const;
const row = (
  r: number,
  teacherName: string,
  matchedBy: 'name' | 'nip' | 'answer',
  percentage: string,
) => ({
  row: r,
  name: teacherName,
  nip: '',
  teacherId: `00000000-0000-4000-8000-00000000000${r}`,
  teacherName,
  matchedBy,
  values: {},
  percentage,
  band: 'Baik',
});

/** Asks which column, then who a close name is; answers travel with the file to confirm. */
const previews: FakeOutput<'io.previewImport'>[] = [
  {
    ...base,
    columns: [nameColumn],
    rows: [],
    questions: [
      {
        kind: 'column',
        field: 'percentage',
        reason: 'several',
        options: [
          { column: 'C', header: 'Skor' },
          { column: 'D', header: 'Persentase (%)' },
        ],
        message: {
          id: 'Beberapa kolom dapat berisi persentase (C "Skor", D "Persentase (%)").',
          en: 'Several columns could hold the percentage.',
        },
      },
    ],
    ok: false,
  },
  {
    ...base,
    columns: [nameColumn, percentColumn],
    rows: [row(2, 'Ismiati, S.Pd', 'name', '75.00')],
    questions: [
      {
        kind: 'teacher',
        row: 3,
        typed: 'Wulandari Kusma',
        candidates: [{ id: WULAN, name: 'Wulandari Kusuma, S.Pd' }],
        message: {
          id: 'Baris 3: apakah "Wulandari Kusma" = "Wulandari Kusuma, S.Pd"?',
          en: 'Row 3: is "Wulandari Kusma" the same as "Wulandari Kusuma, S.Pd"?',
        },
      },
    ],
    ok: false,
  },
  {
    ...base,
    columns: [nameColumn, percentColumn],
    rows: [
      row(2, 'Ismiati, S.Pd', 'name', '75.00'),
      row(3, 'Wulandari Kusuma, S.Pd', 'answer', '70.00'),
    ],
    questions: [],
    summary: { ...summary, meanBand: 'Baik', bands: [] },
    ok: true,
  },
];

describe('an import that says what it read and asks before guessing', () => {
  it('picks the percentage column, confirms a close name, and saves with both answers', async () => {
    let n = 0;
    const { calls, router } = renderApp(
      [...ioRoutes, { path: '/cycles/:cycleId', element: <h1>Halaman siklus</h1> }],
      {
        at: `/cycles/${CYCLE_ID}/import`,
        api: {
          'auth.me': () => ME.principal,
          'cycles.get': () => cycle,
          'io.previewImport': () => previews[Math.min(n++, 2)] ?? {},
          'io.confirmImport': () => ({ version: 5, status: 'draft', imported: 2, summary }),
        },
      },
    );
    const input = await screen.findByLabelText('Pilih berkas (XLSX atau CSV, paling besar 2 MB)');
    await userEvent.upload(input, new File(['x'], 'tabel.csv', { type: 'text/csv' }));

    expect(await screen.findByText(/Beberapa kolom dapat berisi persentase/)).toBeTruthy();
    const save = () =>
      screen.getByRole('button', { name: /Simpan|Belum dapat disimpan/ }) as HTMLButtonElement;
    expect(save().disabled).toBe(true);
    await userEvent.selectOptions(screen.getByLabelText('Kolom persentase'), 'D');
    await userEvent.click(screen.getByRole('button', { name: 'Baca kolom ini' }));

    expect(await screen.findByText('Persentase ← kolom D "Persentase (%)"')).toBeTruthy();
    expect(screen.getByText('Nama guru ← kolom B "Nama Guru"')).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Guru pada baris 3'), WULAN);
    await userEvent.click(screen.getByRole('button', { name: 'Pakai jawaban ini' }));

    await waitFor(() => expect(save().disabled).toBe(false));
    expect(screen.getByText(/sesuai jawaban Anda/)).toBeTruthy();
    await userEvent.click(save());
    await waitFor(() => expect(router.state.location.pathname).toBe(`/cycles/${CYCLE_ID}`));

    const sent = calls.filter((c) => c.path.startsWith('io.')).map((c) => c.input);
    expect(sent.map((i) => (i as { percentColumn?: string }).percentColumn)).toEqual([
      undefined,
      'D',
      'D',
      'D',
    ]);
    expect(sent[3]).toMatchObject({
      version: 4,
      percentColumn: 'D',
      teacherAnswers: [{ row: 3, teacherId: WULAN }],
    });
  });
});

describe('scores on another scale', () => {
  it('asks the scale with the suggestion preselected, sends it, and shows the value beside its percentage', async () => {
    const asked: FakeOutput<'io.previewImport'> = {
      ...base,
      columns: [nameColumn, { ...percentColumn, header: 'Skor Rata-rata', chosen: 'header' }],
      rows: [],
      questions: [
        {
          kind: 'scale',
          column: 'D',
          header: 'Skor Rata-rata',
          reason: 'values',
          suggested: { kind: 'mean', max: 5 },
          sample: ['3,8', '4,25'],
          message: {
            id: 'Kolom D "Skor Rata-rata" mungkin bukan persentase: semua nilainya 5 atau kurang.',
            en: 'Column D may not be a percentage.',
          },
        },
      ],
      ok: false,
    };
    const read: FakeOutput<'io.previewImport'> = {
      ...asked,
      questions: [],
      scale: { kind: 'mean', max: 5 },
      rows: [{ ...row(2, 'Ismiati, S.Pd', 'name', '76.00'), values: { percentage: '3,8' } }],
      summary: { ...summary, n: 1, mean: '76.00', meanBand: 'Baik', bands: [] },
      ok: true,
    };
    let n = 0;
    const { calls } = renderApp(ioRoutes, {
      at: `/cycles/${CYCLE_ID}/import`,
      api: {
        'auth.me': () => ME.principal,
        'cycles.get': () => cycle,
        'io.previewImport': () => (n++ === 0 ? asked : read),
      },
    });
    const input = await screen.findByLabelText('Pilih berkas (XLSX atau CSV, paling besar 2 MB)');
    await userEvent.upload(input, new File(['x'], 'skor.csv', { type: 'text/csv' }));
    expect(await screen.findByText(/mungkin bukan persentase/)).toBeTruthy();
    const scale = screen.getByLabelText(
      'Skala nilai kolom D "Skor Rata-rata"',
    ) as HTMLSelectElement;
    expect(scale.value).toBe('mean5');
    await userEvent.click(screen.getByRole('button', { name: 'Baca dengan skala ini' }));
    expect(
      await screen.findByText(
        'Dibaca sebagai rata-rata skala 1-5; persentase = nilai ÷ maksimum × 100.',
      ),
    ).toBeTruthy();
    const table = screen.getByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Nilai di lembar' })).toBeTruthy();
    const cells = within(within(table).getAllByRole('row')[1]!).getAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toContain('3,8');
    expect(cells.map((c) => c.textContent)).toContain('76,00');
    const previews = calls.filter((c) => c.path === 'io.previewImport').map((c) => c.input);
    expect(previews[1]).toMatchObject({ scale: { kind: 'mean', max: 5 } });
  });
});
