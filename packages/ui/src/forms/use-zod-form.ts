import { zodResolver } from '@hookform/resolvers/zod';
import { appErrorOf } from '@siklus/client';
import { bi, fieldErrorMap } from '@siklus/domain';
import {
  type DefaultValues,
  type FieldError,
  type FieldValues,
  type Path,
  type Resolver,
  type ResolverResult,
  type UseFormProps,
  type UseFormReturn,
  useForm,
} from 'react-hook-form';
import type { z } from 'zod';
import { type Lang, useLang } from '../i18n/i18n';
import { messageIn } from './zod-messages';

export type ZodForm<TValues extends FieldValues, TOutput = TValues> = UseFormReturn<
  TValues,
  unknown,
  TOutput
>;

/** A schema of an object, as every procedure input is. */
type ObjectSchema = z.ZodType<FieldValues, FieldValues>;

export interface UseZodFormOptions<TSchema extends ObjectSchema, TValues extends FieldValues>
  extends Omit<UseFormProps<TValues, unknown, z.output<TSchema>>, 'resolver' | 'defaultValues'> {
  /** The domain's schema, the very one the procedure parses its input with. */
  schema: TSchema;
  /** What the fields hold at first (strings for text inputs). */
  defaultValues: DefaultValues<TValues>;
  /**
   * The procedure's input built from what the fields hold (trimmed, '' as null, a school
   * only for a principal). Keep each field's name as its path in the input, so a problem
   * the schema finds lands on the field that holds it. Without it the fields are the input.
   */
  toInput?: (values: TValues) => z.input<TSchema>;
}

/**
 * A form checked by the same zod schema as its procedure, through react-hook-form's zod
 * resolver: nothing is sent until the schema passes, each problem shows under its field in
 * the current language (the schema's `bi(...)` messages, or the domain's `fieldErrorMap` for zod's own
 * checks), and the first field with a problem takes the focus. `handleSubmit` hands over
 * the parsed input, ready for `mutate`.
 */
export function useZodForm<TSchema extends ObjectSchema, TValues extends FieldValues>({
  schema,
  toInput,
  ...options
}: UseZodFormOptions<TSchema, TValues>): ZodForm<TValues, z.output<TSchema>> {
  const parse = zodResolver<FieldValues, unknown, FieldValues>(schema, {
    error: fieldErrorMap,
  });
  const resolver: Resolver<TValues, unknown, z.output<TSchema>> = async (values, context, opts) => {
    const result = await parse(toInput ? toInput(values) : values, context, {
      ...opts,
      names: undefined,
    });
    // The input's paths are the form's field names by the contract of `toInput`, which the
    // types cannot follow through the mapping.
    return result as ResolverResult<TValues, z.output<TSchema>>;
  };
  return useForm<TValues, unknown, z.output<TSchema>>({
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: true,
    ...options,
    resolver,
  });
}

function isFieldError(value: unknown): value is FieldError {
  return typeof value === 'object' && value !== null && 'type' in value;
}

/** The first message in an error tree: `scores` shows a problem of `scores.B2`. */
function firstMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  if (isFieldError(error) && typeof error.message === 'string' && error.message)
    return error.message;
  for (const [key, child] of Object.entries(error)) {
    if (key === 'ref') continue;
    const message = firstMessage(child);
    if (message) return message;
  }
  return undefined;
}

/**
 * The message to show under one field in the current language: its own problem, or the
 * first one inside it when the field stands for a group (`scores` for `scores.B2`).
 */
export function useFieldError<TValues extends FieldValues>(
  form: UseFormReturn<TValues, unknown, unknown>,
  name: Path<TValues>,
): string | undefined {
  const { lang } = useLang();
  return fieldErrorIn(form, name, lang);
}

/**
 * `useFieldError` for a field of a row list, where a hook per field cannot be called:
 * the message under `name` (or the first one inside it) in `lang`.
 */
export function fieldErrorIn<TValues extends FieldValues>(
  form: UseFormReturn<TValues, unknown, unknown>,
  name: Path<TValues>,
  lang: Lang,
): string | undefined {
  const { error } = form.getFieldState(name, form.formState);
  return messageIn(firstMessage(error), lang);
}

/**
 * Puts the API's refusal of one field (an AppError naming `field`) under that field and
 * focuses it; returns false when the error names none of `fields`, so the caller shows it
 * as an alert instead (`ApiErrorMessage inlineFields={fields}` does exactly that).
 * `within` strips a prefix of the procedure's input (`payload` of `payload.bands.1.from`).
 */
export function showApiFieldError<TValues extends FieldValues>(
  form: UseFormReturn<TValues, unknown, unknown>,
  error: unknown,
  fields: readonly Path<TValues>[],
  within?: string,
): boolean {
  const app = appErrorOf(error);
  if (!app?.field) return false;
  let field = app.field;
  if (within) {
    if (!field.startsWith(`${within}.`)) return false;
    field = field.slice(within.length + 1);
  }
  const name = fields.find((f) => field === f || field.startsWith(`${f}.`));
  if (!name) return false;
  form.setError(
    name,
    { type: 'server', message: bi(app.messages.id, app.messages.en) },
    { shouldFocus: true },
  );
  return true;
}
