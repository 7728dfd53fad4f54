import { ApiErrorMessage, ConfirmDialog, useT } from '@siklus/ui';

/**
 * "Setujui" asks first: approving locks the cycle (only an admin can reopen it) and makes
 * its figures the official result. The API refuses an approval without `confirmLock`, so
 * this dialog is the only way the review page sends one.
 */
export function ApproveDialog({
  open,
  cycleName,
  schoolName,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  cycleName: string;
  schoolName: string;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  return (
    <ConfirmDialog
      open={open}
      title={t('workflow.approve.title', { cycle: cycleName, school: schoolName })}
      confirmLabel={t('workflow.approve.confirm')}
      cancelLabel={t('common.cancel')}
      onConfirm={onConfirm}
      onCancel={onCancel}
      busy={busy}
      footer={<ApiErrorMessage error={error} />}
    >
      <p>{t('workflow.approve.body')}</p>
    </ConfirmDialog>
  );
}
