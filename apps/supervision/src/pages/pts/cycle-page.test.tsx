import { FakeApiError, type Handler, ME, renderApp } from '@siklus/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../router';
import { IDS, makeCycle, observation, teacherList } from './test-fixtures';

const AT = `/cycles/${IDS.cycle}`;

const studyGet = () => ({
  id: IDS.study,
  schoolName: 'SD Negeri Lulut 2',
  title: 'PTS Kolaboratif',
});

/** The API of a principal's draft cycle; `server` is what the next `cycles.get` answers. */
function principalApi(
  server: { cycle: ReturnType<typeof makeCycle> },
  extra: Record<string, Handler> = {},
) {
  return {
    'auth.me': () => ME.principal,
    'cycles.get': () => server.cycle,
    'studies.get': studyGet,
    'teachers.list': teacherList,
    'followUps.forCycle': () => ({ today: '2026-03-12', written: [], checking: [] }),
    ...extra,
  };
}

const sheetOf = () => screen.getByRole('region', { name: /^Lembar observasi: / });
const pick = async (indicator: RegExp, level: RegExp) =>
  userEvent.click(
    within(screen.getByRole('group', { name: indicator })).getByRole('radio', { name: level }),
  );

describe('cycle page (principal)', () => {
  it('scores a teacher live, saves with the cycle version, and shows the table with the mean', async () => {
    const server = { cycle: makeCycle() };
    const { calls } = renderApp(routes, {
      at: AT,
      api: principalApi(server, {
        'cycles.upsertObservation': () => {
          // What the server stores: Siti 4+4+n/a -> 8/8 = 100.00.
          server.cycle = makeCycle({ version: 4 }, [
            observation(0, '75.00', 'Baik', { A1: 4, A2: 3, B1: 2 }),
            observation(1, '100.00', 'Sangat Baik', { A1: 4, A2: 4, B1: 'na' }),
          ]);
          return {
            version: 4,
            observation: {
              id: 'x',
              teacherId: IDS.t2,
              percentage: '100.00',
              band: 'Sangat Baik',
              earned: '8.00',
              possible: '8.00',
            },
          };
        },
        'cycles.updateNotes': () => ({ version: 5 }),
      }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: /Siklus I/ })).toBeTruthy();
    // The table: the paper's shape, with the mean and its band, and who is missing.
    const table = screen.getByRole('table', { name: 'Hasil observasi Siklus I' });
    expect(within(table).getByText('Ismiati, S.Pd')).toBeTruthy();
    expect(within(table).getByTestId('cycle-mean').textContent).toBe('75,00');
    expect(screen.getByTestId('completeness').textContent).toContain('2 guru aktif belum');
    expect(screen.getByTestId('completeness').textContent).toContain('Siti Aminah, S.Pd');

    // The first unobserved teacher is picked; the sheet computes as scores are entered.
    const teacher = screen.getByLabelText('Guru yang diobservasi') as HTMLSelectElement;
    expect(teacher.value).toBe(IDS.t2);
    await pick(/Merumuskan tujuan/, /^4/);
    await pick(/Menyiapkan media/, /^4/);
    // A running figure while scoring, over what is scored so far (exact: the domain's rule).
    expect(within(sheetOf()).getByTestId('sheet-running').textContent).toBe(
      'Sementara: 100,00% — 2 dari 3 indikator',
    );
    await pick(/Membentuk kelompok/, /^1/);
    // (4 + 4 + 1) / 12 = 75.00 Baik; points read as whole numbers
    expect(screen.getByTestId('sheet-percentage').textContent).toBe('75,00');
    expect(screen.getByTestId('sheet-points').textContent).toBe('Skor 9 dari 12');
    expect(within(sheetOf()).getByRole('status').textContent).toContain('Baik');
    await pick(/Membentuk kelompok/, /n\/a/);
    expect(screen.getByTestId('sheet-percentage').textContent).toBe('100,00');
    expect(within(sheetOf()).getByRole('status').textContent).toContain('Sangat Baik');
    expect(teacher.selectedOptions[0]?.textContent).toBe('Siti Aminah, S.Pd (belum disimpan)');

    const save = screen.getByRole('button', { name: 'Simpan observasi' });
    await userEvent.click(save);
    // Said by the button (not at the top of the page), with the time, in a live region.
    const said = await screen.findByText(
      /^Tersimpan \d{2}\.\d{2} — Siti Aminah, S\.Pd: 100,00 \(Sangat Baik\)\.$/,
    );
    expect(said.getAttribute('role')).toBe('status');
    expect(said.closest('.pts-save-row')).toBe(save.closest('.pts-save-row'));
    expect(save.getAttribute('aria-describedby')).toBe(said.parentElement?.parentElement?.id);
    expect(calls.find((c) => c.path === 'cycles.upsertObservation')?.input).toEqual({
      cycleId: IDS.cycle,
      version: 3,
      teacherId: IDS.t2,
      observedOn: null,
      notes: null,
      kind: 'indicators',
      scores: { A1: 4, A2: 4, B1: 'na' },
    });
    await waitFor(() =>
      expect(
        within(screen.getByRole('table', { name: 'Hasil observasi Siklus I' })).getByTestId(
          'cycle-mean',
        ).textContent,
      ).toBe('87,50'),
    );

    // The sheet stays on the saved teacher, now marked ✓ and counted; "Guru berikutnya"
    // moves on to the next one without an observation and puts the focus on the picker.
    expect(teacher.value).toBe(IDS.t2);
    await waitFor(() =>
      expect(teacher.selectedOptions[0]?.textContent).toBe('Siti Aminah, S.Pd ✓'),
    );
    expect(screen.getByText('2 dari 3 guru sudah diobservasi')).toBeTruthy();
    expect([...teacher.options].map((o) => o.textContent)).toEqual([
      'Ismiati, S.Pd ✓',
      'Siti Aminah, S.Pd ✓',
      'Dedi Kurniawan, S.Pd',
    ]);
    expect(screen.getByTestId('sheet-percentage').textContent).toBe('100,00');
    await userEvent.click(
      screen.getByRole('button', { name: 'Guru berikutnya: Dedi Kurniawan, S.Pd' }),
    );
    expect(teacher.value).toBe(IDS.t3);
    expect(document.activeElement).toBe(teacher);
    expect(screen.queryByText(/^Tersimpan/)).toBeNull();

    // The next write carries the version the save returned.
    await userEvent.type(screen.getByLabelText('Catatan tahap Refleksi'), 'Guru lebih aktif.');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan catatan tahapan' }));
    // A toast at the bottom of the screen, in the polite live region.
    const toast = await screen.findByText('Catatan tahapan tersimpan.');
    expect(toast.closest('[aria-live]')?.getAttribute('aria-live')).toBe('polite');
    expect(calls.find((c) => c.path === 'cycles.updateNotes')?.input).toEqual({
      cycleId: IDS.cycle,
      version: 4,
      reflectionNotes: 'Guru lebih aktif.',
    });
  });

  it("shows the API's refusal next to the field it names", async () => {
    const server = { cycle: makeCycle() };
    const { calls } = renderApp(routes, {
      at: AT,
      api: principalApi(server, {
        'cycles.upsertObservation': (input) => {
          const { observedOn } = input as { observedOn: string | null };
          if (observedOn === '2030-01-01')
            throw new FakeApiError(
              'BAD_REQUEST',
              {
                id: 'Tanggal observasi tidak boleh di masa depan',
                en: 'The observation date cannot be in the future',
              },
              'observedOn',
            );
          throw new FakeApiError(
            'BAD_REQUEST',
            { id: 'Skor indikator B1 di luar skala 1-4', en: 'B1 is outside the scale 1-4' },
            'scores.B1',
          );
        },
      }),
    });
    await screen.findByLabelText('Guru yang diobservasi');
    // An incomplete sheet is refused before anything is sent: every missing indicator is
    // outlined and named by the number the sheet shows (not its key), the first one takes
    // the focus, and each mark leaves as it is scored.
    await pick(/Merumuskan tujuan/, /^3/);
    await userEvent.click(screen.getByRole('button', { name: 'Simpan observasi' }));
    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toBe('Indikator 2 dan 3 belum diisi. Pilih skor atau tandai n/a.');
    expect(calls.some((c) => c.path === 'cycles.upsertObservation')).toBe(false);
    const group = (name: RegExp) => screen.getByRole('group', { name });
    expect(group(/^1\. Merumuskan/).getAttribute('aria-invalid')).toBeNull();
    expect(group(/^2\. Menyiapkan/).getAttribute('aria-invalid')).toBe('true');
    expect(group(/^3\. Membentuk/).getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(within(group(/^2\. Menyiapkan/)).getAllByRole('radio')[0]);
    expect(within(group(/^2\. Menyiapkan/)).getByText('Indikator 2 belum diisi.')).toBeTruthy();

    await pick(/Menyiapkan media/, /^3/);
    expect(group(/^2\. Menyiapkan/).getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe(
      'Indikator 3 belum diisi. Pilih skor atau tandai n/a.',
    );
    await pick(/Membentuk kelompok/, /^3/);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(group(/^3\. Membentuk/).getAttribute('aria-invalid')).toBeNull();
    const date = screen.getByLabelText('Tanggal observasi');
    await userEvent.type(date, '2030-01-01');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan observasi' }));
    await waitFor(() => expect(date.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = date.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe(
      'Tanggal observasi tidak boleh di masa depan',
    );

    await userEvent.clear(date);
    await userEvent.click(screen.getByRole('button', { name: 'Simpan observasi' }));
    // Said once, under the sheet (not again in a general alert).
    await waitFor(() =>
      expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
        'Skor indikator B1 di luar skala 1-4',
      ]),
    );
    expect(sheetOf().nextElementSibling?.textContent).toBe('Skor indikator B1 di luar skala 1-4');
    expect(date.getAttribute('aria-invalid')).toBeNull();
  });

  it('takes a percentage typed as "35,75" when the rubric is summary mode', async () => {
    const server = {
      cycle: makeCycle({ rubric: { mode: 'summary' } }, [observation(0, '53.48', 'Cukup', null)]),
    };
    const { calls } = renderApp(routes, {
      at: AT,
      api: principalApi(server, {
        'cycles.upsertObservation': () => ({
          version: 4,
          observation: {
            id: 'x',
            teacherId: IDS.t2,
            percentage: '35.75',
            band: 'Kurang',
            earned: null,
            possible: null,
          },
        }),
      }),
    });
    const field = await screen.findByLabelText('Persentase capaian');
    await userEvent.type(field, '135');
    expect(
      (await screen.findByText(/Persentase 135 di luar rentang 0-100/)).textContent,
    ).toBeTruthy();
    await userEvent.clear(field);
    await userEvent.type(field, '35,75');
    expect(screen.getByTestId('summary-percentage').textContent).toBe('35,75');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan observasi' }));
    await screen.findByText(/^Tersimpan \d{2}\.\d{2} — .+: 35,75 \(Kurang\)\.$/);
    expect(calls.find((c) => c.path === 'cycles.upsertObservation')?.input).toMatchObject({
      kind: 'summary',
      percentage: '35,75',
      version: 3,
    });
    // An observed teacher's saved figure is shown in the language's format.
    await userEvent.selectOptions(screen.getByLabelText('Guru yang diobservasi'), IDS.t1);
    expect((screen.getByLabelText('Persentase capaian') as HTMLInputElement).value).toBe('53,48');
  });

  it('takes a mean on a 1-5 scale in summary mode, showing its percentage, and sends the scale', async () => {
    const server = {
      cycle: makeCycle({ rubric: { mode: 'summary' } }, [observation(0, '53.48', 'Cukup', null)]),
    };
    const { calls } = renderApp(routes, {
      at: AT,
      api: principalApi(server, {
        'cycles.upsertObservation': () => ({
          version: 4,
          observation: {
            id: 'x',
            teacherId: IDS.t2,
            percentage: '76.00',
            band: 'Baik',
            earned: null,
            possible: null,
          },
        }),
      }),
    });
    await userEvent.selectOptions(await screen.findByLabelText('Skala nilai'), 'mean5');
    const field = screen.getByLabelText('Nilai pada skala itu');
    await userEvent.type(field, '5,5');
    expect(await screen.findByText(/di luar rata-rata skala 1-5 \(1-5\)/)).toBeTruthy();
    await userEvent.clear(field);
    await userEvent.type(field, '3,8');
    expect(screen.getByTestId('summary-percentage').textContent).toBe('3,8 → 76,00%');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan observasi' }));
    await screen.findByText(/^Tersimpan \d{2}\.\d{2} — .+: 76,00 \(Baik\)\.$/);
    expect(calls.find((c) => c.path === 'cycles.upsertObservation')?.input).toMatchObject({
      kind: 'summary',
      percentage: '3,8',
      scale: { kind: 'mean', max: 5 },
    });
  });

  it('keeps the figures a paper report printed, checked by the domain, and shows where they differ', async () => {
    const server = {
      cycle: makeCycle({ rubric: { mode: 'summary' } }, [observation(0, '53.48', 'Cukup', null)]),
    };
    const { calls } = renderApp(routes, {
      at: AT,
      api: principalApi(server, {
        'cycles.setPrintedFigures': () => {
          server.cycle = makeCycle(
            {
              rubric: { mode: 'summary' },
              version: 4,
              printed: { mean: '53.50', meanAsTyped: '53,50%', meanBand: 'Cukup', bands: ['Baik'] },
              mismatches: [
                {
                  field: 'mean',
                  printed: '53.50',
                  computed: '53.48',
                  message: {
                    id: 'Rata-rata tercetak 53,50 berbeda dari hasil hitung 53,48',
                    en: 'The printed mean 53.50 differs from the computed 53.48',
                  },
                },
              ],
            },
            [observation(0, '53.48', 'Cukup', null)],
          );
          return { version: 4 };
        },
      }),
    });
    await userEvent.click(await screen.findByText('Isi angka tercetak (opsional)'));
    const mean = screen.getByLabelText(/^Rata-rata tercetak/);
    // Not a number: said at the field, nothing sent.
    await userEvent.type(mean, 'lima puluh');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan angka tercetak' }));
    await waitFor(() => expect(mean.getAttribute('aria-invalid')).toBe('true'));
    expect(calls.some((c) => c.path === 'cycles.setPrintedFigures')).toBe(false);

    await userEvent.clear(mean);
    await userEvent.type(mean, '53,50%');
    await userEvent.selectOptions(screen.getByLabelText('Kategori rata-rata tercetak'), 'Cukup');
    // One band per observed teacher, in the table's order, next to the computed figure.
    await userEvent.selectOptions(screen.getByLabelText(/^1\. .* \(hasil hitung 53,48\)/), 'Baik');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan angka tercetak' }));
    expect(await screen.findByText('Angka tercetak tersimpan.')).toBeTruthy();
    expect(calls.find((c) => c.path === 'cycles.setPrintedFigures')?.input).toEqual({
      cycleId: IDS.cycle,
      version: 3,
      printedMean: '53,50%',
      printedMeanBand: 'Cukup',
      printedBands: ['Baik'],
    });
    expect(
      await screen.findByText('Rata-rata tercetak 53,50 berbeda dari hasil hitung 53,48'),
    ).toBeTruthy();
    expect((screen.getByLabelText(/^Rata-rata tercetak/) as HTMLInputElement).value).toBe('53,50%');
  });

  it("keeps each instrument's printed figures: the RPP tab's form writes the RPP's, checked on its sheets", async () => {
    const teaching = [observation(0, '75.00', 'Baik', { A1: 4, A2: 3, B1: 2 })];
    const rppSheets = [{ ...observation(0, '87.50', 'Sangat Baik', null), instrument: 1 }];
    const primaryPrinted = { mean: '75.00', meanAsTyped: '75,00', meanBand: null, bands: null };
    /** The cycle of two instruments; `rppPrinted` is what the RPP's paper printed. */
    const twoInstruments = (rppPrinted: typeof primaryPrinted | null, version = 3) => {
      const base = makeCycle({ version, printed: primaryPrinted }, teaching);
      const mismatches = rppPrinted
        ? [
            {
              field: 'mean' as const,
              printed: '87.60',
              computed: '87.50',
              message: {
                id: 'Rata-rata tercetak 87,60 berbeda dari hasil hitung 87,50',
                en: 'The printed mean 87.60 differs from the computed 87.50',
              },
            },
          ]
        : [];
      return {
        ...base,
        instruments: [
          { ...base.instruments[0]!, printed: primaryPrinted },
          {
            ...base.instruments[0]!,
            instrument: 1,
            key: 'rpp',
            rubric: { name: 'Lembar RPP', version: 1, definition: { mode: 'summary' as const } },
            observations: rppSheets,
            unobservedTeachers: base.unobservedTeachers,
            printed: rppPrinted ?? { mean: null, meanAsTyped: null, meanBand: null, bands: null },
            mismatches,
          },
        ],
      } as ReturnType<typeof makeCycle>;
    };
    const server = { cycle: twoInstruments(null) };
    const { calls } = renderApp(routes, {
      at: AT,
      api: principalApi(server, {
        'cycles.setPrintedFigures': () => {
          server.cycle = twoInstruments(
            { mean: '87.60', meanAsTyped: '87,60', meanBand: null, bands: null },
            4,
          );
          return { version: 4 };
        },
      }),
    });
    await userEvent.click(await screen.findByRole('tab', { name: /^rpp · Lembar RPP/ }));
    await userEvent.click(await screen.findByText('Isi angka tercetak (opsional)'));
    const mean = screen.getByLabelText(/^Rata-rata tercetak/) as HTMLInputElement;
    // The RPP's own figures: the primary's printed 75,00 is not the RPP's.
    expect(mean.value).toBe('');
    await userEvent.type(mean, '87,60');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan angka tercetak' }));
    expect(await screen.findByText('Angka tercetak tersimpan.')).toBeTruthy();
    expect(calls.find((c) => c.path === 'cycles.setPrintedFigures')?.input).toEqual({
      cycleId: IDS.cycle,
      version: 3,
      instrument: 1,
      printedMean: '87,60',
      printedMeanBand: null,
      printedBands: null,
    });
    expect(
      await screen.findByText('Rata-rata tercetak 87,60 berbeda dari hasil hitung 87,50'),
    ).toBeTruthy();
    // Back on the primary: its own figures, which agree.
    await userEvent.click(screen.getByRole('tab', { name: /^utama/ }));
    await waitFor(() =>
      expect((screen.getByLabelText(/^Rata-rata tercetak/) as HTMLInputElement).value).toBe(
        '75,00',
      ),
    );
    expect(screen.queryByText(/Rata-rata tercetak 87,60/)).toBeNull();
  });

  it('warns, as the principal types, of a note claiming a band the data does not show, without blocking the save', async () => {
    const server = {
      cycle: makeCycle({}, [
        observation(0, '75.00', 'Baik', { A1: 4, A2: 3, B1: 2 }),
        observation(1, '100.00', 'Sangat Baik', { A1: 4, A2: 4, B1: 'na' }),
      ]),
    };
    const { calls } = renderApp(routes, {
      at: AT,
      api: principalApi(server, { 'cycles.updateNotes': () => ({ version: 4 }) }),
    });
    const reflection = await screen.findByLabelText('Catatan tahap Refleksi');
    await userEvent.type(reflection, 'Guru 1 dan 2 mencapai kategori Sangat Baik.');
    const warning = await screen.findByTestId('claim-warning');
    expect(warning.textContent).toContain('Perlu dicek');
    expect(warning.textContent).toContain('Ismiati, S.Pd Baik (75,00)');
    expect(warning.textContent).not.toContain('Siti Aminah');
    // A gentle warning: the note still saves.
    await userEvent.click(screen.getByRole('button', { name: 'Simpan catatan tahapan' }));
    await waitFor(() =>
      expect(calls.find((c) => c.path === 'cycles.updateNotes')?.input).toMatchObject({
        reflectionNotes: 'Guru 1 dan 2 mencapai kategori Sangat Baik.',
      }),
    );
    await userEvent.clear(reflection);
    await userEvent.type(reflection, 'Guru 1 dan 2 mencapai kategori Baik.');
    await waitFor(() => expect(screen.queryByTestId('claim-warning')).toBeNull());
  });

  it('submits after confirmation, naming unobserved teachers, then is read-only', async () => {
    const server = { cycle: makeCycle() };
    const { calls } = renderApp(routes, {
      at: AT,
      api: principalApi(server, {
        'cycles.submit': () => {
          server.cycle = makeCycle({
            version: 4,
            status: 'submitted',
            review: {
              comment: null,
              reviewedBy: null,
              reviewedAt: null,
              submittedAt: '2026-11-21T09:00:00.000Z',
              approvedAt: null,
            },
          });
          return {
            version: 4,
            status: 'submitted',
            warnings: [
              {
                code: 'UNOBSERVED_TEACHERS',
                message: {
                  id: '2 guru aktif belum diobservasi pada siklus ini.',
                  en: '2 active teacher(s) have no observation in this cycle.',
                },
                teachers: [],
              },
            ],
          };
        },
      }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Ajukan siklus' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Ajukan Siklus I?' });
    expect(dialog.textContent).toContain(
      '2 guru aktif belum diobservasi: Siti Aminah, S.Pd, Dedi Kurniawan, S.Pd.',
    );
    // Cancelling sends nothing.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Batal' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls.some((c) => c.path === 'cycles.submit')).toBe(false);

    await userEvent.click(screen.getByRole('button', { name: 'Ajukan siklus' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ya, ajukan' }));
    expect(
      await screen.findByText(
        'Siklus I telah diajukan untuk ditinjau. 2 guru aktif belum diobservasi pada siklus ini.',
      ),
    ).toBeTruthy();
    expect(calls.find((c) => c.path === 'cycles.submit')?.input).toEqual({
      cycleId: IDS.cycle,
      version: 3,
    });
    await screen.findByText(/sudah diajukan dan menunggu tinjauan/);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Diajukan');
    expect(screen.queryByRole('button', { name: 'Ajukan siklus' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Simpan observasi' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Simpan catatan tahapan' })).toBeNull();
    for (const radio of screen.getAllByRole('radio'))
      expect((radio as HTMLInputElement).disabled).toBe(true);
  });

  it("shows a returned cycle's comment and lets the principal fix and resubmit", async () => {
    const server = {
      cycle: makeCycle({
        status: 'returned',
        version: 7,
        review: {
          comment: 'Skor Ismiati tidak sesuai catatan observasi. Periksa indikator B1.',
          reviewedBy: 'Hj. Euis Komalasari, M.Pd',
          reviewedAt: '2026-11-22T10:00:00.000Z',
          submittedAt: '2026-11-21T09:00:00.000Z',
          approvedAt: null,
        },
        history: [
          {
            id: 'e1',
            action: 'return',
            fromStatus: 'submitted',
            toStatus: 'returned',
            actorId: ME.supervisor.id,
            actorName: 'Hj. Euis Komalasari, M.Pd',
            actorRole: 'supervisor',
            comment: 'Skor Ismiati tidak sesuai catatan observasi. Periksa indikator B1.',
            at: '2026-11-22T10:00:00.000Z',
          },
        ],
      }),
    };
    const { calls } = renderApp(routes, {
      at: AT,
      api: principalApi(server, {
        'cycles.submit': () => ({ version: 8, status: 'submitted', warnings: [] }),
      }),
    });
    const returned = await screen.findByRole('region', { name: 'Dikembalikan oleh pengawas' });
    expect(returned.textContent).toContain(
      'Skor Ismiati tidak sesuai catatan observasi. Periksa indikator B1.',
    );
    // Named from the history, with the role and the district's clock.
    expect(returned.textContent).toContain('Hj. Euis Komalasari, M.Pd (Pengawas sekolah)');
    expect(returned.textContent).toContain('17.00 WIB');
    // Still editable: the sheet and the submit button are there.
    expect(screen.getByRole('button', { name: 'Simpan observasi' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Ajukan siklus' }));
    await userEvent.click(screen.getByRole('button', { name: 'Ya, ajukan' }));
    await waitFor(() =>
      expect(calls.find((c) => c.path === 'cycles.submit')?.input).toEqual({
        cycleId: IDS.cycle,
        version: 7,
      }),
    );
  });

  it('checks the stage notes with the API schema: quiet until a field is changed, Save focuses the first problem and sends nothing', async () => {
    const server = { cycle: makeCycle() };
    const { calls } = renderApp(routes, { at: AT, api: principalApi(server) });
    const planning = await screen.findByLabelText('Tanggal tahap Perencanaan');
    const reflection = screen.getByLabelText('Tanggal tahap Refleksi');
    const stagesForm = planning.closest('form') as HTMLFormElement;
    expect(stagesForm.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);

    // Changed to a year the schema refuses: that field says so, the others stay quiet.
    fireEvent.change(reflection, { target: { value: '1999-08-01' } });
    await waitFor(() => expect(reflection.getAttribute('aria-invalid')).toBe('true'));
    expect(planning.getAttribute('aria-invalid')).toBeNull();
    fireEvent.change(planning, { target: { value: '1998-08-01' } });
    await waitFor(() => expect(planning.getAttribute('aria-invalid')).toBe('true'));
    expect(within(stagesForm).getAllByRole('alert')[0]?.textContent).toContain(
      'Tanggal perencanaan harus antara tahun 2000',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Simpan catatan tahapan' }));
    await waitFor(() => expect(document.activeElement).toBe(planning));
    expect(calls.some((c) => c.path === 'cycles.updateNotes')).toBe(false);

    // Fixed, the message goes as it is typed.
    fireEvent.change(planning, { target: { value: '2025-08-01' } });
    await waitFor(() => expect(planning.getAttribute('aria-invalid')).toBeNull());
    expect(reflection.getAttribute('aria-invalid')).toBe('true');
  });

  it('checks a printed mean as the API does and focuses it when Save finds a problem', async () => {
    const server = {
      cycle: makeCycle({ rubric: { mode: 'summary' } }, [observation(0, '53.48', 'Cukup', null)]),
    };
    const { calls } = renderApp(routes, { at: AT, api: principalApi(server) });
    await userEvent.click(await screen.findByText('Isi angka tercetak (opsional)'));
    const mean = screen.getByLabelText(/^Rata-rata tercetak/);
    expect(mean.getAttribute('aria-invalid')).toBeNull();
    await userEvent.selectOptions(screen.getByLabelText('Kategori rata-rata tercetak'), 'Cukup');
    // Only the band was changed: the empty mean is not an error.
    expect(mean.getAttribute('aria-invalid')).toBeNull();
    await userEvent.type(mean, '101');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan angka tercetak' }));
    await waitFor(() => expect(mean.getAttribute('aria-invalid')).toBe('true'));
    await waitFor(() => expect(document.activeElement).toBe(mean));
    expect(calls.some((c) => c.path === 'cycles.setPrintedFigures')).toBe(false);
  });

  it('explains a CONFLICT, keeps the unsaved edits in view, and reloads the latest version on request', async () => {
    const server = { cycle: makeCycle() };
    const { calls } = renderApp(routes, {
      at: AT,
      api: principalApi(server, {
        'cycles.updateNotes': (input) => {
          if ((input as { version: number }).version !== server.cycle.version)
            throw new FakeApiError(
              'CONFLICT',
              {
                id: 'Siklus ini telah diubah oleh orang lain. Muat ulang untuk melihat versi terbaru.',
                en: 'This cycle has been changed by someone else.',
              },
              'version',
            );
          return { version: server.cycle.version + 1 };
        },
      }),
    });
    const planning = (await screen.findByLabelText(
      'Catatan tahap Perencanaan',
    )) as HTMLTextAreaElement;
    expect(planning.value).toBe('Menyusun RPP kolaboratif');
    // Meanwhile, in another browser, someone saves the cycle.
    server.cycle = makeCycle({
      version: 4,
      stages: {
        ...makeCycle().stages,
        planning: { notes: 'RPP versi rekan', date: '2025-08-05' },
      },
    });
    await userEvent.type(planning, ' dan LKPD');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan catatan tahapan' }));

    const alert = await screen.findByText('Siklus ini baru saja diubah orang lain');
    expect(alert.closest('[role="alert"]')?.textContent).toContain(
      'Perubahan Anda masih terlihat di bawah',
    );
    // The user's text is still there, and nothing silently retried.
    expect(planning.value).toBe('Menyusun RPP kolaboratif dan LKPD');
    expect(calls.filter((c) => c.path === 'cycles.updateNotes')).toHaveLength(1);
    expect(
      (screen.getByRole('button', { name: 'Simpan catatan tahapan' }) as HTMLButtonElement)
        .disabled,
    ).toBe(true);

    // Said again by the disabled Save of the sheet, far below, with the same way out.
    const bySave = screen.getByTestId('save-conflict');
    expect(bySave.closest('.pts-save-row')).toBe(
      screen.getByRole('button', { name: 'Simpan observasi' }).closest('.pts-save-row'),
    );
    expect(
      (screen.getByRole('button', { name: 'Simpan observasi' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    await userEvent.click(within(bySave).getByRole('button', { name: 'Muat versi terbaru' }));
    await waitFor(() =>
      expect(
        (screen.getByLabelText('Catatan tahap Perencanaan') as HTMLTextAreaElement).value,
      ).toBe('RPP versi rekan'),
    );
    expect(screen.queryByText('Siklus ini baru saja diubah orang lain')).toBeNull();

    // Editing again now writes against the version just loaded.
    await userEvent.type(screen.getByLabelText('Catatan tahap Perencanaan'), '!');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan catatan tahapan' }));
    await screen.findByText('Catatan tahapan tersimpan.');
    expect(calls.filter((c) => c.path === 'cycles.updateNotes').at(-1)?.input).toEqual({
      cycleId: IDS.cycle,
      version: 4,
      planningNotes: 'RPP versi rekan!',
    });
  });

  it("deletes a teacher's observation after confirmation, with the cycle version", async () => {
    const server = { cycle: makeCycle() };
    const { calls } = renderApp(routes, {
      at: AT,
      api: principalApi(server, {
        'cycles.deleteObservation': () => {
          server.cycle = makeCycle({ version: 4 }, []);
          return { version: 4 };
        },
      }),
    });
    const picker = await screen.findByLabelText('Guru yang diobservasi');
    // An unobserved teacher has nothing to delete.
    expect(screen.queryByRole('button', { name: 'Hapus observasi' })).toBeNull();
    await userEvent.selectOptions(picker, IDS.t1);
    await userEvent.click(screen.getByRole('button', { name: 'Hapus observasi' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Hapus observasi Ismiati, S.Pd?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ya, hapus' }));
    expect(await screen.findByText('Observasi Ismiati, S.Pd dihapus.')).toBeTruthy();
    expect(calls.find((c) => c.path === 'cycles.deleteObservation')?.input).toEqual({
      cycleId: IDS.cycle,
      version: 3,
      teacherId: IDS.t1,
    });
    await screen.findByText('Belum ada guru yang diobservasi.');
  });

  it('asks before leaving with unsaved changes, and keeps them when the user stays', async () => {
    const server = { cycle: makeCycle() };
    const { router } = renderApp(routes, { at: AT, api: principalApi(server) });
    await screen.findByLabelText('Guru yang diobservasi');
    await pick(/Merumuskan tujuan/, /^2/);

    await userEvent.click(screen.getByRole('link', { name: 'Sekolah saya' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Tinggalkan halaman ini?' });
    expect(router.state.location.pathname).toBe(AT);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Tetap di sini' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(router.state.location.pathname).toBe(AT);
    const chosen = within(screen.getByRole('group', { name: /Merumuskan tujuan/ })).getByRole(
      'radio',
      { name: /^2/ },
    ) as HTMLInputElement;
    expect(chosen.checked).toBe(true);

    await userEvent.click(screen.getByRole('link', { name: 'Sekolah saya' }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Tinggalkan tanpa menyimpan' }),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/my-school'));
  });

  it('leaves without asking when nothing is unsaved', async () => {
    const server = { cycle: makeCycle() };
    const { router } = renderApp(routes, { at: AT, api: principalApi(server) });
    await screen.findByLabelText('Guru yang diobservasi');
    await userEvent.click(screen.getByRole('link', { name: 'Sekolah saya' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/my-school'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

describe('cycle page (supervisor)', () => {
  it('is read-only, links to the review, and shows printed-figure warnings', async () => {
    const cycle = makeCycle({
      status: 'submitted',
      editable: false,
      mismatches: [
        {
          field: 'mean',
          printed: '65.05',
          computed: '65.08',
          message: {
            id: 'Rata-rata tercetak 65,05, hasil hitung 65,08',
            en: 'Printed mean 65.05, computed 65.08',
          },
        },
      ],
    });
    renderApp(routes, {
      at: AT,
      api: {
        'auth.me': () => ME.supervisor,
        'cycles.get': () => cycle,
        'studies.get': studyGet,
        'teachers.list': teacherList,
      },
    });
    expect(await screen.findByText(/sebagai pengawas \(hanya baca\)/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Tinjau' }).getAttribute('href')).toBe(
      `/review?cycleId=${IDS.cycle}`,
    );
    expect(screen.getByText('Rata-rata tercetak 65,05, hasil hitung 65,08')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ajukan siklus' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Simpan observasi' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Simpan catatan tahapan' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Ubah observasi/ })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Impor dari Excel' })).toBeNull();
    expect(screen.queryByLabelText('Catatan tahap Perencanaan')).toBeNull();
    expect(screen.getByText('Menyusun RPP kolaboratif')).toBeTruthy();
    // The observed teacher's sheet can be read, not changed.
    await userEvent.selectOptions(screen.getByLabelText('Guru yang diobservasi'), IDS.t1);
    expect(screen.getByTestId('sheet-percentage').textContent).toBe('75,00');
    for (const radio of screen.getAllByRole('radio'))
      expect((radio as HTMLInputElement).disabled).toBe(true);
  });
});
