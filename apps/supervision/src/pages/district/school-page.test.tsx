import type { RouterOutputs } from '@siklus/client';
import { ME, renderApp } from '@siklus/ui/testing';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { routes } from '../../router';
import { SCHOOL_IDS } from './test-fixtures';

const STUDY_ID = '00000000-0000-4000-8000-0000000000a1';
const BANDS = [
  { from: '0.00', label: 'Kurang' },
  { from: '51.00', label: 'Cukup' },
  { from: '71.00', label: 'Baik' },
  { from: '86.00', label: 'Sangat Baik' },
];
const summary = (mean: string, meanBand: string) => ({
  n: 6,
  mean,
  median: mean,
  min: '35.75',
  max: '77.10',
  sd: '6.08',
  meanBand,
  bands: BANDS.map((b) => ({ label: b.label, count: 0, share: '0.00' })),
});
const notMet = {
  met: false,
  complete: true,
  message: { id: 'Kriteria keberhasilan belum tercapai', en: 'Success criteria not met' },
  results: [],
};
const stages = {
  planning: { notes: null, date: null },
  action: { notes: null, date: null },
  observation: { notes: null, date: null },
  reflection: { notes: null, date: null },
};
const cycle = (ordinal: number, label: string, mean: string, band: string, mismatches = []) => ({
  id: `00000000-0000-4000-8000-00000000000${ordinal}`,
  ordinal,
  label: { id: label, en: label },
  status: 'approved',
  n: 6,
  mean,
  meanBand: band,
  printedMean: null,
  printedMeanBand: null,
  printedBands: null,
  summary: summary(mean, band),
  // Approved with the whole roster observed: a result, nothing provisional to say.
  standing: {
    counted: true,
    provisional: false,
    coverage: { observed: 6, roster: 6, complete: true },
    label: null,
  },
  criteria: notMet,
  mismatches,
  stages,
  reviewComment: null,
});

const detail = {
  study: {
    id: STUDY_ID,
    title: 'Pembelajaran kolaboratif',
    focus: 'Kemampuan guru melaksanakan pembelajaran kolaboratif',
    schoolYear: '2023/2024',
    schoolId: SCHOOL_IDS.lulut,
    schoolName: 'SD Negeri Lulut 2',
    npsn: '20201234',
    gainFirst: 'points',
  },
  basis: 'approved',
  resultOrdinal: 2,
  roster: 6,
  bandSet: { bands: BANDS },
  criteria: {
    criteria: [],
    description: { id: 'Rata-rata minimal 71,00', en: 'Mean at least 71.00' },
  },
  cycles: [
    cycle(0, 'Kondisi Awal', '42.29', 'Kurang'),
    cycle(1, 'Siklus I', '53.48', 'Cukup'),
    {
      ...cycle(2, 'Siklus II', '65.08', 'Cukup', [
        {
          field: 'mean',
          printed: '65.05',
          computed: '65.08',
          message: {
            id: 'Rata-rata tercetak 65,05 berbeda dari hasil hitung 65,08',
            en: 'The printed mean 65.05 differs from the computed 65.08',
          },
        },
      ] as never),
      printedMean: '65.05',
    },
  ],
  teachers: [
    {
      id: '00000000-0000-4000-8000-000000000201',
      name: 'Ismiati, S.Pd',
      className: 'Guru Kelas 1',
      active: true,
      cells: [
        { observationId: 'o1', percentage: '35.75', band: 'Kurang' },
        { observationId: 'o2', percentage: '46.75', band: 'Kurang' },
        { observationId: 'o3', percentage: '53.50', band: 'Cukup' },
      ],
    },
  ],
  gains: [],
  overall: {
    from: { ordinal: 0, label: { id: 'Kondisi Awal', en: 'Baseline' } },
    to: { ordinal: 2, label: { id: 'Siklus II', en: 'Cycle II' } },
    means: {
      points: '22.79',
      relative: '53.89',
      normalized: '0.39',
      category: 'medium',
      preMean: '42.29',
      postMean: '65.08',
    },
    teachers: {
      gains: [
        {
          teacherId: '00000000-0000-4000-8000-000000000201',
          pre: '35.75',
          post: '53.50',
          points: '17.75',
          relative: '49.65',
          normalized: '0.28',
          category: 'low',
        },
      ],
      missing: [],
    },
  },
  mismatchCount: 1,
  instruments: [],
} as unknown as RouterOutputs['reports']['schoolDetail'];

