import { ME, renderApp } from '@siklus/ui/testing';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ioRoutes } from '../../routes/io';

const CYCLE_ID = '00000000-0000-4000-8000-0000000000c1';

const cycle = {
  id: CYCLE_ID,
  label: { id: 'Siklus I', en: 'Cycle I' },
  status: 'draft' as const,
  statusLabel: { id: 'draf', en: 'Draft' },
  editable: true,
  version: 4,
  rubric: { mode: 'summary' as const },
  instruments: [
    { instrument: 0, key: 'utama', rubric: { definition: { mode: 'summary' as const } } },
  ],
};

const summary = (n: number, mean: string | null, meanBand: string | null) => ({
  n,
  mean,
  median: mean,
  min: mean,
  max: mean,
  sd: null,
  meanBand,
  bands: [],
});

const row = (
  r: number,
  name: string,
  teacherName: string | null,
  percentage: string | null,
  band: string | null,
) => ({
  row: r,
  name,
  nip: '',
  teacherId: teacherName ? `00000000-0000-4000-8000-00000000000${r}` : null,
  teacherName,
  matchedBy: teacherName ? ('name' as const) : null,
  values: { name, percentage: percentage ?? '' },
  percentage,
  band,
});

const withProblems = {
  fileName: 'lembar.csv',
  format: 'csv' as const,
  sheetName: null,
  mode: 'summary' as const,
  headerRow: 1,
  columns: [],
  rows: [row(2, 'Ismiati', 'Ismiati, S.Pd', '35.75', 'Kurang'), row(3, 'Budi', null, null, null)],
  problems: [
    {
      row: 3,
      column: 'B',
      header: 'Nama Guru',
      code: 'UNKNOWN_TEACHER' as const,
      message: {
        id: '"Budi" tidak ada dalam daftar guru sekolah ini.',
        en: '"Budi" is not on this school\'s teacher roster.',
      },
    },
    {
      row: 3,
      column: 'C',
      header: 'Persentase',
      code: 'MISSING_VALUE' as const,
      message: { id: 'Persentase belum diisi.', en: 'The percentage is empty.' },
    },
  ],
  problemCount: 2,
  questions: [],
  summary: summary(1, '35.75', 'Kurang'),
  scale: { kind: 'percent' as const },
  unmatchedTeachers: [],
  cycle: { version: 4, status: 'draft' as const, editable: true, label: cycle.label },
  ok: false,
};

const clean = {
  ...withProblems,
  fileName: 'lembar-baik.csv',
  rows: [
    row(2, 'Ismiati', 'Ismiati, S.Pd', '35.75', 'Kurang'),
    row(3, 'Lisda', 'Lisda, S.Pd', '52.75', 'Cukup'),
  ],
  problems: [],
  problemCount: 0,
  summary: summary(2, '44.25', 'Kurang'),
  ok: true,
};

const routes = [...ioRoutes, { path: '/cycles/:cycleId', element: <h1>Halaman siklus</h1> }];

const csvFile = (name: string, text: string) => new File([text], name, { type: 'text/csv' });

