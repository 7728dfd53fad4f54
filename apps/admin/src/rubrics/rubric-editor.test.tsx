import { PTS_DEFAULT_BANDS } from '@siklus/domain';
import type { DraftFormHandle } from '@siklus/ui';
import { renderApp } from '@siklus/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { addIndicator, type Draft, emptyDraft, updateAspect, updateIndicator } from './draft';
import { RubricEditor } from './rubric-editor';

function twoIndicators(): Draft {
  let d = emptyDraft();
  d = updateAspect(d, 0, { title: 'Perencanaan pembelajaran' });
  d = updateIndicator(d, 0, 0, { text: 'Merumuskan tujuan pembelajaran' });
  d = addIndicator(d, 0);
  return updateIndicator(d, 0, 1, { text: 'Menyiapkan media kelompok' });
}

let latest: Draft | null = null;
function Harness({ initial }: { initial: Draft }) {
  const [draft, setDraft] = useState(initial);
  const handle = useRef<DraftFormHandle>(null);
  latest = draft;
  return (
    <>
      <RubricEditor value={draft} onChange={setDraft} bandSet={PTS_DEFAULT_BANDS} handle={handle} />
      <button type="button" onClick={() => void handle.current?.check()}>
        save
      </button>
    </>
  );
}

const render = (initial = twoIndicators()) =>
  renderApp([{ path: '/', element: <Harness initial={initial} /> }]);

describe('RubricEditor', () => {
  it("shows the domain schema's message next to the field it is about", async () => {
    render();
    const label = await screen.findByLabelText('Label skor 2 A2');
    await userEvent.clear(label);
    // aspects.0.indicators.1.scale.levels.1.label, from ZRubricDefinition via fromZodError
    expect(label.getAttribute('aria-invalid')).toBe('true');
    const describedBy = label.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('Label tingkat wajib diisi');
    expect(
      screen.getByText('1 isian perlu diperbaiki; pesannya ada di samping isian.'),
    ).toBeTruthy();

    // The other indicator's same level is fine, and fixing the label clears the message.
    expect(screen.getByLabelText('Label skor 2 A1').getAttribute('aria-invalid')).toBeNull();
    await userEvent.type(label, 'Cukup');
    expect(label.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText(/isian perlu diperbaiki/)).toBeNull();
  });

  it('reports a duplicate key and an empty aspect title on their own fields', async () => {
    render();
    const key = await screen.findByLabelText('Kode indikator ke-2 aspek A');
    await userEvent.clear(key);
    await userEvent.type(key, 'A1');
    expect(document.getElementById(key.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Kode “A1” dipakai lebih dari sekali dalam instrumen',
    );
    const title = screen.getByLabelText('Judul aspek A');
    await userEvent.clear(title);
    expect(document.getElementById(title.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Judul aspek wajib diisi',
    );
  });

  it("previews the principals' sheet, and the sample's percentage follows the scores and the rubric", async () => {
    render();
    const preview = await screen.findByRole('complementary', {
      name: 'Pratinjau lembar observasi',
    });
    const percentage = () => within(preview).getByTestId('sheet-percentage').textContent;
    // The sample starts one below the top of each scale: (3 + 3) / (4 + 4) = 75.00, Baik.
    expect(percentage()).toBe('75,00');
    expect(within(preview).getByRole('status').textContent).toContain('Baik');
    expect(within(preview).getByText('Merumuskan tujuan pembelajaran')).toBeTruthy();

    const first = within(preview).getByRole('group', { name: '1. Merumuskan tujuan pembelajaran' });
    await userEvent.click(within(first).getByRole('radio', { name: /^4/ }));
    expect(percentage()).toBe('87,50');

    // A weight changes the sum: (4*3 + 3) / (4*3 + 4) = 93.75, Sangat Baik.
    await userEvent.type(screen.getByLabelText('Bobot indikator A1'), '3');
    expect(percentage()).toBe('93,75');
    expect(within(preview).getByRole('status').textContent).toContain('Sangat Baik');

    // A new indicator copies the scale above it and joins the sample: (12 + 3 + 3) / 20 = 90.00
    await userEvent.click(screen.getByRole('button', { name: 'Tambah indikator di aspek A' }));
    expect(screen.getByLabelText('Teks indikator A3')).toBeTruthy();
    expect(percentage()).toBe('90,00');
  });

  it('adds an aspect, reorders indicators and edits a scale', async () => {
    render();
    await userEvent.click(await screen.findByRole('button', { name: 'Tambah aspek' }));
    expect(screen.getByLabelText('Judul aspek B')).toBeTruthy();
    expect(screen.getByLabelText('Teks indikator B1')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Turunkan Indikator A1' }));
    expect(latest?.aspects[0]?.indicators.map((i) => i.key)).toEqual(['A2', 'A1']);

    // Max 5: a level 5 appears with an empty label, which the schema asks for.
    const max = screen.getByLabelText('Skor maksimum A1');
    await userEvent.clear(max);
    await userEvent.type(max, '5');
    const five = screen.getByLabelText('Label skor 5 A1');
    expect(five.getAttribute('aria-invalid')).toBe('true');
    await userEvent.type(five, 'Istimewa');
    await userEvent.type(screen.getByLabelText('Deskriptor skor 5 A1'), 'Tampak di semua kelompok');
    expect(latest?.aspects[0]?.indicators[1]?.scale.levels.at(-1)).toEqual({
      value: 5,
      label: 'Istimewa',
      descriptor: 'Tampak di semua kelompok',
    });
    // The new aspect still needs its title and indicator text; nothing else is wrong.
    expect(
      screen.getByText('2 isian perlu diperbaiki; pesannya ada di samping isian.'),
    ).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Judul aspek B'), 'Pelaksanaan');
    await userEvent.type(screen.getByLabelText('Teks indikator B1'), 'Membentuk kelompok');
    expect(screen.queryByText(/isian perlu diperbaiki/)).toBeNull();
  });

  it('says nothing about a new draft before input; saving focuses the first problem', async () => {
    render(emptyDraft());
    const title = await screen.findByLabelText('Judul aspek A');
    expect(document.querySelector('[aria-invalid="true"]')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'save' }));
    await waitFor(() => expect(document.activeElement).toBe(title));
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Teks indikator A1').getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getByText('2 isian perlu diperbaiki; pesannya ada di samping isian.'),
    ).toBeTruthy();

    await userEvent.type(title, 'Perencanaan');
    expect(title.getAttribute('aria-invalid')).toBeNull();
  });
});
