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

/**
 * Baik moved to 76 turns the observations between 71 and 75.99 into Cukup; a band set
 * without "Baik" no longer fits the criteria of the studies that use it.
 */
function preview(input: unknown) {
  const bands = (input as { bands: { from: string; label: string }[] }).bands;
  const moved = bands.find((b) => b.label === 'Baik')?.from !== '71.00';
  const noBaik = !bands.some((b) => b.label === 'Baik');
  return {
    ranges: [],
    criteriaMisfits: noBaik
      ? [
          {
            criteriaVersionId: '00000000-0000-4000-8000-00000000c501',
            name: 'Kriteria keberhasilan PTS',
            version: 1,
            studies: 3,
            messages: {
              id: 'Kategori “Baik” tidak ada dalam himpunan kategori (Kurang, Cukup, Bagus, Sangat Baik)',
              en: 'Band “Baik” is not in the band set (Kurang, Cukup, Bagus, Sangat Baik)',
            },
          },
        ]
      : [],
    totals: {
      studies: 3,
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
        studies: 3,
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
          return { ...draft(status), moved: { studiesMoved: 3, observationsChanged: 2 } };
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
    // The preview is asked about this version: its band set's studies are the ones that move.
    const last = calls.filter((c) => c.path === 'config.bandSets.preview').at(-1);
    expect(last?.input).toMatchObject({ versionId: VERSION });
    expect((last?.input as { bands: { from: string }[] } | undefined)?.bands[2]?.from).toBe('76');

    await userEvent.click(screen.getByRole('button', { name: 'Terbitkan…' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Terbitkan versi ini?' });
    await waitFor(() =>
      expect(confirm.textContent).toContain(
        '3 studi pindah ke versi ini; 2 observasi dan 1 rata-rata siklus di 1 sekolah akan berpindah kategori.',
      ),
    );
    await userEvent.click(within(confirm).getByRole('button', { name: 'Ya, terbitkan' }));
    expect(
      await screen.findByText(
        'Versi 2 terbit. 3 studi kini memakai versi ini; 2 observasi berpindah kategori.',
      ),
    ).toBeTruthy();
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

  it('names the success criteria a renamed band would break, before publishing', async () => {
    renderApp(routes, {
      at: `/bands/${VERSION}`,
      api: {
        'auth.me': () => ME.admin,
        'config.bandSets.get': () => draft(),
        'config.bandSets.list': () => [],
        'config.bandSets.preview': preview,
      },
    });
    const impact = await screen.findByRole('region', { name: 'Dampak sebelum terbit' });
    await within(impact).findByText('Tidak ada kategori yang berubah.');
    expect(within(impact).queryByRole('alert')).toBeNull();
    const name = screen.getByLabelText('Nama kategori ke-3');
    await userEvent.clear(name);
    await userEvent.type(name, 'Bagus');
    const alert = await within(impact).findByRole('alert');
    expect(alert.textContent).toContain(
      'Kriteria keberhasilan “Kriteria keberhasilan PTS” v1 (3 studi) tidak cocok dengan kategori ini',
    );
    expect(alert.textContent).toContain('Kategori “Baik” tidak ada');
  });

  it('a band set not saved yet asks no preview: no study can use it', async () => {
    const { calls } = renderApp(routes, {
      at: '/bands/new',
      api: {
        'auth.me': () => ME.admin,
        'config.bandSets.list': () => [],
        'config.bandSets.presets': () => [],
      },
    });
    const impact = await screen.findByRole('region', { name: 'Dampak sebelum terbit' });
    expect(
      within(impact).getByText(
        'Belum ada studi yang memakai kategori ini, jadi tidak ada yang berubah saat terbit.',
      ),
    ).toBeTruthy();
    expect(calls.some((c) => c.path === 'config.bandSets.preview')).toBe(false);
  });
});
