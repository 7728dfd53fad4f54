import {
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';
import { useT } from '../i18n/i18n';
import { cx } from './cx';

/** A message under a field; renders nothing without one. */
export function FieldError({ id, children }: { id?: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} className="sk-field__error" role="alert">
      {children}
    </p>
  );
}

interface FieldShellProps {
  label: ReactNode;
  /** Helper text under the label. */
  hint?: ReactNode;
  /** The error to show (e.g. `fieldErrorOf(error, 'login')` or a zod message). */
  error?: ReactNode;
  required?: boolean;
  className?: string;
}

/** What every control of a field carries: its id, and the links to its hint and error. */
interface ControlProps {
  id: string;
  required: boolean | undefined;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * The label, hint and error around one control; the control itself is drawn by `children`
 * with the id and aria attributes that tie it to them.
 */
function FieldShell({
  id,
  label,
  hint,
  error,
  required,
  className,
  children,
}: FieldShellProps & { id?: string; children: (control: ControlProps) => ReactNode }) {
  const t = useT();
  const autoId = useId();
  const fieldId = id ?? autoId;
  return (
    <div className={cx('sk-field', !!error && 'sk-field--invalid', className)}>
      <label className="sk-field__label" htmlFor={fieldId}>
        {label}
        {required && <span className="sk-field__required"> ({t('common.required')})</span>}
      </label>
      {hint && (
        <p id={`${fieldId}-hint`} className="sk-field__hint">
          {hint}
        </p>
      )}
      {children({
        id: fieldId,
        required,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy(fieldId, hint, error),
      })}
      <FieldError id={`${fieldId}-error`}>{error}</FieldError>
    </div>
  );
}

/** Splits a field's props into the shell's and the control's own. */
function splitShell<P extends FieldShellProps & { id?: string }>({
  label,
  hint,
  error,
  required,
  className,
  id,
  ...control
}: P) {
  return [{ label, hint, error, required, className, id }, control] as const;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

// `ref` is a plain prop in React 19: react-hook-form's `register` passes one so it can focus
// the first field with a problem.
export type TextFieldProps = FieldShellProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'className'> & { ref?: Ref<HTMLInputElement> };

export function TextField(props: TextFieldProps) {
  const [shell, input] = splitShell(props);
  return (
    <FieldShell {...shell}>
      {(control) => <input className="sk-input" {...control} {...input} />}
    </FieldShell>
  );
}

export type TextAreaProps = FieldShellProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className'> & {
    ref?: Ref<HTMLTextAreaElement>;
  };

export function TextArea({ rows = 4, ...props }: TextAreaProps) {
  const [shell, input] = splitShell(props);
  return (
    <FieldShell {...shell}>
      {(control) => (
        <textarea className="sk-input sk-textarea" rows={rows} {...control} {...input} />
      )}
    </FieldShell>
  );
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export type SelectProps = FieldShellProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className'> & {
    ref?: Ref<HTMLSelectElement>;
    options: SelectOption[];
    /** A first, empty option such as "Pilih rubrik…". */
    placeholder?: string;
  };

export function Select({ options, placeholder, ...props }: SelectProps) {
  const [shell, select] = splitShell(props);
  return (
    <FieldShell {...shell}>
      {(control) => (
        <select className="sk-input sk-select" {...control} {...select}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
