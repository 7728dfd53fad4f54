import {
  bandRanges,
  classify,
  criteriaInputFromPercentages,
  cycleStanding,
  describeCriteria,
  gainOfMeans,
  judgeCriteria,
  PTS_DEFAULT_BANDS,
  rosterCoverage,
  summarizeCycle,
  teacherGains,
} from '@siklus/domain';
import { FakeApiError, ME, renderApp } from '@siklus/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../router';
import { CRITERIA, IDS, TEACHERS } from './test-fixtures';

const V = {
  rubric: '00000000-0000-4000-8000-0000000000a7',
  bands: '00000000-0000-4000-8000-0000000000b7',
  criteria: '00000000-0000-4000-8000-0000000000c7',
};

const options = {
  rubrics: [
    {
      id: V.rubric,
      parentId: V.rubric,
      name: 'Lembar observasi kolaboratif',
      description: null,
      version: 2,
      publishedAt: '2026-08-01T00:00:00.000Z',
      mode: 'indicators' as const,
    },
  ],
  bandSets: [
    {
      id: V.bands,
      parentId: V.bands,
      name: 'Kategori PTS',
      description: null,
      version: 1,
      publishedAt: '2026-08-01T00:00:00.000Z',
      bands: PTS_DEFAULT_BANDS,
    },
  ],
  criteriaSets: [
    {
      id: V.criteria,
      parentId: V.criteria,
      name: 'Kriteria kabupaten',
      description: null,
      version: 1,
      publishedAt: '2026-08-01T00:00:00.000Z',
      criteria: CRITERIA,
    },
  ],
};

