import type { ChangeEvent, ReactNode, Ref } from 'react';
import { ApiErrorMessage } from '../components/api-error';
import type { TFunction } from '../i18n/i18n';

/** What every spreadsheet import accepts (the server reads XLSX and CSV). */
export const SHEET_ACCEPT =
  '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/**
 * The file picker of every spreadsheet import (observations, the recap, a roster): the
 * labelled input, then `children` (a progress line), the refusal made before the upload and
 * the API's refusal of the file.
 */
export function SheetFileField({
  label,
  onChoose,
  disabled,
  inputRef,
  refused,
  apiError,
  children,
}: {
  label: ReactNode;
  onChoose: (event: ChangeEvent<HTMLInputElement>) => unknown;
  disabled: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** Why the chosen file was refused before it was sent (type, size), or null. */
  refused: string | null;
  apiError: unknown;
  children?: ReactNode;
}) {
  return (
    <>
      <label className="sk-field">
        <span className="sk-field__label">{label}</span>
        <input
          ref={inputRef}
          type="file"
          accept={SHEET_ACCEPT}
          onChange={(e) => void onChoose(e)}
          disabled={disabled}
        />
      </label>
      {children}
      {refused && (
        <p className="sk-alert sk-alert--error" role="alert">
          {refused}
        </p>
      )}
      <ApiErrorMessage error={apiError} />
    </>
  );
}

/** Where a problem of a read sheet stands: "Baris 3, kolom C (Persentase)", a row, or the file. */
export function sheetProblemPlace(
  t: TFunction,
  problem: { row: number | null; column: string | null; header?: string | null },
): string {
  if (problem.row === null) return t('io.import.whole');
  if (!problem.column) return t('io.import.row', { row: String(problem.row) });
  return t('io.import.rowCol', {
    row: String(problem.row),
    column: problem.header ? `${problem.column} (${problem.header})` : problem.column,
  });
}
