import { useTRPC } from '@siklus/client';
import { ApiErrorMessage, Button, ConfirmDialog, TextArea, useT } from '@siklus/ui';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useOnline } from '../../offline/online';

/**
 * The principal takes a submitted cycle back to draft before a supervisor reviews it: a
 * button and its confirmation, with an optional reason that goes into the history.
 */
export function WithdrawSubmission({
  cycleId,
  version,
  label,
  onDone,
}: {
  cycleId: string;
  version: number;
  label: string;
  onDone: (version: number) => void | Promise<void>;
}) {
  const t = useT();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const withdraw = useMutation(trpc.cycles.withdraw.mutationOptions());
  // Online-only (decision 024): offline the button says why it does nothing.
  const online = useOnline();
  return (
    <>
      <Button
        variant="secondary"
        disabled={!online}
        title={online ? undefined : t('offline.onlineOnly')}
        onClick={() => {
          withdraw.reset();
          setOpen(true);
        }}
      >
        {t('workflow.withdraw.button')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('workflow.withdraw.title', { label })}
        confirmLabel={t('workflow.withdraw.confirm')}
        cancelLabel={t('common.cancel')}
        busy={withdraw.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={() =>
          withdraw.mutate(
            { cycleId, version, reason: reason.trim() || null },
            {
              onSuccess: async (result) => {
                setOpen(false);
                setReason('');
                await onDone(result.version);
              },
            },
          )
        }
        footer={<ApiErrorMessage error={withdraw.error} />}
      >
        <p>{t('workflow.withdraw.body')}</p>
        <TextArea
          label={t('workflow.withdraw.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={2}
        />
      </ConfirmDialog>
    </>
  );
}
