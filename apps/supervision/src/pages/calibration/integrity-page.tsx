import { useTRPC } from '@siklus/client';
import {
  ApiErrorMessage,
  Button,
  Card,
  EmptyState,
  PageHeader,
  QueryState,
  TextArea,
  useCurrentUser,
  useLocalized,
  useT,
} from '@siklus/ui';
import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { IntegritySignal } from './types';

/**
 * Integrity signals: for a supervisor the district's (`integrity.district`), each
 * dismissible with a reason (audited by the API), `?dismissed=1` showing the dismissed ones
 * too; for a principal their own school's (`integrity.school`), read only.
 */
export function IntegrityPage() {
  const t = useT();
  const me = useCurrentUser();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const includeDismissed = params.get('dismissed') === '1';
  const principal = me.role === 'principal';
  const district = useQuery(
    trpc.integrity.district.queryOptions(principal ? skipToken : { includeDismissed }),
  );
  const school = useQuery(
    trpc.integrity.school.queryOptions(
      principal && me.schoolId ? { schoolId: me.schoolId } : skipToken,
    ),
  );
  const list = principal ? school : district;

  return (
    <>
      <PageHeader title={t('integrity.title')} description={t('integrity.description')} />
      {!principal && (
        <p>
          <label>
            <input
              type="checkbox"
              checked={includeDismissed}
              onChange={(e) => setParams(e.target.checked ? { dismissed: '1' } : {})}
            />{' '}
            {t('integrity.showDismissed')}
          </label>
        </p>
      )}
      <QueryState query={list}>
        {({ signals }) =>
          signals.length === 0 ? (
            <EmptyState title={t('integrity.empty')} />
          ) : (
            <ul className="sk-list" aria-label={t('integrity.title')}>
              {signals.map((s) => (
                <li key={s.key}>
                  <SignalCard signal={s} canDismiss={!principal} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}

function SignalCard({ signal, canDismiss }: { signal: IntegritySignal; canDismiss: boolean }) {
  const t = useT();
  const local = useLocalized();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const dismiss = useMutation(
    trpc.integrity.dismiss.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.integrity.pathKey() }),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    dismiss.mutate({ schoolId: signal.schoolId, signalKey: signal.key, reason });
  };
  return (
    <Card
      level={3}
      title={t(`integrity.kind.${signal.kind}`)}
      description={<Link to={`/schools/${signal.schoolId}`}>{signal.schoolName}</Link>}
      actions={
        canDismiss && !signal.dismissal && !open ? (
          <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
            {t('integrity.dismiss')}
          </Button>
        ) : null
      }
    >
      <p>{local(signal.message)}</p>
      {signal.dismissal && (
        <p className="sk-muted">{t('integrity.dismissed', { reason: signal.dismissal.reason })}</p>
      )}
      {open && !signal.dismissal && (
        <form className="sk-form" onSubmit={submit}>
          <TextArea
            label={t('integrity.dismissReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
          />
          <ApiErrorMessage error={dismiss.error} />
          <Button type="submit" size="sm" disabled={dismiss.isPending}>
            {t('integrity.dismissConfirm')}
          </Button>
        </form>
      )}
    </Card>
  );
}
