import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  assertObservationWithinStages,
  assertStageDatesInOrder,
  CYCLE_ACTIONS,
  CYCLE_STATUSES,
  cycleLabel,
  isEditable,
  nextStatus,
  type TCycleAction,
  type TCycleStatus,
} from './cycle';
import { expectAppError } from './test-utils';

describe('cycleLabel', () => {
  it.each([
    [0, 'Kondisi Awal', 'Baseline'],
    [1, 'Siklus I', 'Cycle I'],
    [2, 'Siklus II', 'Cycle II'],
    [4, 'Siklus IV', 'Cycle IV'],
    [9, 'Siklus IX', 'Cycle IX'],
    [14, 'Siklus XIV', 'Cycle XIV'],
    [49, 'Siklus XLIX', 'Cycle XLIX'],
  ])('%i -> %s / %s', (ordinal, id, en) => {
    expect(cycleLabel(ordinal, 'id')).toBe(id);
    expect(cycleLabel(ordinal, 'en')).toBe(en);
  });

  it.each([-1, 1.5, 4000])('rejects %d', (ordinal) => {
    expectAppError(() => cycleLabel(ordinal, 'id'), {
      code: 'BAD_REQUEST',
      field: 'ordinal',
      id: `Nomor siklus ${ordinal} harus bilangan bulat 0 sampai 3999`,
      en: `Cycle number ${ordinal} must be an integer from 0 to 3999`,
    });
  });
});

describe('nextStatus', () => {
  const legal: [TCycleStatus, TCycleAction, TCycleStatus][] = [
    ['draft', 'submit', 'submitted'],
    ['submitted', 'withdraw', 'draft'],
    ['submitted', 'approve', 'approved'],
    ['submitted', 'return', 'returned'],
    ['returned', 'submit', 'submitted'],
    ['approved', 'reopen', 'returned'],
  ];
  it.each(legal)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  const names = {
    draft: ['Draf', 'draft'],
    submitted: ['Diajukan', 'submitted'],
    returned: ['Dikembalikan', 'returned'],
    approved: ['Disetujui', 'approved'],
  } as const;
  const verbs = {
    submit: ['diajukan', 'submitted'],
    withdraw: ['ditarik kembali', 'withdrawn'],
    approve: ['disetujui', 'approved'],
    return: ['dikembalikan', 'returned'],
    reopen: ['dibuka kembali', 'reopened'],
  } as const;
  const illegal = CYCLE_STATUSES.flatMap((s) =>
    CYCLE_ACTIONS.filter((a) => !legal.some(([f, act]) => f === s && act === a)).map(
      (a) => [s, a] as const,
    ),
  );
  it('has 14 illegal moves', () => {
    expect(illegal).toHaveLength(14);
  });
  it.each(illegal)('rejects %s --%s--> with CONFLICT', (status, action) => {
    expectAppError(() => nextStatus(status, action), {
      code: 'CONFLICT',
      id: `Siklus berstatus ${names[status][0]} tidak dapat ${verbs[action][0]}`,
      en: `A cycle that is ${names[status][1]} cannot be ${verbs[action][1]}`,
    });
  });

  it('reads the example messages', () => {
    expectAppError(() => nextStatus('approved', 'submit'), {
      code: 'CONFLICT',
      field: 'status',
      id: 'Siklus berstatus Disetujui tidak dapat diajukan',
      en: 'A cycle that is approved cannot be submitted',
    });
  });

  it('lists the allowed actions and the editable statuses', () => {
    expect(CYCLE_STATUSES.map((s) => allowedActions(s))).toEqual([
      ['submit'],
      ['withdraw', 'approve', 'return'],
      ['submit'],
      ['reopen'],
    ]);
    expect(CYCLE_STATUSES.filter(isEditable)).toEqual(['draft', 'returned']);
  });
});

describe('assertStageDatesInOrder', () => {
  it('accepts dates in order, equal dates and missing ones', () => {
    expect(() =>
      assertStageDatesInOrder({
        planning: '2024-01-03',
        action: '2024-01-03',
        observation: null,
        reflection: '2024-02-01',
      }),
    ).not.toThrow();
    expect(() => assertStageDatesInOrder({})).not.toThrow();
  });
  it('names the later stage when a date runs backwards, across a missing one', () => {
    expectAppError(
      () => assertStageDatesInOrder({ planning: '2024-02-01', reflection: '2024-01-31' }),
      {
        code: 'BAD_REQUEST',
        field: 'reflectionDate',
        id: 'Tanggal refleksi (2024-01-31) tidak boleh sebelum tanggal perencanaan (2024-02-01)',
        en: 'The reflection date (2024-01-31) cannot be before the planning date (2024-02-01)',
      },
    );
    expectAppError(
      () => assertStageDatesInOrder({ action: '2024-03-01', observation: '2024-02-01' }),
      {
        code: 'BAD_REQUEST',
        field: 'observationDate',
        id: 'Tanggal observasi (2024-02-01) tidak boleh sebelum tanggal pelaksanaan (2024-03-01)',
        en: 'The observation date (2024-02-01) cannot be before the action date (2024-03-01)',
      },
    );
  });
});

describe('assertObservationWithinStages', () => {
  const stages = { planning: '2024-01-03', reflection: '2024-02-01' };
  it('accepts a date within the cycle, on its edges, or without one', () => {
    for (const d of ['2024-01-03', '2024-01-20', '2024-02-01', null]) {
      expect(() => assertObservationWithinStages(d, stages)).not.toThrow();
    }
    expect(() =>
      assertObservationWithinStages('1999-01-01', { planning: null, reflection: null }),
    ).not.toThrow();
  });
  it('names observedOn for a date outside the cycle', () => {
    expectAppError(() => assertObservationWithinStages('2024-02-02', stages), {
      code: 'BAD_REQUEST',
      field: 'observedOn',
      id: 'Tanggal observasi (2024-02-02) tidak boleh setelah tanggal refleksi siklus (2024-02-01)',
      en: "The observation date (2024-02-02) cannot be after the cycle's reflection date (2024-02-01)",
    });
  });
});
