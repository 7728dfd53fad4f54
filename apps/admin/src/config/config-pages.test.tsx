import type { TRubricDefinition } from '@siklus/domain';
import { FakeApiError, ME, renderApp } from '@siklus/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../router';

const ITEM = '00000000-0000-4000-8000-00000000a100';
const V1 = '00000000-0000-4000-8000-00000000a101';
const V2 = '00000000-0000-4000-8000-00000000a102';

const scale = {
  min: 1,
  max: 4,
  levels: [
    { value: 1, label: 'Kurang' },
    { value: 2, label: 'Cukup' },
    { value: 3, label: 'Baik' },
    { value: 4, label: 'Sangat Baik' },
  ],
};
const RUBRIC: TRubricDefinition = {
  mode: 'indicators',
  aspects: [
    {
      key: 'A',
      title: 'Perencanaan kerja kelompok',
      indicators: [{ key: 'A1', text: 'Merumuskan tujuan kerja kelompok', scale }],
    },
  ],
};

const list = () => [
  {
    id: ITEM,
    name: 'Lembar Observasi Kolaboratif',
    description: 'Dua aspek, lima indikator',
    createdAt: '2026-03-01T00:00:00.000Z',
    inUse: 3,
    versions: [
      {
        id: V2,
        version: 2,
        status: 'draft' as const,
        publishedAt: null,
        createdAt: '2026-04-01T00:00:00.000Z',
        inUse: 0,
      },
      {
        id: V1,
        version: 1,
        status: 'published' as const,
        publishedAt: '2026-03-02T00:00:00.000Z',
        createdAt: '2026-03-01T00:00:00.000Z',
        inUse: 3,
      },
    ],
  },
];

