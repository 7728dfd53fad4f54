import { PTS_DEFAULT_BANDS, type TBandSet } from '@siklus/domain';
import type { DraftFormHandle } from '@siklus/ui';
import { renderApp } from '@siklus/ui/testing';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { BandEditor } from './band-editor';

let latest: TBandSet | null = null;
function Harness({ initial }: { initial: TBandSet }) {
  const [value, setValue] = useState(initial);
  const handle = useRef<DraftFormHandle>(null);
  latest = value;
  return (
    <>
      <BandEditor value={value} onChange={setValue} handle={handle} />
      <button type="button" onClick={() => void handle.current?.check()}>
        save
      </button>
    </>
  );
}

const render = (initial: TBandSet = structuredClone(PTS_DEFAULT_BANDS)) =>
  renderApp([{ path: '/', element: <Harness initial={initial} /> }]);

const readout = () =>
  Array.from(screen.getByTestId('band-readout').querySelectorAll('li > span:last-child')).map(
    (span) => span.textContent,
  );

describe('BandEditor', () => {
  it('reads the ranges back as people say them, with Indonesian decimals', async () => {
    render();
    expect(await screen.findByText('Cukup: 51,00 - 70,99')).toBeTruthy();
    expect(screen.getByText('Kurang: 0,00 - 50,99')).toBeTruthy();
    expect(screen.getByText('Sangat Baik: 86,00 - 100,00')).toBeTruthy();
  });

  it('cannot create a gap: only lower bounds are edited, and the band below follows', async () => {
    render();
    await screen.findByText('Cukup: 51,00 - 70,99');
    // One bound per band above the first, and no upper-bound field anywhere.
    expect(screen.getAllByLabelText(/^Batas bawah /)).toHaveLength(3);
    expect(screen.queryByLabelText(/batas atas/i)).toBeNull();

    const baik = screen.getByLabelText('Batas bawah Baik');
    await userEvent.clear(baik);
    await userEvent.type(baik, '75,5');
    expect(latest?.bands[2]?.from).toBe('75.5');
    expect(screen.getByText('Cukup: 51,00 - 75,49')).toBeTruthy();
    expect(screen.getByText('Baik: 75,50 - 85,99')).toBeTruthy();

    // Removing a band hands its range to the band below: still 0-100 with no gap.
    await userEvent.click(screen.getByRole('button', { name: 'Hapus kategori Cukup' }));
    expect(screen.getByText('Kurang: 0,00 - 75,49')).toBeTruthy();
    expect(screen.getAllByLabelText(/^Batas bawah /)).toHaveLength(2);
  });

  it('refuses bounds out of order next to the field, and hides the ranges until fixed', async () => {
    render();
    const baik = await screen.findByLabelText('Batas bawah Baik');
    await userEvent.clear(baik);
    await userEvent.type(baik, '50');
    expect(baik.getAttribute('aria-invalid')).toBe('true');
    expect(
      document.getElementById(baik.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toContain('Kategori harus urut naik');
    expect(screen.queryByTestId('band-readout')).toBeNull();
    expect(
      screen.getByText('Perbaiki isian bertanda merah untuk melihat rentangnya.'),
    ).toBeTruthy();
  });

  it('starts from a preset and adds a band on top', async () => {
    render();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Penilaian Kinerja Guru (PKG)' }),
    );
    expect(readout()).toEqual([
      'Kurang: 0,00 - 50,99',
      'Sedang: 51,00 - 60,99',
      'Cukup: 61,00 - 75,99',
      'Baik: 76,00 - 90,99',
      'Amat Baik: 91,00 - 100,00',
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Tambah kategori di atas' }));
    await userEvent.type(screen.getByLabelText('Nama kategori ke-6'), 'Istimewa');
    expect(screen.getByText('Amat Baik: 91,00 - 94,99')).toBeTruthy();
    expect(screen.getByText('Istimewa: 95,00 - 100,00')).toBeTruthy();
  });

  it('edits letter grades and other names; a name used by two bands is refused next to it', async () => {
    render();
    await screen.findByText('Cukup: 51,00 - 70,99');
    await userEvent.type(screen.getByLabelText('Huruf predikat Sangat Baik'), 'A');
    await userEvent.type(screen.getByLabelText('Nama lain Sangat Baik'), 'Baik Sekali, Amat Baik');
    await userEvent.type(screen.getByLabelText('Nama lain Kurang'), 'Kurang Baik');
    expect(latest?.bands[3]).toEqual({
      from: '86.00',
      label: 'Sangat Baik',
      letter: 'A',
      aliases: ['Baik Sekali', 'Amat Baik'],
    });
    expect(latest?.bands[0]?.aliases).toEqual(['Kurang Baik']);

    const cukup = screen.getByLabelText('Nama lain Baik');
    await userEvent.type(cukup, 'cukup');
    expect(cukup.getAttribute('aria-invalid')).toBe('true');
    expect(
      document.getElementById(cukup.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toContain('dipakai dua kali');
    // Cleared, the band has no aliases at all.
    await userEvent.clear(cukup);
    expect(latest?.bands[2]).toEqual({ from: '71.00', label: 'Baik' });
  });

  it('says nothing about a new draft before input; saving focuses the first problem', async () => {
    const draft = structuredClone(PTS_DEFAULT_BANDS);
    draft.bands[1] = { from: '51.00', label: '' };
    draft.bands[3] = { from: '86.00', label: '' };
    render(draft);
    const second = await screen.findByLabelText('Nama kategori ke-2');
    expect(document.querySelector('[aria-invalid="true"]')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'save' }));
    expect(second.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Nama kategori ke-4').getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(second));

    // Fixed, the message goes at once.
    await userEvent.type(second, 'Cukup');
    expect(second.getAttribute('aria-invalid')).toBeNull();
  });
});
