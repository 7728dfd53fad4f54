import { bandIndex, type TBandSet } from '@siklus/domain';
import { BandBadge, cx, useLocalized, useT } from '@siklus/ui';
import type { ReactNode } from 'react';

/** A band label as a colored badge, its tone taken from its place in the study's band set. */
export function Band({ bandSet, label }: { bandSet: TBandSet; label: string | null | undefined }) {
  const t = useT();
  if (!label) return <span className="sk-muted">{t('common.notAvailable')}</span>;
  return <BandBadge label={label} index={bandIndex(bandSet, label)} total={bandSet.bands.length} />;
}

/** Band lower bounds above 0 as chart reference lines ("71.00" Baik). */
export function bandReferences(bandSet: TBandSet): { value: string; label: string }[] {
  return bandSet.bands
    .filter((b) => Number(b.from) > 0)
    .map((b) => ({ value: b.from, label: b.label }));
}

/** A plain download link (the server answers with a file; the session cookie goes along). */
export function DownloadLink({ href, children }: { href: string; children: string }) {
  return (
    <a className="sk-btn sk-btn--secondary sk-btn--sm" href={href} download>
      {children}
    </a>
  );
}

/**
 * The printed-figure check of one cycle: where a paper report disagrees with what Siklus
 * computes from the scores, one line per mismatch.
 */
export function MismatchList({
  mismatches,
  className,
}: {
  mismatches: readonly { message: { id: string; en: string } }[];
  className?: string;
}) {
  const t = useT();
  const localized = useLocalized();
  return (
    <div className={cx('sk-alert pts-warning', className)} role="note">
      <p className="sk-alert__message">
        <strong>{t('pts.progress.consistency')}:</strong> {t('pts.progress.consistencyBody')}
      </p>
      <ul>
        {mismatches.map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: mismatches have no id.
          <li key={i}>{localized(m.message)}</li>
        ))}
      </ul>
    </div>
  );
}

/** What an editable card of the cycle page (stage notes, printed figures) is given. */
export interface EditableCardProps<D> {
  draft: D;
  onDraftChange: (draft: D) => void;
  readOnly: boolean;
  onSave: () => void;
  saving: boolean;
  dirty: boolean;
  disabled?: boolean;
  footer?: ReactNode;
}