describe('the import page', () => {
  it('previews problems by row and column, keeps confirm disabled until the file is clean, then saves and returns', async () => {
    const uploads: { fileName: string; contentBase64: string }[] = [];
    const { calls, router } = renderApp(routes, {
      at: `/cycles/${CYCLE_ID}/import`,
      api: {
        'auth.me': () => ME.principal,
        'cycles.get': () => cycle,
        'io.previewImport': (input) => {
          const i = input as { fileName: string; contentBase64: string };
          uploads.push(i);
          return i.fileName === 'lembar.csv' ? withProblems : clean;
        },
        'io.confirmImport': () => ({
          version: 5,
          status: 'draft' as const,
          imported: 2,
          summary: clean.summary,
        }),
      },
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Impor lembar observasi: Siklus I' }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Unduh templat Excel' }).getAttribute('href')).toBe(
      `/import/cycles/${CYCLE_ID}/template.xlsx`,
    );

    const input = screen.getByLabelText('Pilih berkas (XLSX atau CSV, paling besar 2 MB)');
    await userEvent.upload(
      input,
      csvFile('lembar.csv', 'Nama Guru;Persentase\nIsmiati;35,75\nBudi;\n'),
    );

    expect(await screen.findByRole('heading', { name: '2 masalah harus diperbaiki' })).toBeTruthy();
    expect(uploads[0]!.contentBase64).toBe(btoa('Nama Guru;Persentase\nIsmiati;35,75\nBudi;\n'));
    const problems = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(problems).toEqual([
      'Baris 3, kolom B (Nama Guru): "Budi" tidak ada dalam daftar guru sekolah ini.',
      'Baris 3, kolom C (Persentase): Persentase belum diisi.',
    ]);
    expect(screen.getByText('Tidak ditemukan')).toBeTruthy();
    // The summary says how many of the rows are ready; nothing can be saved until all are.
    expect(screen.getByText(/^1 dari 2 baris guru siap disimpan/)).toBeTruthy();
    const save = screen.getByRole('button', { name: 'Belum dapat disimpan' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    expect(calls.some((c) => c.path === 'io.confirmImport')).toBe(false);

    await userEvent.upload(
      input,
      csvFile('lembar-baik.csv', 'Nama Guru;Persentase\nIsmiati;35,75\nLisda;52,75\n'),
    );
    expect(await screen.findByText('Tidak ada masalah. Semua baris siap disimpan.')).toBeTruthy();
    expect(
      screen.getByText(
        '2 dari 2 baris guru siap disimpan · rata-rata baris yang siap 44,25 (Kurang)',
      ),
    ).toBeTruthy();
    const ready = screen.getByRole('button', { name: 'Simpan 2 observasi' }) as HTMLButtonElement;
    expect(ready.disabled).toBe(false);
    await userEvent.click(ready);

    await waitFor(() => expect(router.state.location.pathname).toBe(`/cycles/${CYCLE_ID}`));
    const confirm = calls.find((c) => c.path === 'io.confirmImport');
    expect(confirm?.input).toEqual({
      cycleId: CYCLE_ID,
      version: 4,
      fileName: 'lembar-baik.csv',
      contentBase64: uploads[1]!.contentBase64,
    });
  });

  it('refuses a file over 2 MB and a wrong type before uploading anything', async () => {
    const { calls } = renderApp(routes, {
      at: `/cycles/${CYCLE_ID}/import`,
      api: { 'auth.me': () => ME.principal, 'cycles.get': () => cycle },
    });
    const input = await screen.findByLabelText('Pilih berkas (XLSX atau CSV, paling besar 2 MB)');
    const big = new File([new Uint8Array(2 * 1024 * 1024 + 1)], 'besar.xlsx');
    await userEvent.upload(input, big);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Berkas besar.xlsx terlalu besar (2,0 MB); paling besar 2 MB.',
    );
    await userEvent.upload(input, new File(['x'], 'lama.xls'), { applyAccept: false });
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^Pilih berkas \.xlsx atau \.csv/,
    );
    expect(calls.some((c) => c.path === 'io.previewImport')).toBe(false);
  });

  it('with two instruments, the principal picks the instrument: template, preview and save name it', async () => {
    const indicators = (keys: string[]) => ({
      mode: 'indicators' as const,
      aspects: [
        {
          key: 'A',
          title: 'Aspek',
          indicators: keys.map((key) => ({
            key,
            text: key,
            scale: { min: 1, max: 4, levels: [] },
          })),
        },
      ],
    });
    const twoInstruments = {
      ...cycle,
      instruments: [
        {
          instrument: 0,
          key: 'pelaksanaan',
          rubric: { name: 'Lembar pelaksanaan', definition: { mode: 'summary' as const } },
        },
        {
          instrument: 1,
          key: 'rpp',
          rubric: { name: 'Lembar RPP', definition: indicators(['R1', 'R2']) },
        },
      ],
    };
    const { calls, router } = renderApp(routes, {
      at: `/cycles/${CYCLE_ID}/import`,
      api: {
        'auth.me': () => ME.principal,
        'cycles.get': () => twoInstruments,
        'io.previewImport': (input) => ({
          ...clean,
          instrument: input.instrument
            ? { number: 1, key: 'rpp' }
            : { number: 0, key: 'pelaksanaan' },
        }),
        'io.confirmImport': () => ({
          version: 5,
          status: 'draft' as const,
          imported: 2,
          summary: clean.summary,
        }),
      },
    });
    const pick = (await screen.findByLabelText('Instrumen lembar ini')) as HTMLSelectElement;
    expect([...pick.options].map((o) => o.textContent)).toEqual([
      'pelaksanaan (utama) · Lembar pelaksanaan',
      'rpp · Lembar RPP',
    ]);
    expect(pick.value).toBe('0');
    const template = () =>
      screen.getByRole('link', { name: 'Unduh templat Excel' }).getAttribute('href');
    expect(template()).toBe(`/import/cycles/${CYCLE_ID}/template.xlsx`);

    await userEvent.selectOptions(pick, '1');
    expect(template()).toBe(`/import/cycles/${CYCLE_ID}/template.xlsx?instrument=1`);
    expect(screen.getByRole('link', { name: 'Unduh templat CSV' }).getAttribute('href')).toBe(
      `/import/cycles/${CYCLE_ID}/template.csv?instrument=1`,
    );
    expect(router.state.location.search).toBe('?instrument=1');
    // The template hint follows the chosen instrument's rubric (indicators, not percentages).
    expect(screen.getByText(/skor setiap indikator/)).toBeTruthy();

    const input = screen.getByLabelText('Pilih berkas (XLSX atau CSV, paling besar 2 MB)');
    await userEvent.upload(input, csvFile('rpp.csv', 'Nama Guru;R1;R2\nIsmiati;4;4\n'));
    expect(await screen.findByText('Dinilai dengan instrumen rpp.')).toBeTruthy();
    const previews = () =>
      calls
        .filter((c) => c.path === 'io.previewImport')
        .map((c) => (c.input as { instrument?: number }).instrument);
    expect(previews()).toEqual([1]);

    // Back to the primary: the same file is read again without an instrument.
    await userEvent.selectOptions(pick, '0');
    expect(await screen.findByText('Dinilai dengan instrumen pelaksanaan.')).toBeTruthy();
    expect(previews()).toEqual([1, undefined]);
    await userEvent.selectOptions(pick, '1');
    expect(await screen.findByText('Dinilai dengan instrumen rpp.')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Simpan 2 observasi' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/cycles/${CYCLE_ID}`));
    expect(calls.find((c) => c.path === 'io.confirmImport')?.input).toMatchObject({
      cycleId: CYCLE_ID,
      instrument: 1,
      fileName: 'rpp.csv',
    });
  });

  it('a one-instrument study has no instrument to pick', async () => {
    renderApp(routes, {
      at: `/cycles/${CYCLE_ID}/import?instrument=1`,
      api: { 'auth.me': () => ME.principal, 'cycles.get': () => cycle },
    });
    expect(await screen.findByRole('link', { name: 'Unduh templat Excel' })).toBeTruthy();
    expect(screen.queryByLabelText('Instrumen lembar ini')).toBeNull();
    // An instrument the study lacks falls back to the primary.
    expect(screen.getByRole('link', { name: 'Unduh templat Excel' }).getAttribute('href')).toBe(
      `/import/cycles/${CYCLE_ID}/template.xlsx`,
    );
  });
});
