import { useTRPC } from '@siklus/client';
import { bi, PASSWORD_MIN, ZChangePasswordInput } from '@siklus/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { ApiErrorMessage } from '../components/api-error';
import { Button } from '../components/button';
import { FormTextField } from '../forms/form-fields';
import { showApiFieldError, useZodForm } from '../forms/use-zod-form';
import { useT } from '../i18n/i18n';

/** The procedure's own schema, plus the repeated new password checked against it. */
const ZPasswordForm = ZChangePasswordInput.extend({ confirmPassword: z.string() }).refine(
  (v) => v.newPassword === v.confirmPassword,
  {
    message: bi('Kedua kata sandi baru tidak sama', 'The two new passwords differ'),
    path: ['confirmPassword'],
  },
);

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };
const FIELDS = ['currentPassword', 'newPassword'] as const;

/**
 * Change your own password: the current one, the new one twice (the server checks the
 * policy again and ends the user's other sessions). Used by the account page and by the
 * forced change after an admin set the password.
 */
export function PasswordChangeForm({ onChanged }: { onChanged?: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [ended, setEnded] = useState<number | null>(null);
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: async (result) => {
        setEnded(result.endedSessions);
        form.reset(EMPTY);
        await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
        onChanged?.();
      },
    }),
  );
  const form = useZodForm({ schema: ZPasswordForm, defaultValues: EMPTY });
  const submit = form.handleSubmit(({ currentPassword, newPassword }) => {
    setEnded(null);
    change.mutate(
      { currentPassword, newPassword },
      { onError: (error) => showApiFieldError(form, error, FIELDS) },
    );
  });
  return (
    <form className="sk-form" onSubmit={submit} noValidate aria-label={t('password.title')}>
      <p className="sk-muted">{t('password.description', { min: PASSWORD_MIN })}</p>
      <ApiErrorMessage error={change.error} inlineFields={FIELDS} />
      <FormTextField
        form={form}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        label={t('password.current')}
        required
      />
      <FormTextField
        form={form}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        label={t('password.new')}
        required
      />
      <FormTextField
        form={form}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        label={t('password.confirm')}
        required
      />
      <div className="sk-row">
        <Button type="submit" loading={change.isPending}>
          {t('password.submit')}
        </Button>
        {ended !== null && (
          <output className="sk-inline-status" aria-live="polite">
            {t('password.changed', { count: ended })}
          </output>
        )}
      </div>
    </form>
  );
}
