import { useTRPC } from '@siklus/client';
import { ZPasswordHelpInput } from '@siklus/domain';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiErrorMessage } from '../components/api-error';
import { Button } from '../components/button';
import { FormTextField } from '../forms/form-fields';
import { showApiFieldError, useZodForm } from '../forms/use-zod-form';
import { useT } from '../i18n/i18n';

/**
 * "Lupa kata sandi?" under the sign-in form: who resets passwords (the district's admins,
 * by name and e-mail), and a way to tell them. The answer is the same for any login typed,
 * so it never says whether an account exists (decision 019).
 */
export function ForgotPasswordLink() {
  const t = useT();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const help = useMutation(trpc.auth.passwordHelp.mutationOptions());
  const form = useZodForm({ schema: ZPasswordHelpInput, defaultValues: { login: '' } });
  const submit = form.handleSubmit((input) =>
    help.mutate(input, { onError: (error) => showApiFieldError(form, error, ['login']) }),
  );
  if (!open) {
    return (
      <button type="button" className="sk-link-button" onClick={() => setOpen(true)}>
        {t('forgot.link')}
      </button>
    );
  }
  return (
    <section className="sk-forgot" aria-labelledby="forgot-title">
      <h2 id="forgot-title" className="sk-forgot__title">
        {t('forgot.title')}
      </h2>
      <p>{t('forgot.body')}</p>
      <form className="sk-form" onSubmit={submit} noValidate>
        <ApiErrorMessage error={help.error} inlineFields={['login']} />
        <FormTextField
          form={form}
          name="login"
          label={t('auth.login')}
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
        />
        <Button type="submit" variant="secondary" loading={help.isPending}>
          {t('forgot.submit')}
        </Button>
      </form>
      {help.data && (
        <div className="sk-alert sk-alert--info" role="status">
          <p className="sk-alert__message">{t('forgot.answer')}</p>
          {help.data.districts.length === 0 ? (
            <p>{t('forgot.noAdmins')}</p>
          ) : (
            <ul className="sk-forgot__admins">
              {help.data.districts.map((d) => (
                <li key={d.districtName}>
                  <strong>{d.districtName}</strong>
                  {d.admins.map((a) => (
                    <span key={`${a.fullName}-${a.email ?? ''}`} className="sk-forgot__admin">
                      {a.fullName}
                      {a.email && (
                        <>
                          {' · '}
                          <a href={`mailto:${a.email}`}>{a.email}</a>
                        </>
                      )}
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
