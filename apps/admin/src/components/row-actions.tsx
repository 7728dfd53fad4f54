import { Button, type DataTableColumn, useT } from '@siklus/ui';
import type { ReactNode } from 'react';

/** A list page's column of row buttons. */
export function actionsColumn<T>(
  header: string,
  buttons: (row: T) => ReactNode,
): DataTableColumn<T> {
  return {
    id: 'actions',
    header,
    enableSorting: false,
    cell: ({ row }) => <div className="adm-row-actions">{buttons(row.original)}</div>,
  };
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
