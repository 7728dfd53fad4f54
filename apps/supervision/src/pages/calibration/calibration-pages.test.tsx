import { ME, renderApp } from '@siklus/ui/testing';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../router';
import type { CalibrationRow, CoObservationView } from './types';

const PAIR_ID = '00000000-0000-4000-8000-0000000000e1';
const BANDS = ['Kurang', 'Cukup', 'Baik', 'Sangat Baik'];
const bandSet = {
  bands: BANDS.map((label, i) => ({ label, from: ['0.00', '51.00', '71.00', '86.00'][i]! })),
};
const scale = {
  min: 1,
  max: 4,
  levels: [1, 2, 3, 4].map((value) => ({ value, label: String(value) })),
};

const row = (over: Partial<CalibrationRow>): CalibrationRow => ({
  observerId: '00000000-0000-4000-8000-0000000000f1',
  observerName: 'Ibu Kepala',
  schoolId: '00000000-0000-4000-8000-0000000000d1',
  schoolName: 'SD Negeri Lulut 2',
  pairs: 14,
  kappa: { n: 56, kappa: '0.4123', undefinedReason: null },
  exactShare: '41.07',
  adjacentShare: '89.29',
  bias: { n: 14, mean: '6.20', sd: '5.37', low: '3.10', high: '9.30' },
  verdict: 'check',
  message: {
    id: 'Kepala sekolah menilai rata-rata 6,2 poin lebih tinggi, 95% CI 3,1–9,3, dari 14 pasangan; kappa 0,4123. Perlu dicek bersama.',
    en: 'The principal scores 6.2 points higher on average, 95% CI 3.1–9.3, from 14 pairs; kappa 0.4123. Worth checking together.',
  },
  ...over,
});

function pairView(over: Partial<CoObservationView> = {}): CoObservationView {
  return {
    id: PAIR_ID,
    schoolId: '00000000-0000-4000-8000-0000000000d1',
    schoolName: 'SD Negeri Lulut 2',
    cycleId: '00000000-0000-4000-8000-0000000000c1',
    cycleLabel: { id: 'Siklus I', en: 'Cycle I' },
    studyTitle: 'Pembelajaran kolaboratif',
    teacherId: '00000000-0000-4000-8000-0000000000b1',
    teacherName: 'Siti Aminah, S.Pd',
    observedOn: null,
    firstObserver: { id: ME.principal.id, name: 'Ibu Kepala' },
    secondObserver: { id: ME.supervisor.id, name: 'Pak Pengawas' },
    definition: {
      mode: 'indicators',
      aspects: [
        {
          key: 'A',
          title: 'Perencanaan',
          indicators: [
            { key: 'A1', text: 'Merumuskan tujuan', scale },
            { key: 'A2', text: 'Menyiapkan lembar kerja', scale },
          ],
        },
      ],
    },
    bandSet,
    mySide: 'second',
    saved: { first: true, second: false },
    locked: false,
    sheets: { first: null, second: null },
    agreement: null,
    ...over,
  } as CoObservationView;
}

describe('calibration page', () => {
  it('lists principals with their figures, worded as worth checking', async () => {
    renderApp(routes, {
      at: '/calibration',
      api: {
        'auth.me': () => ME.supervisor,
        'coObservation.calibration': () => [
          row({}),
          row({
            observerId: '00000000-0000-4000-8000-0000000000f2',
            observerName: 'Pak Budi',
            pairs: 3,
            verdict: 'too-few-pairs',
            bias: { n: 3, mean: '1.00', sd: '2.00', low: '-3.97', high: '5.97' },
            message: { id: 'Baru 3 pasangan observasi', en: 'Only 3 observation pairs' },
          }),
        ],
      },
    });
    const table = await screen.findByRole('table', { name: 'Kalibrasi penilaian kepala sekolah' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]!.textContent).toContain('Ibu Kepala');
    expect(rows[1]!.textContent).toContain('0,4123');
    expect(rows[1]!.textContent).toContain('3,10 – 9,30');
    expect(rows[1]!.textContent).toContain('Perlu dicek');
    expect(rows[2]!.textContent).toContain('Pasangan belum cukup');
    expect(table.textContent).not.toMatch(/curang|palsu|menyontek/i);
  });
});

