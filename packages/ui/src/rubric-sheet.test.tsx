import { PTS_DEFAULT_BANDS, type TRubricDefinition } from '@siklus/domain';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { type RubricScores, RubricSheet } from './rubric-sheet';
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

function Harness({ initial }: { initial: RubricScores }) {
  const [scores, setScores] = useState(initial);
  return (
    <RubricSheet
      definition={definition}
      scores={scores}
      onChange={setScores}
      bandSet={PTS_DEFAULT_BANDS}
    />
  );
}

describe('RubricSheet', () => {
  it('shows aspects, indicators, levels with descriptors, and the live percentage and band', async () => {
    renderWithI18n(<Harness initial={{ A1: 4, A2: 3 }} />);
    expect(screen.getByRole('heading', { name: /Perencanaan/ })).toBeTruthy();
    expect(screen.getAllByText('Tampak konsisten')).toHaveLength(3);
    expect(screen.getByRole('status').textContent).toContain('1 dari 3 indikator belum dinilai');

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
});
