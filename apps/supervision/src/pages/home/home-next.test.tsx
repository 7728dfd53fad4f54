import { ME, renderApp } from '@siklus/ui/testing';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { routes } from '../../router';

const IDS = {
  study: '00000000-0000-4000-8000-00000000f001',
  cycle: '00000000-0000-4000-8000-00000000c001',
  cycle2: '00000000-0000-4000-8000-00000000c002',
  plan: '00000000-0000-4000-8000-00000000a001',
  school: '00000000-0000-4000-8000-00000000b001',
  school2: '00000000-0000-4000-8000-00000000b002',
};

const CLOCK = {
  now: '2026-03-12T03:00:00.000Z',
  today: '2026-03-12',
  timeZone: 'Asia/Jakarta' as const,
};

const links = (list: HTMLElement) =>
  within(list)
    .getAllByRole('link')
    .map((a) => [a.textContent, a.getAttribute('href')]);

describe("the principal's next steps on 'Sekolah saya'", () => {
  it('says what is next, each step linking to where it is done', async () => {
    renderApp(routes, {
      at: '/my-school',
      api: {
        'auth.me': () => ME.principal,
        'teachers.list': () => [],
        'home.get': () => ({
          role: 'principal' as const,
          ...CLOCK,
          study: {
            id: IDS.study,
            title: 'PTS Kolaboratif',
            cycle: {
              id: IDS.cycle,
              label: { id: 'Siklus II', en: 'Cycle II' },
              status: 'returned' as const,
              statusLabel: { id: 'dikembalikan', en: 'Returned' },
              observed: 3,
              roster: 6,
            },
          },
          steps: [
            {
              kind: 'returned' as const,
              cycleId: IDS.cycle,
              label: { id: 'Siklus II', en: 'Cycle II' },
            },
            {
              kind: 'unobserved' as const,
              cycleId: IDS.cycle,
              label: { id: 'Siklus II', en: 'Cycle II' },
              missing: 3,
              roster: 6,
            },
            {
              kind: 'follow-up' as const,
              followUpId: IDS.plan,
              cycleId: IDS.cycle,
              teacherName: 'Bu Lisda',
              dueOn: '2026-03-12',
              state: 'due-soon' as const,
            },
          ],
        }),
      },
    });
    const steps = await screen.findByRole('list', { name: 'Langkah berikutnya' });
    expect(links(steps)).toEqual([
      ['Siklus II dikembalikan: baca komentar', `/cycles/${IDS.cycle}`],
      ['3 dari 6 guru belum diobservasi pada Siklus II', `/cycles/${IDS.cycle}#observation-sheet`],
      ['RTL Bu Lisda jatuh tempo 12 Mar 2026', `/cycles/${IDS.cycle}#follow-up`],
    ]);
    expect(screen.getByText('3 dari 6 guru aktif sudah diobservasi')).toBeTruthy();
    expect(screen.getByText('Hari ini 12 Mar 2026 (WIB)')).toBeTruthy();
  });
});

describe("the supervisor's waiting work on the dashboard", () => {
  it('lists submissions oldest first with days waiting, and overdue plans per school', async () => {
    renderApp(routes, {
      at: '/dashboard',
      api: {
        'auth.me': () => ME.supervisor,
        'home.get': () => ({
          role: 'supervisor' as const,
          ...CLOCK,
          waiting: {
            total: 12,
            items: [
              {
                cycleId: IDS.cycle,
                label: { id: 'Siklus I', en: 'Cycle I' },
                studyTitle: 'PTS',
                schoolId: IDS.school,
                schoolName: 'SD Negeri Lulut 2',
                submittedAt: '2023-07-03T01:00:00.000Z',
                daysWaiting: 983,
              },
              {
                cycleId: IDS.cycle2,
                label: { id: 'Siklus III', en: 'Cycle III' },
                studyTitle: 'PTS',
                schoolId: IDS.school2,
                schoolName: 'SD Negeri Pabuaran 1',
                submittedAt: '2026-03-12T02:00:00.000Z',
                daysWaiting: 0,
              },
            ],
          },
          returned: { total: 0, items: [] },
          schoolsWithoutStudy: { total: 0, items: [] },
          overdueFollowUps: {
            total: 1,
            items: [
              {
                id: IDS.plan,
                schoolId: IDS.school2,
                schoolName: 'SD Negeri Pabuaran 1',
                cycleId: IDS.cycle2,
                teacherName: 'Bu Lisda',
                dueOn: '2026-03-11',
                daysOverdue: 1,
              },
            ],
            bySchool: [
              { schoolId: IDS.school2, schoolName: 'SD Negeri Pabuaran 1', open: 2, overdue: 1 },
            ],
          },
        }),
      },
    });
    const waiting = await screen.findByRole('list', { name: 'Pengajuan menunggu tinjauan' });
    expect(
      within(waiting)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['SD Negeri Lulut 2 · Siklus I983 hari', 'SD Negeri Pabuaran 1 · Siklus III0 hari']);
    expect(links(waiting)[0]?.[1]).toBe(`/review?cycleId=${IDS.cycle}`);
    expect(screen.getByText('…dan 10 lainnya')).toBeTruthy();
    const overdue = screen.getByRole('list', { name: 'RTL lewat jatuh tempo' });
    expect(links(overdue)).toEqual([
      ['Bu Lisda · SD Negeri Pabuaran 1', `/schools/${IDS.school2}#follow-ups`],
    ]);
    expect(overdue.textContent).toContain('11 Mar 2026 · 1 hari lewat');
    expect(
      within(screen.getByRole('list', { name: 'RTL terbuka per sekolah' })).getByRole('listitem')
        .textContent,
    ).toBe('SD Negeri Pabuaran 12 terbuka · 1 lewat jatuh tempo');
    // Nothing returned, no school without a study: each card says so.
    expect(screen.getAllByText('Tidak ada.')).toHaveLength(2);
  });
});
