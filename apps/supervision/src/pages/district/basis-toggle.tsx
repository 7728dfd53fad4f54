import { useT } from '@siklus/ui';

/**
 * Figures read approved cycles; this is the explicit choice to include submitted ones
 * (still awaiting review), with a sentence saying which basis the figures on screen use.
 */
export function BasisToggle({
  withSubmitted,
  onChange,
}: {
  withSubmitted: boolean;
  onChange: (withSubmitted: boolean) => void;
}) {
  const t = useT();
  return (
    <div className="sk-row sk-district-basis" data-testid="figure-basis">
      <label className="sk-district-check">
        <input
          type="checkbox"
          checked={withSubmitted}
          onChange={(e) => onChange(e.target.checked)}
        />{' '}
        {t('workflow.basis.label')}
      </label>
      <span className="sk-district-note">
        {withSubmitted ? t('workflow.basis.submitted') : t('workflow.basis.approved')}
      </span>
    </div>
  );
}
