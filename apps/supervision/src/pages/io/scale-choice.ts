import { MAX_SCALE_TOTAL, type TScoreScale } from '@siklus/domain';
import type { PlainMessageKey } from '@siklus/ui';

/**
 * The scale a person picks for a figure (the import's question, the summary sheet): a
 * percentage, a 1-4 or 1-5 mean, or a total out of N typed beside it.
 */
export type ScaleChoice = 'percent' | 'mean4' | 'mean5' | 'total';

export const SCALE_CHOICES: { value: ScaleChoice; label: PlainMessageKey }[] = [
  { value: 'percent', label: 'scale.percent' },
  { value: 'mean4', label: 'scale.mean4' },
  { value: 'mean5', label: 'scale.mean5' },
  { value: 'total', label: 'scale.total' },
];

export const isScaleChoice = (value: string): value is ScaleChoice =>
  SCALE_CHOICES.some((c) => c.value === value);

export const choiceOf = (scale: TScoreScale | null): ScaleChoice | '' =>
  scale === null ? '' : scale.kind === 'mean' ? (scale.max === 4 ? 'mean4' : 'mean5') : scale.kind;

/** The scale picked, or null while a total's N is not a whole number from 1 up. */
export function scaleOf(choice: ScaleChoice | '', total: string): TScoreScale | null {
  if (choice === 'percent') return { kind: 'percent' };
  if (choice === 'mean4') return { kind: 'mean', max: 4 };
  if (choice === 'mean5') return { kind: 'mean', max: 5 };
  const max = Number(total);
  if (choice === 'total' && Number.isInteger(max) && max >= 1 && max <= MAX_SCALE_TOTAL)
    return { kind: 'total', max };
  return null;
}
