import type { TCycleStatus } from '@siklus/domain';
import { useT } from '../i18n/i18n';
import { cx } from './cx';

/** The domain's statuses, under the name the apps import from ui. */
export type CycleStatus = TCycleStatus;

/** Draf / Diajukan / Dikembalikan / Disetujui, each with its own color. */
export function StatusBadge({ status }: { status: CycleStatus }) {
  const t = useT();
  return (
    <span className={cx('sk-badge', `sk-badge--status-${status}`)}>{t(`status.${status}`)}</span>
  );
}

/**
 * A criterion band ("Baik"). Color runs from red (index 0, the lowest band) to deep green
 * (the highest), spread over however many bands the set has (PTS has 4, PKG has 5).
 */
export function BandBadge({
  label,
  index,
  total = 4,
}: {
  label: string;
  index: number;
  total?: number;
}) {
  return (
    <span className={cx('sk-badge', `sk-band-${bandTone(index, total)}`)} data-band-index={index}>
      {label}
    </span>
  );
}

/** 0..4: the tone of a band, used by badges and charts so both agree. */
export function bandTone(index: number, total: number): number {
  if (index < 0) return 0;
  if (total <= 1) return 4;
  return Math.round((Math.min(index, total - 1) / (total - 1)) * 4);
}

/** Band colors for charts, lowest band first (the same tones as the badges). */
export const BAND_COLORS = ['#c2410c', '#d97706', '#65a30d', '#0f766e', '#115e59'] as const;

export function bandColor(index: number, total: number): string {
  return BAND_COLORS[bandTone(index, total)] ?? BAND_COLORS[0];
}
