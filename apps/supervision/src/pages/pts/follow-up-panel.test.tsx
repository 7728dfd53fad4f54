import { followUpProgress } from '@siklus/domain';
import { ME, renderApp } from '@siklus/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../router';
import { IDS, makeCycle, observation, RUBRIC, TEACHERS, teacherList } from './test-fixtures';

const AT = `/cycles/${IDS.cycle}`;
const PLAN_ID = '00000000-0000-4000-8000-00000000a001';

/** A plan written from Kondisi Awal for Ismiati on A1 and B1, checked by Siklus I (this cycle). */
function checkingPlan(after: Record<string, number | 'na'> | null) {
  return {
    id: PLAN_ID,
    schoolId: IDS.school,
    studyId: IDS.study,
    cycleId: '00000000-0000-4000-8000-00000000c000',
    ordinal: 0,
    checkCycleId: IDS.cycle,
    teacherId: IDS.t1,
    teacherName: TEACHERS[0]!.name,
    className: 'Guru Kelas 1',
    indicatorKeys: ['A1', 'B1'],
    actions: 'Berlatih merumuskan tujuan kelompok',
    support: 'kkg' as const,
    supportTeacherId: null,
    supportTeacherName: null,
    dueOn: '2026-03-11',
    status: 'open' as const,
    closingNote: null,
    closedAt: null,
    closedByName: null,
    carriedFromId: null,
    createdByName: 'Drs. Kepala',
    createdAt: '2026-03-01T03:00:00.000Z',
    cycleLabel: { id: 'Kondisi Awal', en: 'Baseline' },
    checkCycleLabel: { id: 'Siklus I', en: 'Cycle I' },
    supportLabel: { id: 'KKG (Kelompok Kerja Guru)', en: 'KKG' },
    statusLabel: { id: 'terbuka', en: 'open' },
    dueState: 'overdue' as const,
    // The figures the API computes, with the domain's own function.
    progress: followUpProgress(
      RUBRIC,
      ['A1', 'B1'],
      { scores: { A1: 2, A2: 3, B1: 1 }, percentage: '50.00' },
      after ? { scores: after, percentage: '75.00' } : null,
    ),
  };
}

type Plan = ReturnType<typeof checkingPlan>;

function api(plans: { written: Plan[]; checking: Plan[] }, extra = {}) {
  return {
    'auth.me': () => ME.principal,
    'cycles.get': () => makeCycle({}, [observation(0, '75.00', 'Baik', { A1: 4, A2: 3, B1: 2 })]),
    'studies.get': () => ({ id: IDS.study, schoolName: 'SD Negeri Lulut 2', title: 'PTS' }),
    'teachers.list': teacherList,
    'followUps.forCycle': () => ({ today: '2026-03-12', ...plans }),
    ...extra,
  };
}

/** The page opens on the first teacher not yet observed; the plans are Ismiati's. */
async function openIsmiati() {
  await userEvent.selectOptions(await screen.findByLabelText('Guru yang diobservasi'), IDS.t1);
}

describe('follow-up plans on the cycle page', () => {
  it('shows the plan this cycle checks beside its indicators, with the computed result', async () => {
    renderApp(routes, {
      at: AT,
      api: api({ written: [], checking: [checkingPlan({ A1: 4, A2: 3, B1: 2 })] }),
    });
    await openIsmiati();
    const plan = await screen.findByRole('article', { name: 'RTL dari Kondisi Awal' });
    const rows = within(plan).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'IndikatorSebelum (Kondisi Awal)Sesudah (Siklus I)Perubahan',
      'A1 Merumuskan tujuan24naik',
      'B1 Membentuk kelompok12naik',
    ]);
    // A1 2 -> 4 and B1 1 -> 2 of 4 each: 3/8 = 37,50 -> 6/8 = 75,00.
    expect(within(plan).getByTestId('follow-up-result').textContent).toBe(
      'Indikator RTL: 37,50 → 75,00 (37,50 poin). Dihitung dari skor observasi mentah. Meningkat',
    );
    expect(plan.textContent).toContain('Lewat jatuh tempo');
  });

  it('writes a plan from the sheet: the lowest scores come ticked, the input is the procedure’s', async () => {
    let created: unknown = null;
    renderApp(routes, {
      at: AT,
      api: api(
        { written: [], checking: [] },
        {
          'followUps.create': (input: unknown) => {
            created = input;
            return { id: PLAN_ID };
          },
        },
      ),
    });
    await openIsmiati();
    await userEvent.click(await screen.findByRole('button', { name: 'Tulis RTL' }));
    const form = screen.getByRole('form', { name: 'Tulis RTL' });
    const boxes = within(form).getAllByRole('checkbox') as HTMLInputElement[];
    // Scores A1 4, A2 3, B1 2: B1 lowest, then A2; A1 is at the top of its scale.
    expect(boxes.map((b) => b.checked)).toEqual([false, true, true]);

    await userEvent.click(within(form).getByRole('button', { name: 'Simpan RTL' }));
    expect(await within(form).findByText('Tindakan yang disepakati wajib diisi')).toBeTruthy();
    expect(created).toBeNull();

    await userEvent.type(
      within(form).getByLabelText(/Tindakan yang disepakati/),
      'Latihan bersama',
    );
    await userEvent.selectOptions(within(form).getByLabelText(/Pendamping/), 'peer');
    await userEvent.selectOptions(within(form).getByLabelText(/^Guru sejawat/), IDS.t2);
    await userEvent.type(within(form).getByLabelText(/Jatuh tempo/), '2026-04-30');
    await userEvent.click(within(form).getByRole('button', { name: 'Simpan RTL' }));
    await waitFor(() =>
      expect(created).toEqual({
        cycleId: IDS.cycle,
        teacherId: IDS.t1,
        indicatorKeys: ['A2', 'B1'],
        actions: 'Latihan bersama',
        support: 'peer',
        supportTeacherId: IDS.t2,
        dueOn: '2026-04-30',
      }),
    );
  });

  it('closes a plan as done, with a note', async () => {
    let closed: unknown = null;
    renderApp(routes, {
      at: AT,
      api: api(
        { written: [], checking: [checkingPlan(null)] },
        {
          'followUps.close': (input: unknown) => {
            closed = input;
            return { status: 'done', carriedToId: null };
          },
        },
      ),
    });
    await openIsmiati();
    const plan = await screen.findByRole('article', { name: 'RTL dari Kondisi Awal' });
    expect(within(plan).getByTestId('follow-up-result').textContent).toContain(
      'Indikator RTL pada lembar asal: 37,50',
    );
    await userEvent.click(within(plan).getByRole('button', { name: 'Tandai selesai' }));
    const dialog = await screen.findByRole('alertdialog');
    await userEvent.type(within(dialog).getByLabelText('Catatan penutup'), 'Sudah konsisten');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    await waitFor(() =>
      expect(closed).toEqual({ followUpId: PLAN_ID, outcome: 'done', note: 'Sudah konsisten' }),
    );
  });
});
