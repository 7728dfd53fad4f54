import { type FieldValues, type Path, type UseFormReturn, useController } from 'react-hook-form';
import {
  Select,
  type SelectProps,
  TextArea,
  type TextAreaProps,
  TextField,
  type TextFieldProps,
} from '../components/fields';
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
