import { PTS_DEFAULT_BANDS } from '@siklus/domain';
import { ME, renderApp } from '@siklus/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../router';

const VERSION = '00000000-0000-4000-8000-00000000b502';
const ITEM = '00000000-0000-4000-8000-00000000b500';

function draft(status: 'draft' | 'published' = 'draft') {
  return {
    id: VERSION,
    itemId: ITEM,
    name: 'Kriteria PTS',
    description: null,
    version: 2,
    latestVersion: 2,
    status,
    editable: status === 'draft',
    publishedAt: status === 'published' ? '2026-03-01T00:00:00.000Z' : null,
    createdAt: '2026-03-01T00:00:00.000Z',
    inUse: 0,
    payload: structuredClone(PTS_DEFAULT_BANDS),
  };
}

/** Baik moved to 76 turns the observations between 71 and 75.99 into Cukup. */
function preview(input: unknown) {
  const bands = (input as { bands: { from: string; label: string }[] }).bands;
  const moved = bands.find((b) => b.label === 'Baik')?.from !== '71.00';
  return {
    ranges: [],
    totals: {
      observations: 19,
      observationsChanged: moved ? 2 : 0,
      cycles: 4,
      cycleMeansChanged: moved ? 1 : 0,
    },
    schools: [
      {
        schoolId: ME.principal.schoolId,
        schoolName: 'SD Negeri Lulut 2',
        npsn: '20201234',
        subdistrict: 'Klapanunggal',
        observations: 19,
        observationsChanged: moved ? 2 : 0,
        cycles: 4,
        cycleMeansChanged: moved ? 1 : 0,
      },
    ],
  };
}

describe('band set page', () => {
  it('previews the impact per school as the bounds change, then publishes after saying it', async () => {
    let status: 'draft' | 'published' = 'draft';
    const { calls } = renderApp(routes, {
      at: `/bands/${VERSION}`,
      api: {
        'auth.me': () => ME.admin,
        'config.bandSets.get': () => draft(status),
        'config.bandSets.list': () => [],
        'config.bandSets.preview': preview,
        'config.bandSets.updateDraft': () => draft(status),
        'config.bandSets.publish': () => {
          status = 'published';
          return draft(status);
        },
      },
    });
    const impact = await screen.findByRole('region', { name: 'Dampak sebelum terbit' });
    expect(await within(impact).findByText('Tidak ada kategori yang berubah.')).toBeTruthy();
    expect(screen.getByText('Cukup: 51,00 - 70,99')).toBeTruthy();

    const baik = screen.getByLabelText('Batas bawah Baik');
    await userEvent.clear(baik);
    await userEvent.type(baik, '76');
    expect(await within(impact).findByText('SD Negeri Lulut 2')).toBeTruthy();
    expect(within(impact).getByTestId('impact-observations').textContent).toBe('2');
    expect(within(impact).getByRole('row', { name: /SD Negeri Lulut 2/ }).textContent).toContain(
      '2 dari 19',
    );
    const last = calls.filter((c) => c.path === 'config.bandSets.preview').at(-1);
    expect((last?.input as { bands: { from: string }[] } | undefined)?.bands[2]?.from).toBe('76');

    await userEvent.click(screen.getByRole('button', { name: 'Terbitkan…' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Terbitkan versi ini?' });
    await waitFor(() =>
      expect(confirm.textContent).toContain(
        '2 observasi dan 1 rata-rata siklus di 1 sekolah akan berpindah kategori.',
      ),
    );
    await userEvent.click(within(confirm).getByRole('button', { name: 'Ya, terbitkan' }));
    expect(await screen.findByText('Versi 2 terbit dan kini hanya dapat dibaca.')).toBeTruthy();
    // The unsaved bound was saved before publishing.
    const saved = calls.find((c) => c.path === 'config.bandSets.updateDraft');
    expect(
      (saved?.input as { payload: { bands: { from: string }[] } } | undefined)?.payload.bands[2]
        ?.from,
    ).toBe('76');
    const order = calls
      .map((c) => c.path)
      .filter((p) => p.endsWith('Draft') || p.endsWith('publish'));
    expect(order).toEqual(['config.bandSets.updateDraft', 'config.bandSets.publish']);
  });
});
