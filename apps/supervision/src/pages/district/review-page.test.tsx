import type { RouterOutputs } from '@siklus/client';
import { FakeApiError, type Handler, ME, renderApp } from '@siklus/ui/testing';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../router';

type QueueItem = RouterOutputs['review']['queue']['items'][number];
type CycleView = RouterOutputs['cycles']['get'];

const CYCLE_ID = '00000000-0000-4000-8000-0000000000c3';
const OTHER_ID = '00000000-0000-4000-8000-0000000000c9';
const DAY = 86_400_000;

const queueItem = (over: Partial<QueueItem> = {}): QueueItem =>
  ({
    cycleId: CYCLE_ID,
    version: 7,
    ordinal: 2,
    status: 'submitted',
    submittedAt: new Date(Date.now() - 12 * DAY).toISOString(),
    studyId: '00000000-0000-4000-8000-0000000000a1',
    studyTitle: 'Pembelajaran kolaboratif',
    schoolId: '00000000-0000-4000-8000-0000000000d1',
    schoolName: 'SD Negeri Lulut 2',
    npsn: '20200001',
    subdistrict: 'Klapanunggal',
    n: 6,
    mean: '65.08',
    label: { id: 'Siklus II', en: 'Cycle II' },
    ...over,
  }) as unknown as QueueItem;

const PCTS = ['56.25', '60.42', '62.50', '70.83', '72.92', '67.58'];
const BANDS = ['Kurang', 'Cukup', 'Baik', 'Sangat Baik'];

function cycleView(version: number, status: CycleView['status'] = 'submitted'): CycleView {
  return {
    id: CYCLE_ID,
    studyId: '00000000-0000-4000-8000-0000000000a1',
    schoolId: '00000000-0000-4000-8000-0000000000d1',
    ordinal: 2,
    label: { id: 'Siklus II', en: 'Cycle II' },
    status,
    version,
    stages: {
      planning: { notes: 'Menyusun jadwal supervisi', date: '2025-02-03' },
      action: { notes: null, date: null },
      observation: { notes: 'Observasi enam kelas', date: '2025-02-10' },
      reflection: { notes: 'Empat guru masih di bawah Baik', date: '2025-02-17' },
    },
    review: {
      comment: null,
      reviewedBy: null,
      reviewedAt: null,
      submittedAt: new Date(Date.now() - 12 * DAY).toISOString(),
      approvedAt: null,
    },
    bandSet: {
      bands: BANDS.map((label, i) => ({ label, from: ['0.00', '51.00', '71.00', '86.00'][i]! })),
      ranges: [],
    },
    observations: PCTS.map((percentage, i) => ({
      id: `00000000-0000-4000-8000-00000000010${i}`,
      teacherId: `00000000-0000-4000-8000-00000000020${i}`,
      teacherName: `Guru Kelas ${i + 1}`,
      className: `Kelas ${i + 1}`,
      percentage,
      band: Number(percentage) >= 71 ? 'Baik' : 'Cukup',
    })),
    unobservedTeachers: [],
    summary: { n: 6, mean: '65.08', meanBand: 'Cukup' },
    criteriaEvaluation: {
      met: false,
      message: {
        id: 'Kriteria keberhasilan belum tercapai: 4 dari 6 guru di bawah Baik',
        en: 'Success criteria not met: 4 of 6 teachers below Baik',
      },
      results: [],
    },
    history: [
      {
        id: 'e1',
        action: 'submit',
        fromStatus: 'draft',
        toStatus: 'submitted',
        actorId: ME.principal.id,
        actorName: ME.principal.fullName,
        actorRole: 'principal',
        comment: null,
        at: '2026-11-20T01:30:00.000Z',
      },
    ],
    mismatches: [],
  } as unknown as CycleView;
}

