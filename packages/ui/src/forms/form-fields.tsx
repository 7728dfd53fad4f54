import type { ReactNode } from 'react';
import { type FieldValues, type Path, type UseFormReturn, useController } from 'react-hook-form';
import { ApiErrorMessage } from '../components/api-error';
import { Button } from '../components/button';
import {
  Select,
  type SelectProps,
  TextArea,
  type TextAreaProps,
  TextField,
  type TextFieldProps,
} from '../components/fields';
import { useT } from '../i18n/i18n';
import { useFieldError } from './use-zod-form';

/** The form a field belongs to and its name there (its path in the procedure's input). */
interface Bound<TValues extends FieldValues> {
  form: UseFormReturn<TValues, unknown, unknown>;
  name: Path<TValues>;
}

/** What the form supplies, so a caller cannot set it twice. */
type Wired = 'form' | 'name' | 'error' | 'value' | 'defaultValue' | 'onChange' | 'onBlur' | 'ref';

/** `TextField` registered with a `useZodForm` form: its value, its message, its focus. */
export function FormTextField<TValues extends FieldValues>({
  form,
  name,
  ...props
}: Bound<TValues> & Omit<TextFieldProps, Wired>) {
  const error = useFieldError(form, name);
  return <TextField {...props} {...form.register(name)} error={error} />;
}

export function FormTextArea<TValues extends FieldValues>({
  form,
  name,
  ...props
}: Bound<TValues> & Omit<TextAreaProps, Wired>) {
  const error = useFieldError(form, name);
  return <TextArea {...props} {...form.register(name)} error={error} />;
}

/**
 * A controlled select: an uncontrolled one registered before its options settle shows (and
 * submits) its first option instead of the form's value.
 */
export function FormSelect<TValues extends FieldValues>({
  form,
  name,
  ...props
}: Bound<TValues> & Omit<SelectProps, Wired>) {
  const error = useFieldError(form, name);
  const { field } = useController({ control: form.control, name });
  return (
    <Select
      {...props}
      name={field.name}
      ref={field.ref}
      value={typeof field.value === 'string' ? field.value : ''}
      onChange={field.onChange}
      onBlur={field.onBlur}
      disabled={field.disabled ?? props.disabled}
      error={error}
    />
  );
}

/** A person's NIP (18 digits, optional): the same field on the admin's user form and the account page. */
export function NipField<TValues extends FieldValues>({ form, name }: Bound<TValues>) {
  const t = useT();
  return (
    <FormTextField
      form={form}
      name={name}
      inputMode="numeric"
      label={t('nip.label')}
      hint={t('nip.hint')}
    />
  );
}

/** A settings form's Save button with "Tersimpan" said beside it once the save is done. */
export function SaveRow({ pending, saved }: { pending: boolean; saved: boolean }) {
  const t = useT();
  return (
    <div className="sk-row">
      <Button type="submit" loading={pending}>
        {t('common.save')}
      </Button>
      {saved && (
        <output className="sk-inline-status" aria-live="polite">
          {t('account.saved')}
        </output>
      )}
    </div>
  );
}

/**
 * The foot of a form that creates or edits something: the API's error (fields it names are
 * shown at the field instead), then submit, any extra buttons, and cancel.
 */
export function FormFooter({
  error,
  inlineFields,
  submitLabel,
  pending,
  onCancel,
  children,
}: {
  error: unknown;
  inlineFields: readonly string[];
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
  /** Buttons between submit and cancel. */
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <>
      <ApiErrorMessage error={error} inlineFields={inlineFields} />
      <div className="sk-row">
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
        {children}
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </>
  );
}
