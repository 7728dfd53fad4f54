import type { TSuccessCriteria } from '@siklus/domain';
import type { DraftFormHandle } from '@siklus/ui';
import { renderApp } from '@siklus/ui/testing';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { CriteriaComposer } from './criteria-composer';

const LABELS = ['Kurang', 'Cukup', 'Baik', 'Sangat Baik'];

function Harness() {
  const [value, setValue] = useState<TSuccessCriteria>({
    criteria: [{ kind: 'mean', op: '>=', value: '71' }],
  });
  return <CriteriaComposer value={value} onChange={setValue} bandLabels={LABELS} />;
}

/** The composer as the config page holds it: a save that asks it to check its clauses. */
function SavingHarness({
  initial,
  bandLabels = LABELS,
}: {
  initial: TSuccessCriteria;
  bandLabels?: string[];
}) {
  const [value, setValue] = useState(initial);
  const handle = useRef<DraftFormHandle>(null);
  const [checked, setChecked] = useState<boolean | null>(null);
  return (
    <>
      <CriteriaComposer value={value} onChange={setValue} bandLabels={bandLabels} handle={handle} />
      <button
        type="button"
        onClick={async () => setChecked((await handle.current?.check()) ?? null)}
      >
        save
      </button>
      <output data-testid="checked">{String(checked)}</output>
    </>
  );
}

const invalidFields = () => document.querySelectorAll('[aria-invalid="true"]');

describe('CriteriaComposer', () => {
  it('keeps a clause just added quiet until it is touched, then names its problem', async () => {
    // No band set chosen yet: the new band-share clause has no band, which the schema refuses.
    renderApp([
      {
        path: '/',
        element: (
          <SavingHarness
            initial={{ criteria: [{ kind: 'mean', op: '>=', value: '71' }] }}
            bandLabels={[]}
          />
        ),
      },
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Tambah kriteria' }));
    expect(screen.getAllByLabelText('Persentase guru')).toHaveLength(1);
    expect(invalidFields()).toHaveLength(0);
    expect(screen.queryAllByRole('alert')).toHaveLength(0);

    // Typed in and refused: the field says so, the untouched first clause stays quiet.
    const percent = screen.getByLabelText('Persentase guru');
    await userEvent.clear(percent);
    await userEvent.type(percent, '150');
    expect(percent.getAttribute('aria-invalid')).toBe('true');
    expect(invalidFields()).toHaveLength(1);
    expect(screen.getByLabelText('Ambang rata-rata').getAttribute('aria-invalid')).toBeNull();
  });

  it('on save shows every problem and puts the focus on the first field with one', async () => {
    renderApp([
      {
        path: '/',
        element: (
          <SavingHarness
            initial={{
              criteria: [
                { kind: 'bandShare', op: '>=', percent: '80', band: 'Baik' },
                { kind: 'mean', op: '>=', value: '171' },
                { kind: 'passShare', op: '>=', percent: '180', kkm: '78' },
              ],
            }}
          />
        ),
      },
    ]);
    const mean = await screen.findByLabelText('Ambang rata-rata');
    // Loaded as it was kept: nothing is red before anyone touched it or saved.
    expect(invalidFields()).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'save' }));
    await waitFor(() => expect(screen.getByTestId('checked').textContent).toBe('false'));
    expect(mean.getAttribute('aria-invalid')).toBe('true');
    expect(
      document.getElementById(mean.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toContain('Ambang harus angka 0 sampai 100');
    const shares = screen.getAllByLabelText('Persentase guru');
    expect(shares[1]?.getAttribute('aria-invalid')).toBe('true');
    expect(shares[0]?.getAttribute('aria-invalid')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(mean));

    // Fixed, the message goes as it is typed, and the next save passes.
    await userEvent.clear(mean);
    await userEvent.type(mean, '75');
    expect(mean.getAttribute('aria-invalid')).toBeNull();
    await userEvent.clear(shares[1] as HTMLElement);
    await userEvent.type(shares[1] as HTMLElement, '80');
    await userEvent.click(screen.getByRole('button', { name: 'save' }));
    await waitFor(() => expect(screen.getByTestId('checked').textContent).toBe('true'));
    expect(invalidFields()).toHaveLength(0);
  });

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
