import type { RouterOutputs } from '@siklus/client';
import { ME, renderApp } from '@siklus/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../router';
import { SCHOOL_IDS } from './test-fixtures';

type CompareResult = RouterOutputs['reports']['compareSchools'];

const SCHOOLS = [
  {
    id: SCHOOL_IDS.lulut,
    name: 'SD Negeri Lulut 2',
    npsn: '20200001',
    subdistrict: 'Klapanunggal',
  },
  {
    id: SCHOOL_IDS.cileungsi,
    name: 'SD Negeri Cileungsi 1',
    npsn: '20200002',
    subdistrict: 'Cileungsi',
  },
  { id: SCHOOL_IDS.jonggol, name: 'SD Negeri Jonggol 3', npsn: '20200003', subdistrict: 'Jonggol' },
];

const cycle = (ordinal: number, mean: string, meanBand: string) => ({
  cycleId: `00000000-0000-4000-8000-0000000001${ordinal}${mean.slice(0, 1)}`,
  ordinal,
  label: { id: ['Kondisi Awal', 'Siklus I', 'Siklus II'][ordinal]!, en: '' },
  status: 'approved' as const,
  provisional: false,
  n: 6,
  mean,
  meanBand,
});

const STUDIES: Record<string, CompareResult['schools'][number]['studies']> = {
  [SCHOOL_IDS.lulut]: [
    {
      studyId: '00000000-0000-4000-8000-0000000000a1',
      studyTitle: 'Pembelajaran kolaboratif',
      schoolYear: '2024/2025',
      cycles: [cycle(0, '42.29', 'Kurang'), cycle(1, '53.48', 'Cukup'), cycle(2, '65.08', 'Cukup')],
    },
  ],
  [SCHOOL_IDS.cileungsi]: [
    {
      studyId: '00000000-0000-4000-8000-0000000000a2',
      studyTitle: 'Supervisi akademik',
      schoolYear: '2024/2025',
      cycles: [cycle(0, '51.50', 'Cukup'), cycle(1, '72.10', 'Baik')],
    },
  ],
  [SCHOOL_IDS.jonggol]: [],
};

function setup(at = '/compare') {
  return renderApp(routes, {
    at,
    api: {
      'auth.me': () => ME.supervisor,
      'schools.list': (input) => {
        const q = ((input as { search?: string }).search ?? '').toLowerCase();
        const items = SCHOOLS.filter((s) => s.name.toLowerCase().includes(q)).map((s) => ({
          ...s,
          districtId: ME.supervisor.districtId,
          active: true,
          teacherCount: 6,
        }));
        return { items, total: items.length, limit: 20, offset: 0 };
      },
      'reports.compareSchools': (input) => ({
        schools: (input as { schoolIds: string[] }).schoolIds.map((id) => ({
          ...SCHOOLS.find((s) => s.id === id)!,
          studies: STUDIES[id] ?? [],
        })),
      }),
    },
  });
}

const compareCalls = (calls: Array<{ path: string; input: unknown }>) =>
  calls.filter((c) => c.path === 'reports.compareSchools').map((c) => c.input);

describe('compare schools', () => {
  it('ticks schools into the URL and shows their cycle means side by side', async () => {
    const { router, calls } = setup();
    expect(await screen.findByText('Belum ada sekolah yang dipilih.')).toBeTruthy();
    expect(compareCalls(calls)).toEqual([]);

    await userEvent.type(screen.getByLabelText('Cari sekolah untuk dibandingkan'), 'lulut');
    await userEvent.click(await screen.findByRole('checkbox', { name: /SD Negeri Lulut 2/ }));
    await userEvent.clear(screen.getByLabelText('Cari sekolah untuk dibandingkan'));
    await userEvent.click(await screen.findByRole('checkbox', { name: /SD Negeri Cileungsi 1/ }));

    await waitFor(() =>
      expect(compareCalls(calls).at(-1)).toEqual({
        schoolIds: [SCHOOL_IDS.lulut, SCHOOL_IDS.cileungsi],
      }),
    );
    expect(new URLSearchParams(router.state.location.search).getAll('school')).toEqual([
      SCHOOL_IDS.lulut,
      SCHOOL_IDS.cileungsi,
    ]);

    const table = await screen.findByRole('table', {
      name: 'Rata-rata tiap siklus, per sekolah dan penelitian',
    });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Sekolah', 'Penelitian', 'Kondisi Awal', 'Siklus I', 'Siklus II']);
    const lulut = within(table)
      .getByRole('rowheader', { name: /SD Negeri Lulut 2/ })
      .closest('tr')!;
    const cells = within(lulut)
      .getAllByRole('cell')
      .map((c) => c.textContent ?? '');
    expect(cells[1]).toMatch(/^42,29Kurang/);
    expect(cells[3]).toMatch(/^65,08Cukup/);
    const cileungsi = within(table)
      .getByRole('rowheader', { name: /SD Negeri Cileungsi 1/ })
      .closest('tr')!;
    // Cileungsi has no Siklus II: an empty cell, not a zero.
    expect(within(cileungsi).getAllByRole('cell').at(-1)?.textContent).toBe('–');
    expect(
      screen.getByRole('figure', { name: 'Rata-rata per siklus, sekolah berdampingan' }),
    ).toBeTruthy();
  });

  it('opens a shared link with its schools, and removes one', async () => {
    const { router, calls } = setup(
      `/compare?school=${SCHOOL_IDS.lulut}&school=${SCHOOL_IDS.jonggol}&school=not-an-id`,
    );
    expect(await screen.findByText('Belum ada penelitian')).toBeTruthy();
    expect(compareCalls(calls)[0]).toEqual({ schoolIds: [SCHOOL_IDS.lulut, SCHOOL_IDS.jonggol] });
    expect(
      (screen.getByRole('checkbox', { name: /SD Negeri Lulut 2/ }) as HTMLInputElement).checked,
    ).toBe(true);

    await userEvent.click(
      screen.getByRole('button', { name: 'Hapus SD Negeri Jonggol 3 dari perbandingan' }),
    );
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).getAll('school')).toEqual([
        SCHOOL_IDS.lulut,
      ]),
    );
    await waitFor(() => expect(screen.queryByText('Belum ada penelitian')).toBeNull());
    expect(compareCalls(calls).at(-1)).toEqual({ schoolIds: [SCHOOL_IDS.lulut] });
  });
});
