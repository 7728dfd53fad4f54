import { useT } from '@siklus/ui';
import type { CalibrationRow } from './types';

const TONE: Record<CalibrationRow['verdict'], string> = {
  check: 'sk-badge sk-badge--status-returned',
  consistent: 'sk-badge sk-badge--status-approved',
  'too-few-pairs': 'sk-badge sk-badge--status-draft',
};

/** "Perlu dicek", "Selaras" or "Pasangan belum cukup": never worded as a finding of fault. */
export function VerdictBadge({ verdict }: { verdict: CalibrationRow['verdict'] }) {
  const t = useT();
  return <span className={TONE[verdict]}>{t(`calib.verdict.${verdict}`)}</span>;
}
