import { bi } from '@siklus/domain';
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';
import type { DefaultValues, FieldValues, Path, PathValue } from 'react-hook-form';
import type { z } from 'zod';
import { useLang } from '../i18n/i18n';
import type { ServerIssue } from './issues';
import { fieldErrorIn, useZodForm } from './use-zod-form';
import { messageIn } from './zod-messages';

/** What the config page asks of an editor when the draft is saved or published. */
export interface DraftFormHandle {
  /** Checks every field, shows each problem and focuses the first; true when all is well. */
  check: () => Promise<boolean>;
}

export interface DraftFormOptions<TSchema extends z.ZodType<FieldValues, FieldValues>, TValues> {
  /** The domain's schema the API parses the payload with. */
  schema: TSchema;
  /** The draft as the page holds it at first. */
  value: TValues;
  /** Every edit hands the whole draft back to the page. */
  onChange: (next: TValues) => void;
  /** The last save's refusal of one field of the payload. */
  serverError?: ServerIssue | undefined;
  handle?: Ref<DraftFormHandle> | undefined;
  /**
   * The procedure's input built from the draft (as `useZodForm`'s), when the draft's fields
   * are not the input itself; each field keeps its name as its path in the input.
   */
  toInput?: ((values: TValues) => z.input<TSchema>) | undefined;
}

/**
 * A config editor's draft (a band set, a rubric, success criteria) as a react-hook-form form
 * over the domain's schema: a field speaks up once it has been typed in or left, every field
 * at the page's save (the first one with a problem takes the focus and comes into view), and
 * a message goes as soon as its field is fixed.
 */
export function useDraftForm<
  TSchema extends z.ZodType<FieldValues, FieldValues>,
  TValues extends FieldValues,
>({ schema, value, onChange, serverError, handle, toInput }: DraftFormOptions<TSchema, TValues>) {
  const { lang } = useLang();
  const form = useZodForm<TSchema, TValues>({
    schema,
    defaultValues: value as DefaultValues<TValues>,
    ...(toInput ? { toInput } : {}),
  });
  const { isSubmitted } = form.formState;
  // The fields someone has typed in or left: only these speak up before the first save.
  const touched = useRef(new Set<Path<TValues>>());
  const box = useRef<HTMLDivElement>(null);
  const focusFirst = useRef(false);

  const recheck = () => {
    if (isSubmitted) void form.trigger();
    else if (touched.current.size > 0) void form.trigger([...touched.current]);
  };
  /** After any edit: checks what should be checked and hands the draft to the page. */
  const changed = (name?: Path<TValues>) => {
    if (name) touched.current.add(name);
    recheck();
    onChange(form.getValues());
  };
  /** One field (or a whole row, for the edit of one `field` in it) takes a new value. */
  const edit = <P extends Path<TValues>>(
    name: P,
    next: PathValue<TValues, P>,
    field: Path<TValues> = name,
  ) => {
    form.setValue(name, next, { shouldDirty: true });
    changed(field);
  };
  const blur = (name: Path<TValues>) => () => {
    touched.current.add(name);
    recheck();
  };
  /** A new start (a preset): nothing has been typed in yet. */
  const forget = () => {
    touched.current.clear();
    form.clearErrors();
  };

  // After a refused save, the first field with a problem takes the focus and comes into view,
  // as soon as its message is on screen.
  const focusProblem = () => {
    const first = box.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!focusFirst.current || !first) return;
    focusFirst.current = false;
    first.focus();
    first.scrollIntoView?.({ block: 'center' });
  };
  useEffect(focusProblem);
  /** Checks every field, shows each problem and focuses the first; true when all is well. */
  const check = async () => {
    let ok = false;
    focusFirst.current = true;
    await form.handleSubmit(() => {
      ok = true;
    })();
    if (ok) focusFirst.current = false;
    else focusProblem();
    return ok;
  };
  useImperativeHandle(handle, () => ({ check }));
  // The API's refusal of one field shows under that field.
  useEffect(() => {
    if (!serverError) return;
    form.setError(serverError.field as Path<TValues>, {
      type: 'server',
      message: bi(serverError.messages.id, serverError.messages.en),
    });
  }, [serverError, form]);

  const err = (name: Path<TValues>) => fieldErrorIn(form, name, lang);
  /** The problem of a list as a whole (too few rows), not of a field in it. */
  const listErr = (name: Path<TValues>) => {
    const error: { message?: unknown; root?: { message?: unknown } } | undefined =
      form.getFieldState(name, form.formState).error;
    const message = error?.root?.message ?? error?.message;
    return messageIn(typeof message === 'string' ? message : undefined, lang);
  };
  return { form, lang, box, changed, edit, blur, forget, err, listErr, check };
}
