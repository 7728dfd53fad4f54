import { PTS_DEFAULT_BANDS, type TRubricDefinition } from '@siklus/domain';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { translate } from './i18n/i18n';
import {
  missingIndicatorsMessage,
  type RubricScores,
  RubricSheet,
  type RubricSheetHandle,
} from './rubric-sheet';
import { renderWithI18n } from './test/render';

const scale = {
  min: 1,
  max: 4,
  levels: [
    { value: 1, label: 'Kurang', descriptor: 'Tidak tampak' },
    { value: 2, label: 'Cukup' },
    { value: 3, label: 'Baik' },
    { value: 4, label: 'Sangat baik', descriptor: 'Tampak konsisten' },
  ],
};
const definition: TRubricDefinition = {
  mode: 'indicators',
  aspects: [
    {
      key: 'A',
      title: 'Perencanaan',
      indicators: [
        { key: 'A1', text: 'Merumuskan tujuan', scale },
        { key: 'A2', text: 'Menyiapkan media', scale },
      ],
    },
    {
      key: 'B',
      title: 'Pelaksanaan',
      indicators: [{ key: 'B1', text: 'Membentuk kelompok', scale }],
    },
  ],
};

function Harness({ initial, showMissing }: { initial: RubricScores; showMissing?: boolean }) {
  const [scores, setScores] = useState(initial);
  const ref = useRef<RubricSheetHandle>(null);
  return (
    <>
      <RubricSheet
        ref={ref}
        definition={definition}
        scores={scores}
        onChange={setScores}
        bandSet={PTS_DEFAULT_BANDS}
        showMissing={showMissing}
      />
      <button type="button" onClick={() => ref.current?.focusFirstMissing()}>
        focus
      </button>
    </>
  );
}

describe('RubricSheet', () => {
  it('shows aspects, indicators, levels with descriptors, and the live percentage and band', async () => {
    renderWithI18n(<Harness initial={{ A1: 4, A2: 3 }} />);
    expect(screen.getByRole('heading', { name: /Perencanaan/ })).toBeTruthy();
    expect(screen.getAllByText('Tampak konsisten')).toHaveLength(3);
    // A running figure over what is scored so far: (4 + 3) / 8 = 87.50
    expect(screen.getByRole('status').textContent).toBe('Sementara: 87,50% — 2 dari 3 indikator');

    const b1 = screen.getByRole('group', { name: '3. Membentuk kelompok' });
    await userEvent.click(within(b1).getByRole('radio', { name: /^2/ }));
    // (4 + 3 + 2) / 12 = 75.00, Baik
    expect(screen.getByTestId('sheet-percentage').textContent).toBe('75,00');
    expect(screen.getByRole('status').textContent).toContain('Baik');
    // Every indicator is scored 1-4: the same figure as a mean on that scale.
    expect(screen.getByTestId('sheet-on-scale').textContent).toBe('= rata-rata 3,00 dari 4');

    // n/a leaves B1 out of both sums: 7 / 8 = 87.50, Sangat Baik
    await userEvent.click(within(b1).getByRole('radio', { name: /n\/a/ }));
    expect(screen.getByTestId('sheet-percentage').textContent).toBe('87,50');
    expect(screen.getByRole('status').textContent).toContain('Sangat Baik');
  });

  it('read-only: the levels are shown but cannot change', () => {
    renderWithI18n(
      <RubricSheet definition={definition} scores={{ A1: 1, A2: 1, B1: 1 }} readOnly />,
    );
    for (const radio of screen.getAllByRole('radio'))
      expect((radio as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByTestId('sheet-percentage').textContent).toBe('25,00');
  });

  it('reads nothing-yet before the first score, then a running figure, then the final one', async () => {
    renderWithI18n(<Harness initial={{}} />);
    expect(screen.getByRole('status').textContent).toBe('3 dari 3 indikator belum dinilai.');
    // n/a alone scores nothing: still no figure, but it counts as answered.
    await userEvent.click(
      within(screen.getByRole('group', { name: /^1\./ })).getByRole('radio', { name: /n\/a/ }),
    );
    expect(screen.queryByTestId('sheet-running')).toBeNull();
    await userEvent.click(
      within(screen.getByRole('group', { name: /^2\./ })).getByRole('radio', { name: /^3/ }),
    );
    expect(screen.getByTestId('sheet-running').textContent).toBe(
      'Sementara: 75,00% — 2 dari 3 indikator',
    );
  });

  it('outlines every unscored indicator by its visible number, focuses the first, and clears each as it is scored', async () => {
    renderWithI18n(<Harness initial={{ A1: 4 }} showMissing />);
    const group = (n: number) => screen.getByRole('group', { name: new RegExp(`^${n}\\.`) });
    expect(group(1).getAttribute('aria-invalid')).toBeNull();
    expect(group(2).getAttribute('aria-invalid')).toBe('true');
    expect(group(3).getAttribute('aria-invalid')).toBe('true');
    // Named by number, never by the key ("A2", "B1"), and tied to its fieldset.
    const note = within(group(3)).getByText('Indikator 3 belum diisi.');
    expect(group(3).getAttribute('aria-describedby')).toBe(note.id);
    expect(screen.queryByText(/A2|B1/)).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'focus' }));
    expect(document.activeElement).toBe(within(group(2)).getAllByRole('radio')[0]);

    await userEvent.click(within(group(2)).getByRole('radio', { name: /^1/ }));
    expect(group(2).getAttribute('aria-invalid')).toBeNull();
    expect(within(group(2)).queryByText(/belum diisi/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'focus' }));
    expect(document.activeElement).toBe(within(group(3)).getAllByRole('radio')[0]);
  });

  it('marks the chosen level strongly (a class the styles fill and tick) and only that one', async () => {
    renderWithI18n(<Harness initial={{ A1: 2 }} />);
    const levels = within(screen.getByRole('group', { name: /^1\./ })).getAllByRole('radio');
    const checked = levels.filter((r) =>
      r.closest('label')?.classList.contains('sk-sheet__level--checked'),
    );
    expect(checked).toEqual([levels[1]]);
    expect((levels[1] as HTMLInputElement).checked).toBe(true);
  });

  it('shows whole points as whole numbers ("Skor 9 dari 12", not "9,00 dari 12,00")', () => {
    renderWithI18n(
      <RubricSheet definition={definition} scores={{ A1: 4, A2: 4, B1: 1 }} readOnly />,
      { lang: 'en' },
    );
    expect(screen.getByTestId('sheet-points').textContent).toBe('Score 9 of 12');
  });

  it('words the missing list the way each language joins one', () => {
    const t = ((key: Parameters<typeof translate>[1], p?: Record<string, string | number>) =>
      translate('id', key, p)) as Parameters<typeof missingIndicatorsMessage>[2];
    const en = ((key: Parameters<typeof translate>[1], p?: Record<string, string | number>) =>
      translate('en', key, p)) as Parameters<typeof missingIndicatorsMessage>[2];
    expect(missingIndicatorsMessage([9, 12], 'id', t)).toBe(
      'Indikator 9 dan 12 belum diisi. Pilih skor atau tandai n/a.',
    );
    expect(missingIndicatorsMessage([9], 'en', en)).toBe(
      'Indicator 9 has no score yet. Pick a level or mark n/a.',
    );
    expect(missingIndicatorsMessage([2, 9, 12], 'en', en)).toBe(
      'Indicators 2, 9 and 12 have no score yet. Pick a level or mark n/a.',
    );
  });
});
