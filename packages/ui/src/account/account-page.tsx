import { type RouterOutputs, useTRPC } from '@siklus/client';
import {
  EMAIL_NOTIFICATION_PREFS,
  LANGS,
  type TEmailNotifications,
  type TLang,
  ZAccountUpdateInput,
} from '@siklus/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiErrorMessage } from '../components/api-error';
import { Card, PageHeader } from '../components/card';
import { QueryState } from '../components/states';
import { FormSelect, FormTextField, NipField, SaveRow } from '../forms/form-fields';
import { showApiFieldError, useZodForm } from '../forms/use-zod-form';
import { useLang, useT } from '../i18n/i18n';
import { PasswordChangeForm } from './password-change';

type Account = RouterOutputs['account']['get'];
interface AccountValues {
  fullName: string;
  email: string;
  language: TLang;
  emailNotifications: TEmailNotifications;
  nip: string;
}
const FIELDS = ['fullName', 'email', 'language', 'emailNotifications', 'nip'] as const;

/**
 * Every signed-in user's own account, in both apps: name, e-mail, language (of the app and
 * of e-mails), e-mail notifications, and a password change (decision 019).
 */
export function AccountPage() {
  const t = useT();
  const trpc = useTRPC();
  const account = useQuery(trpc.account.get.queryOptions());
  return (
    <div className="sk-stack">
      <PageHeader title={t('account.title')} description={t('account.description')} />
      <QueryState query={account}>
        {(data) => (
          <Card
            title={t('account.profile')}
            description={t('account.username', { username: data.username })}
          >
            <ProfileForm account={data} />
          </Card>
        )}
      </QueryState>
      <Card title={t('password.title')}>
        <PasswordChangeForm />
      </Card>
    </div>
  );
}

function ProfileForm({ account }: { account: Account }) {
  const t = useT();
  const { setLang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useZodForm({
    schema: ZAccountUpdateInput,
    defaultValues: {
      fullName: account.fullName,
      email: account.email ?? '',
      language: account.language,
      emailNotifications: account.emailNotifications,
      nip: account.nip ?? '',
    },
    toInput: (v: AccountValues) => ({
      fullName: v.fullName,
      email: v.email.trim() ? v.email.trim() : null,
      language: v.language,
      emailNotifications: v.emailNotifications,
      nip: v.nip,
    }),
  });
  const update = useMutation(
    trpc.account.update.mutationOptions({
      onSuccess: async (next) => {
        setSaved(true);
        setLang(next.language);
        queryClient.setQueryData(trpc.account.get.queryKey(), next);
        await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
      },
    }),
  );
  const submit = form.handleSubmit((input) => {
    setSaved(false);
    update.mutate(input, { onError: (error) => showApiFieldError(form, error, FIELDS) });
  });
  return (
    <form className="sk-form" onSubmit={submit} noValidate aria-label={t('account.profile')}>
      <ApiErrorMessage error={update.error} inlineFields={FIELDS} />
      <FormTextField form={form} name="fullName" label={t('account.fullName')} required />
      <FormTextField
        form={form}
        name="email"
        type="email"
        autoComplete="email"
        label={t('account.email')}
        hint={t('account.emailHint')}
      />
      <NipField form={form} name="nip" />
      <FormSelect
        form={form}
        name="language"
        label={t('account.language')}
        options={LANGS.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
      />
      <FormSelect
        form={form}
        name="emailNotifications"
        label={t('account.notifications')}
        hint={t('account.notificationsHint')}
        options={EMAIL_NOTIFICATION_PREFS.map((p) => ({ value: p, label: t(`account.pref.${p}`) }))}
      />
      <SaveRow pending={update.isPending} saved={saved} />
    </form>
  );
}