describe('co-observation page', () => {
  it('hides the other sheet until both are saved, and saves my own', async () => {
    const saved: unknown[] = [];
    renderApp(routes, {
      at: `/co-observations/${PAIR_ID}`,
      api: {
        'auth.me': () => ME.supervisor,
        'coObservation.get': () => pairView(),
        'coObservation.save': (input) => {
          saved.push(input);
          return { side: 'second', percentage: '75.00', band: 'Baik', complete: true };
        },
      },
    });
    expect(await screen.findByText(/disembunyikan sampai kedua lembar disimpan/)).toBeTruthy();
    expect(screen.getByText('Pengamat lain sudah menyimpan lembarnya.')).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getAllByRole('radio', { name: /3/ })[0]!);
    await user.click(screen.getAllByRole('radio', { name: /3/ })[1]!);
    await user.click(screen.getByRole('button', { name: 'Simpan lembar saya' }));
    await screen.findByText('Lembar disimpan.');
    expect(saved).toEqual([
      { coObservationId: PAIR_ID, kind: 'indicators', scores: { A1: 3, A2: 3 } },
    ]);
  });

  it('shows both sheets and the agreement once locked', async () => {
    renderApp(routes, {
      at: `/co-observations/${PAIR_ID}`,
      api: {
        'auth.me': () => ME.principal,
        'coObservation.get': () =>
          pairView({
            mySide: 'first',
            locked: true,
            saved: { first: true, second: true },
            agreement: {
              indicators: [
                { key: 'A1', first: 4, second: 3, exact: false, adjacent: true },
                { key: 'A2', first: 3, second: 3, exact: true, adjacent: true },
              ],
              compared: 2,
              exactShare: '50.00',
              adjacentShare: '100.00',
              firstPercentage: '87.50',
              secondPercentage: '75.00',
              difference: '12.50',
              firstBand: 'Sangat Baik',
              secondBand: 'Baik',
              bandSteps: 1,
            },
          }),
      },
    });
    expect(
      await screen.findByText('Kedua lembar sudah disimpan; pasangan ini dikunci.'),
    ).toBeTruthy();
    expect(screen.getByText(/87,50% − 75,00% = 12,50/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Simpan lembar saya' })).toBeNull();
  });
});

describe('integrity page', () => {
  it('lists each signal in words and dismisses one with a reason', async () => {
    const dismissed: unknown[] = [];
    let signals = [
      {
        key: 'jump:c2:t1',
        kind: 'jump' as const,
        schoolId: '00000000-0000-4000-8000-0000000000d1',
        schoolName: 'SD Negeri Lulut 2',
        cycleId: '00000000-0000-4000-8000-0000000000c2',
        studyId: null,
        figures: { pre: '40.00', post: '90.00', change: '50.00', limit: '35.00' },
        message: {
          id: 'Capaian Siti naik 50,00 poin dalam satu siklus (40,00 → 90,00), lebih dari ambang 35 poin. Perlu dicek.',
          en: "Siti's figure rose 50.00 points in one cycle (40.00 → 90.00), more than the 35-point threshold. Worth checking.",
        },
        dismissal: null,
      },
    ];
    renderApp(routes, {
      at: '/integrity',
      api: {
        'auth.me': () => ME.supervisor,
        'integrity.district': () => ({
          jumpPoints: '35.00',
          counts: { open: signals.length, dismissed: 0 },
          signals,
        }),
        'integrity.dismiss': (input) => {
          dismissed.push(input);
          signals = [];
          return { signalKey: 'jump:c2:t1' };
        },
      },
    });
    expect(await screen.findByText(/naik 50,00 poin dalam satu siklus/)).toBeTruthy();
    expect(screen.getByText('Lonjakan dalam satu siklus')).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Tandai selesai' }));
    await user.type(
      screen.getByRole('textbox', { name: /Alasan/ }),
      'Guru baru kembali dari cuti.',
    );
    await user.click(screen.getByRole('button', { name: 'Simpan alasan' }));
    await screen.findByText('Tidak ada pola yang perlu dicek.');
    expect(dismissed).toEqual([
      {
        schoolId: '00000000-0000-4000-8000-0000000000d1',
        signalKey: 'jump:c2:t1',
        reason: 'Guru baru kembali dari cuti.',
      },
    ]);
  });
});

describe('integrity page for a principal', () => {
  it('shows their own school’s signals, read only', async () => {
    const asked: unknown[] = [];
    renderApp(routes, {
      at: '/integrity',
      api: {
        'auth.me': () => ME.principal,
        'integrity.school': (input) => {
          asked.push(input);
          return {
            jumpPoints: '35.00',
            counts: { open: 1, dismissed: 0 },
            signals: [
              {
                key: 'printed-mismatch:c3:x',
                kind: 'printed-mismatch',
                schoolId: ME.principal.schoolId,
                schoolName: 'SD Negeri Lulut 2',
                cycleId: null,
                studyId: null,
                figures: { mismatches: '1' },
                message: {
                  id: 'Rata-rata tercetak 65,05 berbeda dari hasil hitung 65,08. Perlu dicek.',
                  en: 'The printed mean 65.05 differs from the computed 65.08. Worth checking.',
                },
                dismissal: null,
              },
            ],
          };
        },
      },
    });
    expect(await screen.findByText(/Rata-rata tercetak 65,05/)).toBeTruthy();
    expect(asked).toEqual([{ schoolId: ME.principal.schoolId }]);
    expect(screen.queryByRole('button', { name: 'Tandai selesai' })).toBeNull();
  });
});
