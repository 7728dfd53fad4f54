import type { CycleStatus } from '@siklus/ui';
import { FakeApiError, type Handler, ME, renderApp } from '@siklus/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../router';

const SCHOOL = { id: ME.principal.schoolId, name: 'SD Negeri Kota Batu 2' };
const STUDY_ID = '7b0c2a52-0d7e-4c36-9d77-0f6f3d9a1a01';
const cycle = (ordinal: number, status: CycleStatus, id: string) => ({
  id,
  ordinal,
  status,
  version: 4,
  n: 6,
  mean: ['48.84', '56.25', '62.12'][ordinal] ?? null,
  label: {
    id: ['Kondisi Awal', 'Siklus I', 'Siklus II'][ordinal],
    en: ['Baseline', 'Cycle I', 'Cycle II'][ordinal],
  },
  allowedActions: (status === 'approved'
    ? ['reopen']
    : status === 'draft'
      ? ['submit']
      : []) as Array<'reopen' | 'submit'>,
});
const CYCLE_II = '2c5c8a1e-1b8d-4f77-a1f2-7d0d5c1b2e03';

function api(reopen: Handler<'review.reopen'>) {
  let status: CycleStatus = 'approved';
  const handlers = {
    'auth.me': () => ME.admin,
    'schools.get': () => ({
      ...SCHOOL,
      npsn: '20209542',
      subdistrict: 'Ciomas',
      active: true,
      teacherCount: 6,
      districtId: ME.admin.districtId,
    }),
    'schools.list': () => ({ items: [], total: 0, limit: 20, offset: 0 }),
    'studies.list': () => [{ id: STUDY_ID, title: 'PTS Kolaboratif' }],
    'studies.get': () => ({
      id: STUDY_ID,
      title: 'PTS Kolaboratif',
      schoolYear: '2024/2025',
      cycles: [
        cycle(0, 'approved', 'a0000000-0000-4000-8000-000000000000'),
        cycle(1, 'approved', 'a1000000-0000-4000-8000-000000000000'),
        cycle(2, status, CYCLE_II),
      ],
      closed: null,
      history: [],
    }),
    'review.reopen': (input: Parameters<Handler<'review.reopen'>>[0]) => {
      const answer = reopen(input);
      status = 'returned';
      return answer;
    },
  };
  return handlers;
}

describe('cycles page (admin reopens an approved cycle)', () => {
  it('asks for a reason, sends the cycle and its version, and shows the cycle returned', async () => {
    const sent: unknown[] = [];
    const { calls } = renderApp(routes, {
      at: `/cycles?schoolId=${SCHOOL.id}`,
      api: api((input) => {
        sent.push(input);
        return { status: 'returned', version: 5, before: 'approved' };
      }),
    });
    const table = await screen.findByRole('table', { name: 'Siklus PTS Kolaboratif' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    await userEvent.click(within(table).getByRole('button', { name: 'Buka kembali Siklus II' }));
    const dialog = screen.getByRole('alertdialog');
    expect(within(dialog).getByText('Buka kembali Siklus II?')).toBeTruthy();

    // No reason: the domain's rule shows under the field, and nothing is sent.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ya, buka kembali' }));
    const reason = within(dialog).getByLabelText(/Alasan membuka kembali/);
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(sent).toHaveLength(0);

    await userEvent.type(reason, 'Skor guru kelas 6 salah ketik.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ya, buka kembali' }));
    expect(
      await screen.findByText(
        'Siklus II SD Negeri Kota Batu 2 dibuka kembali: kepala sekolah dapat memperbaikinya dan mengajukan lagi.',
      ),
    ).toBeTruthy();
    expect(sent).toEqual([
      { cycleId: CYCLE_II, version: 4, reason: 'Skor guru kelas 6 salah ketik.' },
    ]);
    // The table is read again and shows the cycle back with the principal.
    await waitFor(() => expect(within(table).getByText('Dikembalikan')).toBeTruthy());
    expect(within(table).queryByRole('button', { name: 'Buka kembali Siklus II' })).toBeNull();
    expect(calls.filter((c) => c.path === 'studies.get').length).toBeGreaterThan(1);
  });

  it('explains a conflict when someone moved the cycle first', async () => {
    renderApp(routes, {
      at: `/cycles?schoolId=${SCHOOL.id}`,
      api: api(() => {
        throw new FakeApiError('CONFLICT', {
          id: 'Siklus ini baru saja diubah.',
          en: 'This cycle was just changed.',
        });
      }),
    });
    const table = await screen.findByRole('table', { name: 'Siklus PTS Kolaboratif' });
    await userEvent.click(within(table).getByRole('button', { name: 'Buka kembali Kondisi Awal' }));
    const dialog = screen.getByRole('alertdialog');
    await userEvent.type(within(dialog).getByLabelText(/Alasan membuka kembali/), 'Salah ketik.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Ya, buka kembali' }));
    expect(await within(dialog).findByText(/baru saja diubah orang lain/)).toBeTruthy();
  });

  it('starts by asking for a school', async () => {
    renderApp(routes, { at: '/cycles', api: api(() => ({})) });
    expect(await screen.findByText('Pilih sekolah untuk melihat siklusnya.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