function setup({
  at = '/review',
  queue = [queueItem()],
  approve,
  giveBack,
}: {
  at?: string;
  queue?: QueueItem[];
  approve?: Handler<'review.approve'>;
  giveBack?: Handler<'review.return'>;
} = {}) {
  let items = queue;
  let version = 7;
  const rendered = renderApp(routes, {
    at,
    api: {
      'auth.me': () => ME.supervisor,
      'review.queue': () => ({ total: items.length, items }),
      'cycles.get': () => cycleView(version),
      'schools.get': () => ({
        id: '00000000-0000-4000-8000-0000000000d1',
        districtId: ME.supervisor.districtId,
        npsn: '20200001',
        name: 'SD Negeri Lulut 2',
        subdistrict: 'Klapanunggal',
        active: true,
        teacherCount: 6,
      }),
      'review.approve':
        approve ??
        (() => {
          items = [];
          return { version: version + 1, status: 'approved' };
        }),
      'review.return':
        giveBack ??
        (() => {
          items = [];
          return { version: version + 1, status: 'returned' };
        }),
    },
  });
  return {
    ...rendered,
    bumpVersion: () => {
      version += 1;
    },
  };
}

const callsTo = (calls: Array<{ path: string; input: unknown }>, path: string) =>
  calls.filter((c) => c.path === path).map((c) => c.input);