describe('studies page', () => {
  it('lets a principal start a study, checked by the API schema and the API itself', async () => {
    const { router, calls } = renderApp(routes, {
      at: '/studies',
      api: {
        'auth.me': () => ME.principal,
        'studies.list': () => [],
        'studies.options': () => options,
        'studies.create': (input) => {
          const { schoolYear } = input as { schoolYear: string };
          if (schoolYear === '2025/2026')
            throw new FakeApiError(
              'BAD_REQUEST',
              {
                id: 'Sudah ada PTS untuk tahun ajaran ini',
                en: 'There is already a study this school year',
              },
              'schoolYear',
            );
          return { studyId: IDS.study };
        },
        // No handler: the new study's page answers NOT_FOUND, which this test does not reach.
      },
    });
    expect(await screen.findByText('Belum ada PTS. Mulai PTS pertama sekolah Anda.')).toBeTruthy();
    await userEvent.click(screen.getAllByRole('button', { name: 'Mulai PTS' })[0]!);
    const form = await screen.findByRole('region', { name: 'Mulai PTS baru' });
    // The chosen success criteria are read back as a sentence.
    expect(within(form).getByText(describeCriteria(CRITERIA, 'id'))).toBeTruthy();
    const year = within(form).getByLabelText(/^Tahun ajaran/);
    await userEvent.clear(year);
    await userEvent.type(year, '2025-2026');
    await userEvent.click(within(form).getByRole('button', { name: 'Mulai PTS' }));
    // The domain's zod messages, at their fields, before anything is sent.
    expect(within(form).getByText('Judul wajib diisi')).toBeTruthy();
    expect(within(form).getByText('Tahun ajaran ditulis seperti 2024/2025')).toBeTruthy();
    expect(calls.some((c) => c.path === 'studies.create')).toBe(false);
    // The first field with a problem takes the focus.
    expect(document.activeElement).toBe(within(form).getByLabelText(/^Judul penelitian/));

    await userEvent.type(within(form).getByLabelText(/^Judul penelitian/), 'PTS Kolaboratif');
    await userEvent.type(
      within(form).getByLabelText(/^Fokus penelitian/),
      'Pembelajaran kolaboratif',
    );
    await userEvent.clear(year);
    await userEvent.type(year, '2025/2026');
    await userEvent.click(within(form).getByRole('button', { name: 'Mulai PTS' }));
    await waitFor(() =>
      expect(
        document.getElementById(year.getAttribute('aria-describedby')!.split(' ').at(-1)!)
          ?.textContent,
      ).toBe('Sudah ada PTS untuk tahun ajaran ini'),
    );

    await userEvent.clear(year);
    await userEvent.type(year, '2026/2027');
    await userEvent.click(within(form).getByRole('button', { name: 'Mulai PTS' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/studies/${IDS.study}`));
    expect(calls.filter((c) => c.path === 'studies.create').at(-1)?.input).toEqual({
      schoolId: ME.principal.schoolId,
      title: 'PTS Kolaboratif',
      focus: 'Pembelajaran kolaboratif',
      schoolYear: '2026/2027',
      semester: null,
      rubricVersionId: V.rubric,
      bandSetVersionId: V.bands,
      criteriaSetVersionId: V.criteria,
    });
  });

  it('sends a supervisor without a school to the dashboard, and reads one given in the URL', async () => {
    const { unmount } = renderApp(routes, {
      at: '/studies',
      api: { 'auth.me': () => ME.supervisor },
    });
    expect(
      (await screen.findByRole('link', { name: 'Buka dasbor kabupaten' })).getAttribute('href'),
    ).toBe('/dashboard');
    unmount();

    const { calls } = renderApp(routes, {
      at: `/studies?schoolId=${IDS.school}`,
      api: {
        'auth.me': () => ME.supervisor,
        'schools.get': () => ({ id: IDS.school, name: 'SD Negeri Lulut 2', npsn: '20200001' }),
        'studies.list': () => [
          {
            id: IDS.study,
            title: 'PTS Kolaboratif',
            focus: 'x',
            schoolYear: '2025/2026',
            semester: 'ganjil' as const,
            createdAt: '2026-08-01T00:00:00.000Z',
            cycleCount: 3,
            latestOrdinal: 2,
            latestStatus: 'submitted',
            latestLabel: { id: 'Siklus II', en: 'Cycle II' },
          },
        ],
      },
    });
    expect(
      (await screen.findByRole('link', { name: 'PTS Kolaboratif' })).getAttribute('href'),
    ).toBe(`/studies/${IDS.study}`);
    expect(screen.getByText('Siklus II')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'PTS di SD Negeri Lulut 2' })).toBeTruthy();
    expect(
      (await screen.findByRole('link', { name: 'SD Negeri Lulut 2' })).getAttribute('href'),
    ).toBe(`/schools/${IDS.school}`);
    expect(screen.queryByRole('button', { name: 'Mulai PTS' })).toBeNull();
    expect(calls.find((c) => c.path === 'studies.list')?.input).toEqual({ schoolId: IDS.school });
  });
});

// Three cycles of three teachers, figures as the API computes them.
const P = [
  ['50.00', '60.00', '75.00'],
  ['45.00', '72.50', '80.00'],
  ['55.00', '65.00', '68.00'],
];
const labels = [
  { id: 'Kondisi Awal', en: 'Baseline' },
  { id: 'Siklus I', en: 'Cycle I' },
  { id: 'Siklus II', en: 'Cycle II' },
];
const cycleIds = [0, 1, 2].map((i) => `00000000-0000-4000-8000-00000000c00${i}`);
const column = (k: number) => P.map((row) => row[k]!);
const rows = (k: number) => TEACHERS.map((t, i) => ({ teacherId: t.id, percentage: P[i]![k]! }));

/** The study's detail; `lastStatus` 'submitted' leaves Siklus II awaiting review (not a result). */
function schoolDetail(lastStatus: 'approved' | 'submitted' = 'approved') {
  const statusOf = (k: number) => (k === 2 ? lastStatus : 'approved');
  const cycles = [0, 1, 2].map((k) => ({
    id: cycleIds[k]!,
    ordinal: k,
    label: labels[k]!,
    status: statusOf(k),
    n: 3,
    mean: summarizeCycle(column(k), PTS_DEFAULT_BANDS).mean,
    meanBand: summarizeCycle(column(k), PTS_DEFAULT_BANDS).meanBand,
    printedMean: k === 1 ? '65.05' : null,
    printedMeanBand: null,
    printedBands: null,
    summary: summarizeCycle(column(k), PTS_DEFAULT_BANDS),
    standing: cycleStanding({
      status: statusOf(k),
      basis: 'approved' as const,
      observedActive: 3,
      roster: 3,
    }),
    criteria: judgeCriteria(
      CRITERIA,
      criteriaInputFromPercentages(column(k), PTS_DEFAULT_BANDS),
      PTS_DEFAULT_BANDS,
      rosterCoverage(3, 3),
    ),
    mismatches:
      k === 1
        ? [
            {
              field: 'mean' as const,
              printed: '65.05',
              computed: '65.83',
              message: {
                id: 'Rata-rata tercetak 65,05 berbeda dari hasil hitung 65,83',
                en: 'Printed mean 65.05 differs from the computed 65.83',
              },
            },
          ]
        : [],
    stages: {},
    reviewComment: null,
  }));
  const step = (a: number, b: number) => ({
    from: { ordinal: a, label: labels[a]! },
    to: { ordinal: b, label: labels[b]! },
    means: gainOfMeans(column(a), column(b)),
    teachers: teacherGains(rows(a), rows(b)),
  });
  return {
    study: { gainFirst: 'points' as const },
    basis: 'approved' as const,
    resultOrdinal: lastStatus === 'approved' ? 2 : 1,
    roster: 3,
    bandSet: { bands: PTS_DEFAULT_BANDS.bands },
    criteria: {
      criteria: CRITERIA.criteria,
      description: { id: describeCriteria(CRITERIA, 'id'), en: describeCriteria(CRITERIA, 'en') },
    },
    cycles,
    teachers: TEACHERS.map((t, i) => ({
      ...t,
      active: true,
      cells: [0, 1, 2].map((k) => ({
        observationId: `o${i}${k}`,
        percentage: P[i]![k]!,
        band: classify(PTS_DEFAULT_BANDS, P[i]![k]!).label,
      })),
    })),
    gains: [step(0, 1), step(1, 2)],
    overall: step(0, 2),
    mismatchCount: 1,
    instruments: [],
  };
}

/**
 * One instrument's figures as `reports.schoolDetail` lists them in `instruments[]`, from a
 * teacher x cycle table of percentages (decision 022).
 */
function instrumentFigures(instrument: number, key: string, table: string[][]) {
  const col = (k: number) => table.map((row) => row[k]!);
  const at = (k: number) =>
    TEACHERS.map((t, i) => ({ teacherId: t.id, percentage: table[i]![k]! }));
  const step = (a: number, b: number) => ({
    from: { ordinal: a, label: labels[a]! },
    to: { ordinal: b, label: labels[b]! },
    means: gainOfMeans(col(a), col(b)),
    teachers: teacherGains(at(a), at(b)),
  });
  return {
    instrument,
    key,
    rubric: { name: `Lembar ${key}`, version: 1 },
    bandSet: { bands: PTS_DEFAULT_BANDS.bands },
    cycles: [0, 1, 2].map((k) => {
      const summary = summarizeCycle(col(k), PTS_DEFAULT_BANDS);
      return {
        id: cycleIds[k]!,
        ordinal: k,
        label: labels[k]!,
        n: 3,
        mean: summary.mean,
        meanBand: summary.meanBand,
        summary,
        scaleMean: null,
        printedMean: null as string | null,
        printedMeanBand: null,
        printedBands: null,
        mismatches: [] as {
          field: 'mean';
          printed: string;
          computed: string;
          message: { id: string; en: string };
        }[],
      };
    }),
    teachers: TEACHERS.map((t, i) => ({
      ...t,
      active: true,
      cells: [0, 1, 2].map((k) => ({
        observationId: `${key}${i}${k}`,
        percentage: table[i]![k]!,
        band: classify(PTS_DEFAULT_BANDS, table[i]![k]!).label,
      })),
    })),
    gains: [step(0, 1), step(1, 2)],
    overall: step(0, 2),
    mismatchCount: 0,
  };
}

function studyGet() {
  return {
    id: IDS.study,
    districtId: ME.principal.districtId,
    schoolId: IDS.school,
    schoolName: 'SD Negeri Lulut 2',
    npsn: '20200001',
    title: 'PTS Kolaboratif',
    focus: 'Kemampuan guru melaksanakan pembelajaran kolaboratif',
    schoolYear: '2025/2026',
    semester: 'ganjil' as const,
    source: null,
    createdAt: '2026-08-01T00:00:00.000Z',
    rubric: { id: V.rubric, name: 'Lembar observasi kolaboratif', version: 2, definition: {} },
    bandSet: {
      id: V.bands,
      name: 'Kategori PTS',
      version: 1,
      bands: PTS_DEFAULT_BANDS,
      ranges: bandRanges(PTS_DEFAULT_BANDS),
    },
    criteriaSet: {
      id: V.criteria,
      name: 'Kriteria kabupaten',
      version: 1,
      criteria: CRITERIA,
      description: { id: describeCriteria(CRITERIA, 'id'), en: describeCriteria(CRITERIA, 'en') },
    },
    cycles: [0, 1, 2].map((k) => ({
      id: cycleIds[k]!,
      ordinal: k,
      status: k === 2 ? ('submitted' as const) : ('approved' as const),
      version: 2,
      submittedAt: null,
      approvedAt: null,
      n: 3,
      mean: summarizeCycle(column(k), PTS_DEFAULT_BANDS).mean,
      label: labels[k]!,
      meanBand: summarizeCycle(column(k), PTS_DEFAULT_BANDS).meanBand,
      allowedActions: [],
    })),
    canAddCycle: true,
    closed: null,
    history: [],
  };
}

describe('study page', () => {
  it('shows the teacher x cycle matrix with gains, the criteria verdict, and charts; adds a cycle', async () => {
    const newCycle = '00000000-0000-4000-8000-00000000c009';
    const { router, calls } = renderApp(routes, {
      at: `/studies/${IDS.study}`,
      api: {
        'auth.me': () => ME.principal,
        'studies.get': studyGet,
        'reports.schoolDetail': () => schoolDetail(),
        'cycles.create': () => ({
          id: newCycle,
          ordinal: 3,
          label: { id: 'Siklus III', en: 'Cycle III' },
          version: 1,
        }),
        'cycles.get': () => {
          throw new FakeApiError('NOT_FOUND', { id: 'Tidak ada', en: 'None' });
        },
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'PTS Kolaboratif' })).toBeTruthy();
    const matrix = await screen.findByRole('table', { name: 'Capaian guru per siklus' });
    const ismiati = within(matrix).getByRole('row', { name: /Ismiati/ });
    // 50.00 -> 75.00: +25.00 points, normalised (75 - 50) / (100 - 50) = 0.50
    expect(ismiati.textContent).toContain('50,00');
    expect(ismiati.textContent).toContain('+25,00');
    expect(ismiati.textContent).toContain('0,50');
    expect(within(matrix).getByText('Peningkatan Kondisi Awal → Siklus II')).toBeTruthy();
    const mean = within(matrix).getByRole('row', { name: /Rata-rata/ });
    // Means 50.00, 65.83, 74.33; gain of the means 24.33, normalised 0.49.
    expect(mean.textContent).toContain('50,00');
    expect(mean.textContent).toContain('65,83');
    expect(mean.textContent).toContain('74,33');
    expect(mean.textContent).toContain('+24,33');

    // The verdict on the latest cycle, as the domain words it.
    const verdict = screen.getByTestId('criteria-result');
    expect(verdict.textContent).toContain('Belum tercapai');
    expect(verdict.textContent).toContain('Dinilai pada Siklus II:');
    expect(verdict.textContent).toContain('Kriteria keberhasilan belum tercapai');
    expect(verdict.textContent).toContain('1 dari 3 guru di bawah Baik');
    expect(screen.getByRole('figure', { name: 'Capaian tiap guru per siklus' })).toBeTruthy();
    expect(screen.getByRole('figure', { name: 'Rata-rata per siklus' })).toBeTruthy();
    // Printed-figure warnings are for supervisors.
    expect(screen.queryByText(/Rata-rata tercetak 65,05/)).toBeNull();
    expect(
      screen.getByRole('link', { name: 'Rekap guru x siklus (Excel)' }).getAttribute('href'),
    ).toBe(`/export/studies/${IDS.study}/recap.xlsx`);
    expect(screen.getByRole('link', { name: 'Bab IV siap cetak' }).getAttribute('href')).toBe(
      `/studies/${IDS.study}/report`,
    );

    await userEvent.click(screen.getByRole('button', { name: 'Tambah Siklus III' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/cycles/${newCycle}`));
    expect(calls.find((c) => c.path === 'cycles.create')?.input).toEqual({ studyId: IDS.study });
  });

  it('draws the charts of every instrument of a two-instrument study, each from its own figures', async () => {
    // The RPP's means: 40,00, 55,00, 90,00 (the primary's are 50,00, 65,83, 74,33).
    const rpp = [
      ['40.00', '50.00', '90.00'],
      ['40.00', '55.00', '90.00'],
      ['40.00', '60.00', '90.00'],
    ];
    renderApp(routes, {
      at: `/studies/${IDS.study}`,
      api: {
        'auth.me': () => ME.principal,
        'studies.get': studyGet,
        'reports.schoolDetail': () => ({
          ...schoolDetail(),
          instruments: [instrumentFigures(0, 'utama', P), instrumentFigures(1, 'rpp', rpp)],
        }),
      },
    });
    const primaryMeans = await screen.findByRole('figure', { name: 'Rata-rata per siklus' });
    const rppMeans = screen.getByRole('figure', { name: 'Rata-rata per siklus: instrumen rpp' });
    const rppLines = screen.getByRole('figure', {
      name: 'Capaian tiap guru per siklus: instrumen rpp',
    });
    expect(screen.getByRole('figure', { name: 'Capaian tiap guru per siklus' })).toBeTruthy();
    // Each chart's figures (its folded table) are its own instrument's.
    expect(primaryMeans.textContent).toContain('65,83');
    expect(primaryMeans.textContent).not.toContain('90,00');
    expect(rppMeans.textContent).toContain('55,00');
    expect(rppMeans.textContent).toContain('90,00');
    expect(rppMeans.textContent).not.toContain('65,83');
    expect(rppLines.textContent).toContain('90,00');
    // Only further instruments get charts of their own: the primary's are the study's.
    expect(screen.queryByRole('figure', { name: /instrumen utama/ })).toBeNull();
  });

  it("shows a supervisor each further instrument's printed-figure check beside the primary's", async () => {
    const rpp = instrumentFigures(1, 'rpp', [
      ['40.00', '50.00', '90.00'],
      ['40.00', '55.00', '90.00'],
      ['40.00', '60.00', '90.00'],
    ]);
    rpp.cycles[2] = {
      ...rpp.cycles[2]!,
      printedMean: '90.10',
      mismatches: [
        {
          field: 'mean',
          printed: '90.10',
          computed: '90.00',
          message: {
            id: 'Rata-rata tercetak 90,10 berbeda dari hasil hitung 90,00',
            en: 'Printed mean 90.10 differs from the computed 90.00',
          },
        },
      ],
    };
    renderApp(routes, {
      at: `/studies/${IDS.study}`,
      lang: 'en',
      api: {
        'auth.me': () => ME.supervisor,
        'studies.get': studyGet,
        'reports.schoolDetail': () => ({
          ...schoolDetail(),
          instruments: [instrumentFigures(0, 'utama', P), { ...rpp, mismatchCount: 1 }],
        }),
      },
    });
    const primary = await screen.findByRole('table', { name: 'Printed figures check' });
    expect(
      within(primary)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Cycle I', '65.05', '65.83', 'Printed mean 65.05 differs from the computed 65.83']);
    const own = screen.getByRole('table', { name: 'Printed figures check: instrument rpp' });
    expect(
      within(own)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Cycle II', '90.10', '90.00', 'Printed mean 90.10 differs from the computed 90.00']);
  });

  it('shows a supervisor the consistency warnings, in English when chosen, without edit controls', async () => {
    renderApp(routes, {
      at: `/studies/${IDS.study}`,
      lang: 'en',
      api: {
        'auth.me': () => ME.supervisor,
        'studies.get': studyGet,
        'reports.schoolDetail': () => schoolDetail('submitted'),
      },
    });
    const check = await screen.findByRole('table', { name: 'Printed figures check' });
    expect(
      within(check)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Cycle I', '65.05', '65.83', 'Printed mean 65.05 differs from the computed 65.83']);
    // The verdict reads the approved Cycle I; the submitted Cycle II is named provisional.
    expect(screen.getByTestId('criteria-result').textContent).toContain('Evaluated on Cycle I:');
    expect(screen.getByTestId('criteria-result').textContent).toContain('Success criteria not met');
    expect(screen.getAllByTestId('provisional-label').map((l) => l.textContent)).toContain(
      'Cycle II: provisional: 3 of 3 teachers observed, not yet reviewed',
    );
    expect(screen.queryByRole('button', { name: /^Add / })).toBeNull();
    // The submitted cycle links to the review.
    expect(screen.getByRole('link', { name: 'Review' }).getAttribute('href')).toBe(
      `/review?cycleId=${cycleIds[2]}`,
    );
  });
  it('shows a closed study with its final verdict and who closed it, without adding a cycle or closing again', async () => {
    const verdict = {
      ordinal: 1,
      met: false,
      n: 3,
      mean: '65.83',
      message: {
        id: 'Siklus I: Kriteria keberhasilan belum tercapai',
        en: 'Cycle I: Success criteria not met',
      },
    };
    renderApp(routes, {
      at: `/studies/${IDS.study}`,
      api: {
        'auth.me': () => ME.principal,
        'studies.get': () => ({
          ...studyGet(),
          canAddCycle: false,
          closed: { at: '2026-12-01T17:30:00.000Z', byName: 'Ibu Kepala', verdict },
          history: [
            {
              id: '00000000-0000-4000-8000-0000000000e1',
              action: 'close' as const,
              actorName: 'Ibu Kepala',
              actorRole: 'principal' as const,
              reason: null,
              verdict,
              at: '2026-12-01T17:30:00.000Z',
            },
          ],
        }),
        'reports.schoolDetail': () => schoolDetail(),
      },
    });
    const closed = await screen.findByTestId('study-closed');
    expect(closed.textContent).toContain('Hasil akhir: Belum tercapai');
    expect(closed.textContent).toContain('Siklus I: Kriteria keberhasilan belum tercapai');
    // 17:30 UTC is 00:30 WIB on 2 December.
    expect(closed.textContent).toContain('Ditutup oleh Ibu Kepala (Kepala sekolah), 2 Des 2026');
    expect(screen.getByTestId('study-history').textContent).toContain('Ditutup (selesai)');
    expect(screen.queryByRole('button', { name: /^Tambah Siklus/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Tutup penelitian (selesai)' })).toBeNull();
  });
});