describe('school drill-down', () => {
  it('shows the school, its studies, the teacher x cycle table and the printed-figure warning', async () => {
    const { calls } = renderApp(routes, {
      at: `/schools/${SCHOOL_IDS.lulut}`,
      api: {
        'auth.me': () => ME.supervisor,
        'schools.get': () => ({
          id: SCHOOL_IDS.lulut,
          districtId: ME.supervisor.districtId,
          npsn: '20201234',
          name: 'SD Negeri Lulut 2',
          subdistrict: 'Klapanunggal',
          active: true,
          teacherCount: 6,
        }),
        'studies.list': () => [
          {
            id: STUDY_ID,
            title: 'Pembelajaran kolaboratif',
            focus: '',
            schoolYear: '2023/2024',
            semester: null,
            createdAt: '2024-01-10T00:00:00.000Z',
            cycleCount: 3,
            latestOrdinal: 2,
            latestStatus: 'approved',
            latestLabel: { id: 'Siklus II', en: 'Cycle II' },
          },
        ],
        'reports.schoolDetail': () => detail,
      },
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'SD Negeri Lulut 2' }),
    ).toBeTruthy();
    expect(
      (await screen.findAllByRole('link', { name: 'Pembelajaran kolaboratif' }))[0]?.getAttribute(
        'href',
      ),
    ).toBe(`/studies/${STUDY_ID}`);
    expect(calls.find((c) => c.path === 'reports.schoolDetail')?.input).toEqual({
      studyId: STUDY_ID,
    });

    // The domain's consistency warning, printed vs computed, in Indonesian figures.
    expect(
      await screen.findByText('1 angka tercetak berbeda dari hasil hitung platform.'),
    ).toBeTruthy();
    const check = screen.getByRole('table', { name: 'Pemeriksaan angka tercetak' });
    const cells = within(check)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual([
      'Siklus II',
      '65,05',
      '65,08',
      'Rata-rata tercetak 65,05 berbeda dari hasil hitung 65,08',
    ]);

    // The study page's matrix (one view of schoolDetail for both roles): percentage and
    // band per cycle, then the gain in points, relative and normalised (the study's order).
    const matrix = screen.getByRole('table', { name: 'Capaian guru per siklus' });
    const row = within(matrix).getByRole('row', { name: /Ismiati, S\.Pd/ });
    expect(within(row).getByRole('rowheader').textContent).toBe('Ismiati, S.Pd · Guru Kelas 1');
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      '1',
      '35,75',
      'Kurang',
      '46,75',
      'Kurang',
      '53,50',
      'Cukup',
      '+17,75',
      '+49,65%',
      '0,28',
    ]);
    // Each gain column says which convention it is; the mean row says what its gain is.
    expect(
      within(matrix)
        .getAllByRole('columnheader')
        .slice(-3)
        .map((c) => c.textContent),
    ).toEqual(['poin', 'peningkatan relatif', 'N-gain (Hake)']);
    const meanRow = within(matrix).getByRole('row', { name: /Rata-rata/ });
    expect(meanRow.textContent).toContain('bukan rata-rata peningkatan tiap guru');
    expect(meanRow.textContent).toContain('+53,89%');
    expect(screen.getByText(/naik \+22,79 poin \(gain ternormalisasi 0,39\)/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Unduh CSV' }).getAttribute('href')).toBe(
      `/export/studies/${STUDY_ID}/recap.csv`,
    );
  });
});
