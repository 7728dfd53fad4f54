import { useTRPC } from '@siklus/client';
import {
  Controller,
  type FieldValues,
  type Path,
  type UseFormReturn,
  useFieldError,
  useT,
} from '@siklus/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type Ref, useDeferredValue, useId, useState } from 'react';

export interface SchoolPickerProps {
  label: string;
  value: string;
  onChange: (schoolId: string) => void;
  /** The first option ("Semua sekolah" in a filter, "Pilih sekolah…" in a form). */
  placeholder: string;
  error?: string | undefined;
  required?: boolean;
  /** A school already chosen that the current search may not list (shown as an option). */
  selected?: { id: string; name: string } | null;
  /** The select, for a form to focus when the school is the first field with a problem. */
  ref?: Ref<HTMLSelectElement>;
  onBlur?: () => void;
}

/**
 * A district has up to 2,000 schools, too many for one select: type part of a name or an
 * NPSN, then pick among the (at most 20) matches the API returns.
 */
export function SchoolPicker({
  label,
  value,
  onChange,
  placeholder,
  error,
  required,
  selected,
  ref,
  onBlur,
}: SchoolPickerProps) {
  const t = useT();
  const trpc = useTRPC();
  const id = useId();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const schools = useQuery({
    ...trpc.schools.list.queryOptions({ search: deferred || undefined, limit: 20, offset: 0 }),
    placeholderData: keepPreviousData,
  });
  const options = schools.data?.items ?? [];
  const extra = selected && !options.some((s) => s.id === selected.id) ? [selected] : [];
  return (
    <div className={error ? 'sk-field sk-field--invalid' : 'sk-field'}>
      <label className="sk-field__label" htmlFor={`${id}-select`}>
        {label}
        {required && <span className="sk-field__required"> ({t('common.required')})</span>}
      </label>
      <div className="adm-picker">
        <input
          type="search"
          className="sk-input sk-input--sm"
          aria-label={t('adm.picker.search', { label })}
          placeholder={t('adm.picker.placeholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <select
          ref={ref}
          id={`${id}-select`}
          onBlur={onBlur}
          className="sk-input sk-select"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">{placeholder}</option>
          {[...extra, ...options].map((s) => (
            <option key={s.id} value={s.id}>
              {'npsn' in s ? `${s.name} (${s.npsn})` : s.name}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p id={`${id}-error`} className="sk-field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** `SchoolPicker` as a field of a `useZodForm` form: its value, its message, its focus. */
export function SchoolField<TValues extends FieldValues>({
  form,
  name,
  ...picker
}: {
  form: UseFormReturn<TValues, unknown, unknown>;
  name: Path<TValues>;
} & Omit<SchoolPickerProps, 'value' | 'onChange' | 'error' | 'ref' | 'onBlur'>) {
  const error = useFieldError(form, name);
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <SchoolPicker
          {...picker}
          ref={field.ref}
          value={typeof field.value === 'string' ? field.value : ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          error={error}
        />
      )}
    />
  );
}
