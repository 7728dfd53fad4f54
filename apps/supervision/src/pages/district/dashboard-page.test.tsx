import type { RouterOutputs } from '@siklus/client';
import { FakeApiError, ME, renderApp } from '@siklus/ui/testing';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../router';
import type { ComparisonInput } from './comparison-params';
import { comparisonPage, headline, lulutRow, noStudyRow, overdueRow } from './test-fixtures';

type ComparisonRow = RouterOutputs['reports']['districtComparison']['rows'][number];

/**
 * The district comparison as a supervisor meets it. The fake API sorts, filters and pages
 * like the server would, so the rows on screen show the table asked for the right thing.
 */
const ROWS = [lulutRow, overdueRow, noStudyRow];

function fakeComparison(rows: ComparisonRow[] = ROWS, total?: number) {
  return (raw: unknown) => {
    const input = raw as ComparisonInput;
    let list = [...rows];
    if (input.subdistrict) list = list.filter((r) => r.subdistrict === input.subdistrict);
    if (input.status === 'none') list = list.filter((r) => r.studyId === null);
    else if (input.status) list = list.filter((r) => r.latestStatus === input.status);
    if (input.attention) list = list.filter((r) => r.studyId === null || r.overdue);
    if (input.search) {
      const q = input.search.toLowerCase();
      list = list.filter((r) => r.schoolName.toLowerCase().includes(q) || r.npsn.includes(q));
    }
    if (input.sort) {
      const key = input.sort.by as keyof ComparisonRow;
      const dir = input.sort.dir === 'desc' ? -1 : 1;
      // Two-decimal strings of equal width compare as text; nulls last, as the server.
      list.sort((a, b) => {
        const x = a[key] as string | null;
        const y = b[key] as string | null;
        if (x === null) return 1;
        if (y === null) return -1;
        return x.padStart(8, '0') < y.padStart(8, '0') ? -dir : dir;
      });
    }
    return comparisonPage(list, {
      total: total ?? list.length,
      page: input.page ?? 1,
      pageSize: input.pageSize ?? 50,
    });
  };
}

function renderDashboard(
  at = '/dashboard',
  lang: 'id' | 'en' = 'id',
  comparison = fakeComparison(),
) {
  return renderApp(routes, {
    at,
    lang,
    api: {
      'auth.me': () => ME.supervisor,
      'reports.districtHeadline': () => headline,
      'reports.districtComparison': comparison,
      'schools.subdistricts': () => ['Cileungsi', 'Jonggol', 'Klapanunggal'],
      'home.get': () => EMPTY_SUPERVISOR_HOME,
    },
  });
}

/** Nothing waiting: the dashboard's own tests are about the comparison below it. */
const EMPTY_SUPERVISOR_HOME = {
  role: 'supervisor' as const,
  now: '2026-03-12T03:00:00.000Z',
  today: '2026-03-12',
  timeZone: 'Asia/Jakarta' as const,
  waiting: { total: 0, items: [] },
  returned: { total: 0, items: [] },
  schoolsWithoutStudy: { total: 0, items: [] },
  overdueFollowUps: { total: 0, items: [], bySchool: [] },
};

const comparisonCalls = (calls: Array<{ path: string; input: unknown }>) =>
  calls
    .filter((c) => c.path === 'reports.districtComparison')
    .map((c) => c.input as ComparisonInput);

async function table() {
  return screen.findByRole('table', { name: 'Sekolah di kabupaten dengan penelitian terakhirnya' });
}

/** School names in row order. */
function schoolOrder(t: HTMLElement): string[] {
  return within(t)
    .getAllByRole('row')
    .slice(1)
    .flatMap((row) => {
      const link = within(row).queryAllByRole('link')[0];
      return link ? [link.textContent ?? ''] : [];
    });
}

function rowOf(name: string): HTMLElement {
  const link = screen.getByRole('link', { name });
  return link.closest('tr') as HTMLElement;
}

