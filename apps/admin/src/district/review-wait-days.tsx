import { useTRPC } from '@siklus/client';
import { ZReviewWaitDaysInput } from '@siklus/domain';
import {
  ApiErrorMessage,
  Card,
  FormTextField,
  QueryState,
  SaveRow,
  showApiFieldError,
  useT,
  useZodForm,
} from '@siklus/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * How many days a submitted cycle may wait for review before the district's supervisors
 * are notified (decision 019; default 7). Set by the district's admin, audited.
 */
export function ReviewWaitDays() {
  const t = useT();
  const trpc = useTRPC();
  const district = useQuery(trpc.district.get.queryOptions());
  return (
    <Card title={t('notif.waitDays')} level={2}>
      <QueryState query={district}>
        {(d) => <WaitDaysForm key={d.reviewWaitDays} days={d.reviewWaitDays} />}
      </QueryState>
    </Card>
  );
}

function WaitDaysForm({ days }: { days: number }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useZodForm({
    schema: ZReviewWaitDaysInput,
    defaultValues: { days: String(days) },
    toInput: (v: { days: string }) => ({ days: Number(v.days) }),
  });
  const save = useMutation(
    trpc.district.setReviewWaitDays.mutationOptions({
      onSuccess: (next) => {
        setSaved(true);
        queryClient.setQueryData(trpc.district.get.queryKey(), next);
      },
    }),
  );
  const submit = form.handleSubmit((input) => {
    setSaved(false);
    save.mutate(input, { onError: (error) => showApiFieldError(form, error, ['days']) });
  });
  return (
    <form className="sk-form" onSubmit={submit} noValidate>
      <ApiErrorMessage error={save.error} inlineFields={['days']} />
      <FormTextField
        form={form}
        name="days"
        type="number"
        inputMode="numeric"
        min={1}
        max={365}
        label={t('notif.waitDays')}
        hint={t('notif.waitDaysHint')}
      />
      <SaveRow pending={save.isPending} saved={saved} />
    </form>
  );
}
