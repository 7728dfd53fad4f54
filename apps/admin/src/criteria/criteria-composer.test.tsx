import type { TSuccessCriteria } from '@siklus/domain';
import { renderApp } from '@siklus/ui/testing';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { CriteriaComposer } from './criteria-composer';

const LABELS = ['Kurang', 'Cukup', 'Baik', 'Sangat Baik'];

function Harness() {
  const [value, setValue] = useState<TSuccessCriteria>({
    criteria: [{ kind: 'mean', op: '>=', value: '71' }],
  });
  return <CriteriaComposer value={value} onChange={setValue} bandLabels={LABELS} />;
}

describe('CriteriaComposer', () => {
  it('composes every kind with either comparison and reads them back as one sentence in the current language', async () => {
    renderApp([{ path: '/', element: <Harness /> }]);
    const sentence = () => screen.getByTestId('criteria-sentence').textContent;
    expect(await screen.findByText('Rata-rata minimal 71,00')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Tambah kriteria' }));
    expect(sentence()).toBe(
      'Rata-rata minimal 71,00 dan minimal 80% guru berkategori Baik atau lebih',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Tambah kriteria' }));
    await userEvent.selectOptions(screen.getByLabelText('Jenis kriteria ke-3'), 'bandShare');
    await userEvent.selectOptions(
      screen.getAllByLabelText('Kategori').at(-1) as HTMLElement,
      'Cukup',
    );
    const shares = screen.getAllByLabelText('Persentase guru');
    await userEvent.clear(shares[1] as HTMLElement);
    await userEvent.type(shares[1] as HTMLElement, '100');
    const percent = shares[0] as HTMLElement;
    await userEvent.clear(percent);
    await userEvent.type(percent, '87,5');
    expect(sentence()).toBe(
      'Rata-rata minimal 71,00, minimal 87,5% guru berkategori Baik atau lebih dan semua guru berkategori Cukup atau lebih',
    );

    // A pass mark independent of the bands, strictly more than 75% of teachers.
    await userEvent.selectOptions(screen.getByLabelText('Jenis kriteria ke-2'), 'passShare');
    await userEvent.selectOptions(screen.getByLabelText('Pembanding kriteria ke-2'), '>');
    await userEvent.clear(percent);
    await userEvent.type(percent, '75');
    const kkm = screen.getByLabelText('KKM (nilai minimal tiap guru)');
    await userEvent.clear(kkm);
    await userEvent.type(kkm, '78');
    expect(sentence()).toBe(
      'Rata-rata minimal 71,00, lebih dari 75% guru mencapai nilai minimal 78 dan semua guru berkategori Cukup atau lebih',
    );
    // "More than 100%" can never be met: refused next to the field.
    await userEvent.clear(percent);
    await userEvent.type(percent, '100');
    expect(percent.getAttribute('aria-invalid')).toBe('true');
    await userEvent.clear(percent);
    await userEvent.type(percent, '75');

    // A threshold over 100 is refused next to its field, and the sentence waits for a fix.
    const mean = screen.getByLabelText('Ambang rata-rata');
    await userEvent.clear(mean);
    await userEvent.type(mean, '171');
    expect(mean.getAttribute('aria-invalid')).toBe('true');
    expect(
      document.getElementById(mean.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toContain('Ambang harus angka 0 sampai 100');
    expect(sentence()).toBe('Perbaiki isian bertanda merah untuk membaca kriterianya.');
    await userEvent.clear(mean);
    await userEvent.type(mean, '75');

    await userEvent.selectOptions(screen.getByLabelText('Pembanding kriteria ke-1'), '>');
    await userEvent.click(screen.getByRole('button', { name: 'Hapus kriteria ke-3' }));
    expect(sentence()).toBe(
      'Rata-rata lebih dari 75,00 dan lebih dari 75% guru mencapai nilai minimal 78',
    );
    await userEvent.selectOptions(screen.getByLabelText('Jenis kriteria ke-2'), 'indicatorMean');
    expect(sentence()).toBe(
      'Rata-rata lebih dari 75,00 dan rata-rata setiap indikator lebih dari 75,00',
    );
  });

  it('names the instrument a clause is judged on, read back in words; empty is the primary', async () => {
    renderApp([{ path: '/', element: <Harness /> }]);
    const sentence = () => screen.getByTestId('criteria-sentence').textContent;
    const instrument = await screen.findByLabelText('Instrumen (kosong = utama)');
    await userEvent.type(instrument, 'rpp');
    expect(sentence()).toBe('Pada instrumen rpp: rata-rata minimal 71,00');
    // A key is lowercase: refused next to the field until fixed.
    await userEvent.clear(instrument);
    await userEvent.type(instrument, 'RPP');
    expect(instrument.getAttribute('aria-invalid')).toBe('true');
    await userEvent.clear(instrument);
    expect(instrument.getAttribute('aria-invalid')).toBeNull();
    expect(sentence()).toBe('Rata-rata minimal 71,00');
  });

  it('reads back in English with English decimals', async () => {
    renderApp([{ path: '/', element: <Harness /> }], { lang: 'en' });
    await userEvent.click(await screen.findByRole('button', { name: 'Add criterion' }));
    expect(screen.getByTestId('criteria-sentence').textContent).toBe(
      'Mean at least 71.00 and at least 80% of teachers Baik or better',
    );
    expect((screen.getByLabelText('Mean threshold') as HTMLInputElement).value).toBe('71');
    expect(screen.getAllByLabelText('Instrument (empty = primary)')).toHaveLength(2);
  });
});