describe('district dashboard: comparison table', () => {
  it('asks the server for one page and shows each school with its figures in Indonesian', async () => {
    const { calls } = renderDashboard();
    const t = await table();
    expect(schoolOrder(t)).toEqual([
      'SD Negeri Lulut 2',
      'SD Negeri Cileungsi 1',
      'SD Negeri Jonggol 3',
    ]);
    // Never the whole district: one page, of the size on screen.
    expect(comparisonCalls(calls)[0]).toEqual({ page: 1, pageSize: 25 });

    const lulut = rowOf('SD Negeri Lulut 2');
    const cells = within(lulut)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toContain('42,29');
    expect(cells.some((c) => c?.startsWith('65,08'))).toBe(true);
    expect(cells).toContain('+22,79');
    expect(cells).toContain('0,39');
    expect(within(lulut).getByText('Belum tercapai')).toBeTruthy();
    expect(within(lulut).getByText('Diajukan')).toBeTruthy();
    // Band shares: the counts drawn as a bar, the shares spelled out for screen readers.
    expect(
      within(lulut).getByText('Kurang 0,00% · Cukup 66,67% · Baik 33,33% · Sangat Baik 0,00%'),
    ).toBeTruthy();
    expect(within(lulut).getByText('0 · 4 · 2 · 0')).toBeTruthy();

    // Headline figures of the district.
    expect(screen.getByText('71,45')).toBeTruthy();
    expect(screen.getByText('1.500')).toBeTruthy();
    expect(screen.getByText('300 belum memulai')).toBeTruthy();
  });

  it('prints figures the English way after the switch', async () => {
    renderDashboard('/dashboard', 'en');
    const compared = await screen.findByRole('table', {
      name: 'Schools of the district with their latest study',
    });
    const cells = within(rowOf('SD Negeri Lulut 2'))
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toContain('42.29');
    expect(cells).toContain('+22.79');
    expect(screen.getByText('1,500')).toBeTruthy();
    // The comparison's own header (the chart's table alternative has a column of that name too).
    expect(within(compared).getByRole('columnheader', { name: /Latest mean/ })).toBeTruthy();
  });

  it('sorts on the server: a header click sends the sort, the rows follow, the URL keeps it', async () => {
    const { calls, router } = renderDashboard();
    await table();
    await userEvent.click(screen.getByRole('button', { name: 'Rata-rata terakhir' }));
    await waitFor(() =>
      expect(comparisonCalls(calls).at(-1)).toEqual({
        sort: { by: 'latestMean', dir: 'asc' },
        page: 1,
        pageSize: 25,
      }),
    );
    await waitFor(async () =>
      expect(schoolOrder(await table())).toEqual([
        'SD Negeri Cileungsi 1',
        'SD Negeri Lulut 2',
        'SD Negeri Jonggol 3',
      ]),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Rata-rata terakhir' }));
    await waitFor(() =>
      expect(comparisonCalls(calls).at(-1)?.sort).toEqual({ by: 'latestMean', dir: 'desc' }),
    );
    await waitFor(async () => expect(schoolOrder(await table())[0]).toBe('SD Negeri Lulut 2'));
    expect(router.state.location.search).toBe('?sort=latestMean&dir=desc');
    expect(
      within(await table())
        .getByRole('columnheader', { name: /Rata-rata terakhir/ })
        .getAttribute('aria-sort'),
    ).toBe('descending');
  });

  it('filters on the server by subdistrict, status, needs-attention and search, back to page 1', async () => {
    const { calls, router } = renderDashboard('/dashboard?page=2');
    await table();
    expect(comparisonCalls(calls)[0]?.page).toBe(2);

    await userEvent.selectOptions(screen.getByLabelText('Kecamatan'), 'Cileungsi');
    await waitFor(() =>
      expect(comparisonCalls(calls).at(-1)).toEqual({
        subdistrict: 'Cileungsi',
        page: 1,
        pageSize: 25,
      }),
    );
    await waitFor(async () =>
      expect(schoolOrder(await table())).toEqual(['SD Negeri Cileungsi 1']),
    );
    expect(router.state.location.search).toBe('?subdistrict=Cileungsi');

    await userEvent.selectOptions(screen.getByLabelText('Kecamatan'), '');
    await userEvent.selectOptions(screen.getByLabelText('Status siklus terakhir'), 'none');
    await waitFor(() => expect(comparisonCalls(calls).at(-1)?.status).toBe('none'));
    await waitFor(async () => expect(schoolOrder(await table())).toEqual(['SD Negeri Jonggol 3']));

    await userEvent.selectOptions(screen.getByLabelText('Status siklus terakhir'), '');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Hanya yang perlu perhatian' }));
    await waitFor(() =>
      expect(comparisonCalls(calls).at(-1)).toEqual({ attention: true, page: 1, pageSize: 25 }),
    );
    await waitFor(async () =>
      expect(schoolOrder(await table())).toEqual(['SD Negeri Cileungsi 1', 'SD Negeri Jonggol 3']),
    );

    await userEvent.type(screen.getByLabelText('Cari nama sekolah, NPSN atau judul'), 'jonggol');
    await waitFor(() =>
      expect(comparisonCalls(calls).at(-1)).toEqual({
        search: 'jonggol',
        attention: true,
        page: 1,
        pageSize: 25,
      }),
    );
    // The search is debounced: not one request per key.
    expect(comparisonCalls(calls).filter((c) => c.search?.startsWith('j')).length).toBe(1);
    expect(router.state.location.search).toBe('?q=jonggol&attention=1');
    // The export links carry the filters on screen.
    expect(screen.getByRole('link', { name: 'Unduh CSV' }).getAttribute('href')).toBe(
      '/export/district/comparison.csv?search=jonggol&attention=true',
    );
  });

  it('opens a deep link with its filters and pages with the pager; back returns', async () => {
    const many = Array.from({ length: 25 }, (_, i) => ({
      ...lulutRow,
      schoolId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      schoolName: `SD Negeri Contoh ${String(i + 1).padStart(2, '0')}`,
    }));
    const { calls, router } = renderDashboard(
      '/dashboard?subdistrict=Klapanunggal&year=2024/2025',
      'id',
      fakeComparison(many, 60),
    );
    await table();
    expect(comparisonCalls(calls)[0]).toEqual({
      subdistrict: 'Klapanunggal',
      schoolYear: '2024/2025',
      page: 1,
      pageSize: 25,
    });
    expect((screen.getByLabelText('Kecamatan') as HTMLSelectElement).value).toBe('Klapanunggal');
    expect(screen.getByText('1–25 dari 60')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: /Berikutnya/ }));
    await waitFor(() => expect(comparisonCalls(calls).at(-1)?.page).toBe(2));
    expect(await screen.findByText('26–50 dari 60')).toBeTruthy();
    expect(router.state.location.search).toContain('page=2');

    await act(() => router.navigate(-1));
    expect(await screen.findByText('1–25 dari 60')).toBeTruthy();
    expect(router.state.location.search).not.toContain('page=');
  });

  it('makes schools without a study or with an overdue cycle stand out', async () => {
    renderDashboard();
    await table();
    const overdue = rowOf('SD Negeri Cileungsi 1');
    expect(within(overdue).getByText('Terlambat')).toBeTruthy();
    expect(within(overdue).getByText(/tidak ada perubahan sejak/)).toBeTruthy();
    expect(overdue.querySelector('.sk-district-flag--overdue')).not.toBeNull();

    const none = rowOf('SD Negeri Jonggol 3');
    expect(within(none).getByText('Belum ada PTS')).toBeTruthy();
    expect(none.querySelector('.sk-district-flag')).not.toBeNull();

    const fine = rowOf('SD Negeri Lulut 2');
    expect(within(fine).queryByText('Terlambat')).toBeNull();
    expect(within(fine).queryByText('Belum ada PTS')).toBeNull();
    expect(fine.querySelector('.sk-district-flag')).toBeNull();
  });

  it('says so when no school matches, and shows an error with a retry', async () => {
    let fail = true;
    renderDashboard('/dashboard?q=zzz', 'id', (input) => {
      if (fail) {
        fail = false;
        throw new FakeApiError('BAD_REQUEST', { id: 'Saringan tidak sah', en: 'Invalid filter' });
      }
      return fakeComparison()(input);
    });
    expect(await screen.findByRole('button', { name: 'Coba lagi' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Coba lagi' }));
    expect(
      await screen.findByText('Tidak ada sekolah yang cocok dengan saringan ini.'),
    ).toBeTruthy();
  });
});