describe('rubric list and page', () => {
  it('lists each rubric with its versions, their status and the studies using them', async () => {
    renderApp(routes, {
      at: '/rubrics',
      api: { 'auth.me': () => ME.admin, 'config.rubrics.list': list },
    });
    const table = await screen.findByRole('table', { name: 'Instrumen observasi kabupaten' });
    const row = within(table).getByRole('row', { name: /Lembar Observasi Kolaboratif/ });
    const chips = within(row)
      .getAllByRole('link')
      .filter((a) => /^v\d/.test(a.textContent ?? ''));
    expect(chips.map((a) => a.textContent)).toEqual(['v2Draf', 'v1Terbit3 studi']);
    expect(chips[1]?.getAttribute('href')).toBe(`/rubrics/${V1}`);
    expect(row.textContent).toContain('dipakai 3 studi');
  });

  it('imports a shared JSON file as a new draft, and says when a file is not JSON', async () => {
    const { calls } = renderApp(routes, {
      at: '/rubrics',
      api: {
        'auth.me': () => ME.admin,
        'config.rubrics.list': list,
        'config.rubrics.import': () => ({ itemId: ITEM, versionId: V2 }),
        'config.rubrics.get': () => ({
          id: V2,
          itemId: ITEM,
          name: 'Dari kabupaten lain',
          description: null,
          version: 1,
          latestVersion: 1,
          status: 'draft' as const,
          editable: true,
          publishedAt: null,
          createdAt: '2026-04-01T00:00:00.000Z',
          inUse: 0,
          payload: RUBRIC,
        }),
        'config.bandSets.list': () => [],
      },
    });
    const input = await screen.findByLabelText('Berkas JSON untuk diimpor');
    await userEvent.upload(
      input,
      new File(['bukan json'], 'catatan.json', { type: 'application/json' }),
    );
    expect((await screen.findByRole('alert')).textContent).toContain('catatan.json');
    expect(calls.some((c) => c.path === 'config.rubrics.import')).toBe(false);

    const document = {
      format: 'siklus.config',
      formatVersion: 1,
      kind: 'rubric',
      name: 'Dari kabupaten lain',
      description: null,
      payload: RUBRIC,
    };
    await userEvent.upload(
      input,
      new File([JSON.stringify(document)], 'instrumen.json', { type: 'application/json' }),
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Dari kabupaten lain · v1' }),
    ).toBeTruthy();
    expect(calls.find((c) => c.path === 'config.rubrics.import')?.input).toEqual({ document });
  });

  it("shows the API's refusal of a saved draft next to the field it names", async () => {
    renderApp(routes, {
      at: `/rubrics/${V2}`,
      api: {
        'auth.me': () => ME.admin,
        'config.rubrics.list': list,
        'config.bandSets.list': () => [],
        'config.rubrics.get': () => ({
          id: V2,
          itemId: ITEM,
          name: 'Lembar Observasi Kolaboratif',
          description: null,
          version: 2,
          latestVersion: 2,
          status: 'draft' as const,
          editable: true,
          publishedAt: null,
          createdAt: '2026-04-01T00:00:00.000Z',
          inUse: 0,
          payload: RUBRIC,
        }),
        'config.rubrics.updateDraft': () => {
          throw new FakeApiError(
            'BAD_REQUEST',
            { id: 'Teks indikator terlalu mirip dengan A2', en: 'Too close to A2' },
            'payload.aspects.0.indicators.0.text',
          );
        },
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Simpan draf' }));
    const text = screen.getByLabelText('Teks indikator A1');
    expect(await screen.findByText('Teks indikator terlalu mirip dengan A2')).toBeTruthy();
    expect(text.getAttribute('aria-invalid')).toBe('true');
  });
  it('deletes a draft and never asks for it again (the server would record a refusal for that)', async () => {
    let deleted = false;
    const { calls, router } = renderApp(routes, {
      at: `/rubrics/${V2}`,
      api: {
        'auth.me': () => ME.admin,
        'config.rubrics.list': () => (deleted ? [] : list()),
        'config.rubrics.get': () => {
          if (deleted) throw new FakeApiError('NOT_FOUND', { id: 'Tidak ada', en: 'None' });
          return {
            id: V2,
            itemId: ITEM,
            name: 'Lembar Observasi Kolaboratif',
            description: null,
            version: 2,
            latestVersion: 2,
            status: 'draft' as const,
            editable: true,
            publishedAt: null,
            createdAt: '2026-04-01T00:00:00.000Z',
            inUse: 0,
            payload: RUBRIC,
          };
        },
        'config.rubrics.deleteDraft': () => {
          deleted = true;
          return { ok: true as const };
        },
        'config.bandSets.list': () => [],
      },
    });
    // An edit not yet saved: "Hapus draf" asks first and says the edit is lost too.
    const title = await screen.findByLabelText('Judul aspek A');
    await userEvent.type(title, ' baru');
    await userEvent.click(screen.getByRole('button', { name: 'Hapus draf' }));
    let dialog = await screen.findByRole('alertdialog', {
      name: 'Hapus draf "Lembar Observasi Kolaboratif"?',
    });
    expect(
      within(dialog).getByText('Perubahan yang belum disimpan juga akan hilang.'),
    ).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Batal' }));
    expect(calls.some((c) => c.path === 'config.rubrics.deleteDraft')).toBe(false);
    // Leaving for another page with the edit unsaved asks too; staying keeps the edit.
    await userEvent.click(screen.getByRole('link', { name: /← / }));
    dialog = await screen.findByRole('alertdialog', { name: 'Tinggalkan halaman ini?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Tetap di sini' }));
    expect(router.state.location.pathname).toBe(`/rubrics/${V2}`);
    expect((screen.getByLabelText('Judul aspek A') as HTMLInputElement).value).toMatch(/ baru$/);

    await userEvent.click(screen.getByRole('button', { name: 'Hapus draf' }));
    dialog = await screen.findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ya, hapus draf' }));
    // Deleting is leaving on purpose: no second question about the unsaved edit.
    await waitFor(() => expect(router.state.location.pathname).toBe('/rubrics'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await screen.findByRole('heading', { level: 1 });
    const after = calls.slice(calls.findIndex((c) => c.path === 'config.rubrics.deleteDraft') + 1);
    expect(after.some((c) => c.path === 'config.rubrics.list')).toBe(true);
    expect(after.filter((c) => JSON.stringify(c.input ?? null).includes(V2))).toEqual([]);
  });
});
