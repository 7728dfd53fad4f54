import { useLocalized } from '../i18n/i18n';
import { cx } from './cx';

export interface ProvisionalLabelProps {
  /**
   * A cycle's standing as the API reports it (domain `cycleStanding`): the label is null
   * for an approved cycle that observed the whole roster, and nothing is drawn then.
   */
  standing: { provisional: boolean; label: { id: string; en: string } | null } | null | undefined;
  /** What the label qualifies, e.g. "Siklus III", shown before it. */
  subject?: string;
  className?: string;
}

/**
 * "sementara: 1 dari 6 guru diobservasi, belum ditinjau" or "belum lengkap: 5 dari 6 guru":
 * said next to any figure that is not an approved, complete result, so a screen never
 * presents one as a result without saying so.
 */
export function ProvisionalLabel({ standing, subject, className }: ProvisionalLabelProps) {
  const localized = useLocalized();
  if (!standing?.label) return null;
  return (
    <span
      className={cx(
        'sk-provisional',
        standing.provisional ? 'sk-provisional--pending' : 'sk-provisional--incomplete',
        className,
      )}
      data-testid="provisional-label"
    >
      {subject ? `${subject}: ` : ''}
      {localized(standing.label)}
    </span>
  );
}
