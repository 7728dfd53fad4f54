import { ApiErrorMessage, Button, useT } from '@siklus/ui';
import type { ReactNode } from 'react';

/**
 * The foot of a form in a list page's panel (schools, users): the API's error (fields it
 * names are shown at the field instead), then submit, any extra buttons, and cancel.
 */
export function PanelFormFooter({
  error,
  inlineFields,
  submitLabel,
  pending,
  onCancel,
  children,
}: {
  error: unknown;
  inlineFields: readonly string[];
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
  /** Buttons between submit and cancel. */
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <>
      <ApiErrorMessage error={error} inlineFields={inlineFields} />
      <div className="sk-row">
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
        {children}
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </>
  );
}

/** The row button that deactivates an active record or reactivates an inactive one. */
export function ActiveToggle({
  scope,
  active,
  name,
  variant,
  loading,
  onToggle,
}: {
  /** Whose messages name the record in the button's label. */
  scope: 'adm.schools' | 'adm.users';
  active: boolean;
  name: string;
  variant: 'ghost' | 'secondary';
  loading: boolean;
  onToggle: () => void;
}) {
  const t = useT();
  return (
    <Button
      size="sm"
      variant={variant}
      aria-label={
        active ? t(`${scope}.deactivateOne`, { name }) : t(`${scope}.reactivateOne`, { name })
      }
      loading={loading}
      onClick={onToggle}
    >
      {active ? t('adm.common.deactivate') : t('adm.common.reactivate')}
    </Button>
  );
}