describe('review queue', () => {
  it('lists submitted cycles by school with how long each has waited, and opens one', async () => {
    const { router, calls } = setup({
      queue: [
        queueItem(),
        queueItem({
          cycleId: OTHER_ID,
          schoolName: 'SD Negeri Cileungsi 1',
          submittedAt: new Date().toISOString() as never,
        }),
      ],
    });
    const table = await screen.findByRole('table', { name: 'Siklus yang menunggu tinjauan' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('link')[0]?.textContent)).toEqual([
      'SD Negeri Lulut 2',
      'SD Negeri Cileungsi 1',
    ]);
    expect(within(rows[0]!).getByText('12 hari')).toBeTruthy();
    expect(within(rows[1]!).getByText('hari ini')).toBeTruthy();
    expect(callsTo(calls, 'review.queue')[0]).toEqual({ limit: 25, offset: 0 });

    await userEvent.click(
      screen.getByRole('button', { name: 'Tinjau SD Negeri Lulut 2 Siklus II' }),
    );
    expect(router.state.location.search).toBe(`?cycleId=${CYCLE_ID}`);
    const panel = await screen.findByRole('table', {
      name: 'Hasil observasi Siklus II',
    });
    expect(within(panel).getByText('Guru Kelas 4')).toBeTruthy();
    expect(within(panel).getByText('70,83')).toBeTruthy();
    expect(within(panel).getAllByText('65,08').length).toBeGreaterThan(0);
    expect(screen.getByText('Empat guru masih di bawah Baik')).toBeTruthy();
  });

  it('returns a cycle only with a comment, and sends the version read', async () => {
    const { calls, router } = setup({ at: `/review?cycleId=${CYCLE_ID}` });
    await screen.findByRole('table', { name: 'Hasil observasi Siklus II' });

    await userEvent.click(screen.getByRole('button', { name: 'Kembalikan' }));
    const comment = screen.getByLabelText(/Komentar untuk kepala sekolah/);
    expect(comment.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(comment);
    expect(screen.getByRole('alert').textContent).toMatch(/komentar/i);
    expect(callsTo(calls, 'review.return')).toEqual([]);

    await userEvent.type(comment, 'Lengkapi catatan pelaksanaan.');
    await userEvent.click(screen.getByRole('button', { name: 'Kembalikan' }));
    await waitFor(() =>
      expect(callsTo(calls, 'review.return')).toEqual([
        { cycleId: CYCLE_ID, version: 7, comment: 'Lengkapi catatan pelaksanaan.' },
      ]),
    );
    // Said by a toast in the polite live region; the queue takes the focus of the closed panel.
    const said = await screen.findByText(
      'SD Negeri Lulut 2 Siklus II dikembalikan ke kepala sekolah.',
    );
    expect(said.closest('[aria-live]')?.getAttribute('aria-live')).toBe('polite');
    await waitFor(() => expect(document.activeElement?.id).toBe('review-queue'));
    expect(router.state.location.search).toBe('');
    // The queue was asked again and is now empty.
    expect(await screen.findByText('Tidak ada siklus yang menunggu tinjauan.')).toBeTruthy();
  });

  it('approves only after confirming that the cycle locks, and shows the history', async () => {
    const { calls } = setup({ at: `/review?cycleId=${CYCLE_ID}` });
    await screen.findByRole('table', { name: 'Hasil observasi Siklus II' });
    expect(screen.getByTestId('cycle-timeline').textContent).toContain(
      `Diajukan ${ME.principal.fullName} (Kepala sekolah)20 Nov 2026, 08.30 WIB`,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Setujui' }));
    // One click asks; nothing is sent until the reviewer confirms.
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toMatch(/terkunci/);
    expect(callsTo(calls, 'review.approve')).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Setujui dan kunci' }));
    await waitFor(() =>
      expect(callsTo(calls, 'review.approve')).toEqual([
        { cycleId: CYCLE_ID, version: 7, confirmLock: true },
      ]),
    );
    expect(await screen.findByText('SD Negeri Lulut 2 Siklus II disetujui.')).toBeTruthy();
  });

  it('explains a CONFLICT and reloads the newer version before trying again', async () => {
    let attempts = 0;
    const { calls, bumpVersion } = setup({
      at: `/review?cycleId=${CYCLE_ID}`,
      approve: (input) => {
        attempts += 1;
        if ((input as { version: number }).version !== 8) {
          throw new FakeApiError('CONFLICT', {
            id: 'Siklus telah diubah orang lain.',
            en: 'The cycle was changed by someone else.',
          });
        }
        return { version: 9, status: 'approved' };
      },
    });
    await screen.findByRole('table', { name: 'Hasil observasi Siklus II' });
    bumpVersion(); // someone else wrote to the cycle meanwhile
    await userEvent.type(screen.getByLabelText(/Komentar untuk kepala sekolah/), 'Bagus.');
    await userEvent.click(screen.getByRole('button', { name: 'Setujui' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Setujui dan kunci' }));
    expect(await screen.findByText(/telah diubah orang lain sejak Anda membukanya/)).toBeTruthy();

    const cycleReads = callsTo(calls, 'cycles.get').length;
    await userEvent.click(screen.getByRole('button', { name: 'Muat ulang' }));
    await waitFor(() => expect(callsTo(calls, 'cycles.get').length).toBe(cycleReads + 1));
    await waitFor(() =>
      expect(screen.queryByText(/telah diubah orang lain sejak Anda membukanya/)).toBeNull(),
    );
    // The comment typed is kept across the reload.
    expect(
      (screen.getByLabelText(/Komentar untuk kepala sekolah/) as HTMLTextAreaElement).value,
    ).toBe('Bagus.');
    await userEvent.click(screen.getByRole('button', { name: 'Setujui' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Setujui dan kunci' }));
    await waitFor(() =>
      expect(callsTo(calls, 'review.approve').at(-1)).toEqual({
        cycleId: CYCLE_ID,
        version: 8,
        confirmLock: true,
        comment: 'Bagus.',
      }),
    );
    expect(attempts).toBe(2);
    expect(await screen.findByText('SD Negeri Lulut 2 Siklus II disetujui.')).toBeTruthy();
  });

  it('says so when nothing waits', async () => {
    setup({ queue: [] });
    expect(await screen.findByText('Tidak ada siklus yang menunggu tinjauan.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('closes the panel with the back button', async () => {
    const { router } = setup();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Tinjau SD Negeri Lulut 2 Siklus II' }),
    );
    await screen.findByRole('button', { name: 'Setujui' });
    await act(() => router.navigate(-1));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Setujui' })).toBeNull());
  });
});
