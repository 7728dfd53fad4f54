import { ConfirmDialog, useFormat, useT } from '@siklus/ui';
import { useSyncExternalStore } from 'react';
import { outboxEntries, subscribeOutbox } from './session';

/** Signing out with unsent saves: says which are lost before it lets them go. */
export default function DiscardDialog({
  onDiscard,
  onCancel,
}: {
  onDiscard: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const entries = useSyncExternalStore(subscribeOutbox, outboxEntries);
  const list = entries
    .map((e) =>
      e.kind === 'observation'
        ? `${e.label} (${f.decimal(e.figures.percentage)}, ${e.figures.band})`
        : `${t('offline.outbox.notes')} ${e.label}`,
    )
    .join('; ');
  return (
    <ConfirmDialog
      open
      title={t('offline.discard.title', { n: entries.length })}
      confirmLabel={t('offline.discard.confirm')}
      cancelLabel={t('common.cancel')}
      confirmVariant="danger"
      onConfirm={onDiscard}
      onCancel={onCancel}
    >
      <p>{t('offline.discard.body', { list })}</p>
    </ConfirmDialog>
  );
}
