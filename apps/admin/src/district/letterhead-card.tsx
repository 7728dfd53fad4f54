import { type RouterOutputs, useTRPC } from '@siklus/client';
import { LETTERHEAD_LOGO_MAX_BYTES, ZLetterheadInput } from '@siklus/domain';
import {
  ApiErrorMessage,
  Button,
  Card,
  FormTextArea,
  FormTextField,
  QueryState,
  readAsBase64,
  showApiFieldError,
  useT,
  useZodForm,
} from '@siklus/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';

type Letterhead = RouterOutputs['district']['letterhead'];

const FIELDS = ['office', 'address', 'phone', 'email', 'website', 'place'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

/** Empty optional fields travel as null; the schema trims and refuses the rest. */
const toInput = (v: Values) => ({
  ...v,
  phone: v.phone.trim() || null,
  email: v.email.trim() || null,
  website: v.website.trim() || null,
});

/**
 * The district's letterhead (kop surat) for every report: the office's name, address,
 * contacts and the place reports are signed in, and the logo (issue 20). Set by the
 * district's admin; every change is audited by the server.
 */
export function LetterheadCard() {
  const t = useT();
  const trpc = useTRPC();
  const letterhead = useQuery(trpc.district.letterhead.queryOptions());
  return (
    <Card title={t('letterhead.title')} level={2}>
      <p className="sk-muted">{t('letterhead.description')}</p>
      <QueryState query={letterhead}>
        {(l) => (
          <>
            {/* Not keyed by the data: a save updates the query, and the form keeps its "saved". */}
            <LetterheadForm letterhead={l} />
            <LogoForm letterhead={l} />
          </>
        )}
      </QueryState>
    </Card>
  );
}

function LetterheadForm({ letterhead }: { letterhead: Letterhead }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useZodForm({
    schema: ZLetterheadInput,
    defaultValues: Object.fromEntries(FIELDS.map((f) => [f, letterhead[f] ?? ''])) as Values,
    toInput,
  });
  const save = useMutation(
    trpc.district.setLetterhead.mutationOptions({
      onSuccess: (next) => {
        setSaved(true);
        queryClient.setQueryData(trpc.district.letterhead.queryKey(), next);
      },
    }),
  );
  const submit = form.handleSubmit((input) => {
    setSaved(false);
    save.mutate(input, { onError: (error) => showApiFieldError(form, error, [...FIELDS]) });
  });
  return (
    <form className="sk-form" onSubmit={submit} noValidate>
      <ApiErrorMessage error={save.error} inlineFields={[...FIELDS]} />
      <FormTextArea
        form={form}
        name="office"
        rows={3}
        label={t('letterhead.office')}
        hint={t('letterhead.officeHint')}
      />
      <FormTextField form={form} name="address" label={t('letterhead.address')} />
      <FormTextField form={form} name="phone" label={t('letterhead.phone')} />
      <FormTextField form={form} name="email" type="email" label={t('letterhead.email')} />
      <FormTextField form={form} name="website" label={t('letterhead.website')} />
      <FormTextField
        form={form}
        name="place"
        label={t('letterhead.place')}
        hint={t('letterhead.placeHint')}
      />
      <div className="sk-row">
        <Button type="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
        {saved && (
          <output className="sk-inline-status" aria-live="polite">
            {t('letterhead.saved')}
          </output>
        )}
      </div>
    </form>
  );
}

function LogoForm({ letterhead }: { letterhead: Letterhead }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [status, setStatus] = useState<string | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const onSuccess = (next: Letterhead) =>
    queryClient.setQueryData(trpc.district.letterhead.queryKey(), next);
  const upload = useMutation(
    trpc.district.setLogo.mutationOptions({
      onSuccess: (next) => {
        onSuccess(next);
        setStatus(t('letterhead.logoSaved'));
      },
    }),
  );
  const remove = useMutation(
    trpc.district.removeLogo.mutationOptions({
      onSuccess: (next) => {
        onSuccess(next);
        setStatus(t('letterhead.logoRemoved'));
      },
    }),
  );
  const office = (letterhead.office ?? '').split('\n').join(' ');
  return (
    <div className="sk-form">
      <ApiErrorMessage error={upload.error ?? remove.error} />
      <label htmlFor={inputId}>{t('letterhead.logo')}</label>
      {letterhead.logo ? (
        <img
          src={letterhead.logo.dataUrl}
          alt={t('letterhead.logoAlt', { office })}
          style={{ maxWidth: '6rem', maxHeight: '6rem' }}
        />
      ) : (
        <p className="sk-muted">{t('letterhead.logoNone')}</p>
      )}
      <input
        id={inputId}
        type="file"
        accept="image/png,image/jpeg,image/webp"
        aria-describedby={`${inputId}-hint`}
        onChange={async (e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          setStatus(null);
          upload.reset();
          // Said here, before 700 KB of base64 travel only to be refused.
          setTooLarge(Boolean(file && file.size > LETTERHEAD_LOGO_MAX_BYTES));
          if (!file || file.size > LETTERHEAD_LOGO_MAX_BYTES) return;
          upload.mutate({ fileName: file.name, contentBase64: await readAsBase64(file) });
        }}
      />
      <p id={`${inputId}-hint`} className="sk-field__hint">
        {t('letterhead.logoHint')}
      </p>
      {tooLarge && (
        <p role="alert" className="sk-field__error">
          {t('letterhead.logoTooLarge')}
        </p>
      )}
      <div className="sk-row">
        {letterhead.logo && (
          <Button variant="secondary" loading={remove.isPending} onClick={() => remove.mutate()}>
            {t('letterhead.logoRemove')}
          </Button>
        )}
        {upload.isPending && <output aria-live="polite">…</output>}
        {status && (
          <output className="sk-inline-status" aria-live="polite">
            {status}
          </output>
        )}
      </div>
    </div>
  );
}
