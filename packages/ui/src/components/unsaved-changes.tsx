import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { useT } from '../i18n/i18n';
import { ConfirmDialog } from './confirm-dialog';

/**
 * Guards unsaved edits (a cycle's drafts, a rubric, band set or criteria draft): leaving
 * for another page inside the app asks first (react-router's blocker, answered in a
 * ConfirmDialog), and closing or reloading the tab asks the browser (beforeunload).
 * Render it once on the page that holds the edits; `dirty` says whether there are any.
 */
export function UnsavedChangesGuard({ dirty }: { dirty: boolean }) {
  const t = useT();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
  return (
    <ConfirmDialog
      open={blocker.state === 'blocked'}
      title={t('leave.title')}
      confirmLabel={t('leave.go')}
      cancelLabel={t('leave.stay')}
      confirmVariant="danger"
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      <p>{t('leave.body')}</p>
    </ConfirmDialog>
  );
}
