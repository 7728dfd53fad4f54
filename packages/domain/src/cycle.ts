import { z } from 'zod';
import { toRoman } from './cycle-label';
import { AppError, badRequest, type TBilingual } from './errors';

export const CYCLE_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type TCycleStatus = (typeof CYCLE_STATUSES)[number];
export const ZCycleStatus = z.enum(CYCLE_STATUSES);

export const CYCLE_ACTIONS = ['submit', 'withdraw', 'approve', 'return', 'reopen'] as const;
export type TCycleAction = (typeof CYCLE_ACTIONS)[number];
export const ZCycleAction = z.enum(CYCLE_ACTIONS);

/** The words people use: draf, diajukan, dikembalikan, disetujui. */
export const CYCLE_STATUS_LABELS: Record<TCycleStatus, TBilingual> = {
  draft: { id: 'Draf', en: 'Draft' },
  submitted: { id: 'Diajukan', en: 'Submitted' },
  returned: { id: 'Dikembalikan', en: 'Returned' },
  approved: { id: 'Disetujui', en: 'Approved' },
};

export const CYCLE_ACTION_LABELS: Record<TCycleAction, TBilingual> = {
  submit: { id: 'diajukan', en: 'submitted' },
  withdraw: { id: 'ditarik kembali', en: 'withdrawn' },
  approve: { id: 'disetujui', en: 'approved' },
  return: { id: 'dikembalikan', en: 'returned' },
  reopen: { id: 'dibuka kembali', en: 'reopened' },
};

/**
 * The review workflow. `reopen` takes an approved cycle to `returned`, not to `draft`:
 * the principal can edit it again and must resubmit it, so a reopened cycle goes through
 * review a second time like any returned one (reopening is an admin act; the API audits it).
 * `withdraw` takes a submission back to draft before a supervisor has reviewed it.
 */
const TRANSITIONS: Record<TCycleStatus, Partial<Record<TCycleAction, TCycleStatus>>> = {
  draft: { submit: 'submitted' },
  submitted: { withdraw: 'draft', approve: 'approved', return: 'returned' },
  returned: { submit: 'submitted' },
  approved: { reopen: 'returned' },
};

/** The status after `action`, or AppError CONFLICT when the move is not allowed. */
export function nextStatus(status: TCycleStatus, action: TCycleAction): TCycleStatus {
  const next = TRANSITIONS[status]?.[action];
  if (next === undefined) {
    const from = CYCLE_STATUS_LABELS[status] ?? { id: String(status), en: String(status) };
    const verb = CYCLE_ACTION_LABELS[action] ?? { id: String(action), en: String(action) };
    throw new AppError(
      'CONFLICT',
      {
        id: `Siklus berstatus ${from.id} tidak dapat ${verb.id}`,
        en: `A cycle that is ${from.en.toLowerCase()} cannot be ${verb.en}`,
      },
      { field: 'status', details: { status, action } },
    );
  }
  return next;
}

/** The actions allowed from a status, for showing only the buttons that will work. */
export function allowedActions(status: TCycleStatus): TCycleAction[] {
  return CYCLE_ACTIONS.filter((a) => TRANSITIONS[status]?.[a] !== undefined);
}

/** A principal may edit scores and notes only in draft or after a return. */
export function isEditable(status: TCycleStatus): boolean {
  return status === 'draft' || status === 'returned';
}

// Cycle names live zod-free in cycle-label.ts (the bell's words need them in the first load).
export { cycleLabel, toRoman } from './cycle-label';

const ROMAN_VALUE: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };

function fromRoman(text: string): number | null {
  if (!/^[ivxlc]+$/.test(text)) return null;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN_VALUE[text[i]!]!;
    const next = ROMAN_VALUE[text[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  // Only the canonical numeral: "IIII" or "VX" is not a cycle.
  return total > 0 && total <= 20 && toRoman(total).toLowerCase() === text ? total : null;
}

/**
 * The cycle a heading names, the ways recap sheets and papers head their columns:
 * "Kondisi Awal", "Pra Siklus", "Prasiklus", "Pra-Siklus", "Baseline" -> 0; "Siklus I",
 * "Siklus 1", "SIKLUS II", "Cycle 2" -> 1, 2; anything else -> null. Up to cycle 20.
 */
export function cycleOrdinalOf(heading: string): number | null {
  const k = heading
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (['kondisi awal', 'pra siklus', 'prasiklus', 'baseline', 'pre cycle', 'precycle'].includes(k))
    return 0;
  const m = /^(?:siklus|cycle) ([0-9]{1,2}|[ivxlc]+)$/.exec(k);
  if (!m) return null;
  const n = /^[0-9]+$/.test(m[1]!) ? Number(m[1]) : fromRoman(m[1]!);
  return n !== null && n >= 1 && n <= 20 ? n : null;
}

/** The four stages in the order they happen (inputs/pts.ts's STAGES, kept here to avoid a cycle). */
const STAGE_ORDER = ['planning', 'action', 'observation', 'reflection'] as const;
type TStageName = (typeof STAGE_ORDER)[number];
export const STAGE_LABELS: Record<TStageName, TBilingual> = {
  planning: { id: 'Perencanaan', en: 'Planning' },
  action: { id: 'Pelaksanaan', en: 'Action' },
  observation: { id: 'Observasi', en: 'Observation' },
  reflection: { id: 'Refleksi', en: 'Reflection' },
};

/**
 * Stage dates run in order: perencanaan <= pelaksanaan <= observasi <= refleksi. Missing
 * dates are skipped (each present one is compared with the nearest present one before
 * it). Throws BAD_REQUEST naming the later stage's field (`observationDate`, ...).
 */
export function assertStageDatesInOrder(dates: Partial<Record<TStageName, string | null>>): void {
  let previous: { stage: TStageName; date: string } | null = null;
  for (const stage of STAGE_ORDER) {
    const date = dates[stage];
    if (!date) continue;
    // ISO dates (YYYY-MM-DD) compare correctly as strings.
    if (previous && date < previous.date) {
      const a = STAGE_LABELS[stage];
      const b = STAGE_LABELS[previous.stage];
      throw badRequest(
        `Tanggal ${a.id.toLowerCase()} (${date}) tidak boleh sebelum tanggal ${b.id.toLowerCase()} (${previous.date})`,
        `The ${a.en.toLowerCase()} date (${date}) cannot be before the ${b.en.toLowerCase()} date (${previous.date})`,
        `${stage}Date`,
      );
    }
    previous = { stage, date };
  }
}

/**
 * An observation happens within its cycle: not before the planning date, not after the
 * reflection date (each checked only when the cycle has it). BAD_REQUEST on `observedOn`.
 */
export function assertObservationWithinStages(
  observedOn: string | null | undefined,
  stages: { planning: string | null; reflection: string | null },
): void {
  if (!observedOn) return;
  if (stages.planning && observedOn < stages.planning) {
    throw badRequest(
      `Tanggal observasi (${observedOn}) tidak boleh sebelum tanggal perencanaan siklus (${stages.planning})`,
      `The observation date (${observedOn}) cannot be before the cycle's planning date (${stages.planning})`,
      'observedOn',
    );
  }
  if (stages.reflection && observedOn > stages.reflection) {
    throw badRequest(
      `Tanggal observasi (${observedOn}) tidak boleh setelah tanggal refleksi siklus (${stages.reflection})`,
      `The observation date (${observedOn}) cannot be after the cycle's reflection date (${stages.reflection})`,
      'observedOn',
    );
  }
}
