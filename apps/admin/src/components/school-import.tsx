import { type RouterOutputs, useTRPC } from '@siklus/client';
import { SCHOOL_BULK_MAX } from '@siklus/domain';
import {
  ApiErrorMessage,
  Button,
  Card,
  TableScroll,
  TextArea,
  useFormat,
  useLang,
  useT,
} from '@siklus/ui';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { parseSchoolCsv, SCHOOL_CSV_TEMPLATE, type SchoolCsvRow } from '../lib/school-csv';

type BulkResult = RouterOutputs['schools']['bulkCreate'];

/**
 * Bulk add from a CSV: parsed here, checked by the API in a dry run (every problem with its
 * row), then added in one go only when every row is good: nothing is added otherwise.
 */
export function SchoolImport({
  onCancel,
  onDone,
}: {
  onCancel: () => void;
  onDone: (created: number) => void;
}) {
  const t = useT();
  const f = useFormat();
  const { lang } = useLang();
  const trpc = useTRPC();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [rows, setRows] = useState<SchoolCsvRow[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [report, setReport] = useState<BulkResult | null>(null);
  const check = useMutation(trpc.schools.bulkCreate.mutationOptions({ onSuccess: setReport }));
  const commit = useMutation(
    trpc.schools.bulkCreate.mutationOptions({
      onSuccess: (r) => {
        if (r.created > 0) onDone(r.created);
        else setReport(r);
      },
    }),
  );

  const read = (csv: string) => {
    setReport(null);
    setRows(null);
    check.reset();
    commit.reset();
    const result = parseSchoolCsv(csv);
    if (!result.ok) {
      setProblem(
        result.reason === 'empty'
          ? t('adm.import.empty')
          : t('adm.import.missingColumns', { columns: result.missing.join(', ') }),
      );
      return;
    }
    if (result.rows.length > SCHOOL_BULK_MAX) {
      setProblem(t('adm.import.tooMany', { max: f.integer(SCHOOL_BULK_MAX) }));
      return;
    }
    setProblem(null);
    setRows(result.rows);
    check.mutate({ rows: result.rows, dryRun: true });
  };

  return (
    <Card
      className="adm-panel"
      title={t('adm.import.title')}
      description={t('adm.import.description')}
      actions={
        <a
          className="sk-btn sk-btn--ghost sk-btn--sm"
          download="sekolah-template.csv"
          href={`data:text/csv;charset=utf-8,${encodeURIComponent(SCHOOL_CSV_TEMPLATE)}`}
        >
          {t('adm.import.template')}
        </a>
      }
    >
      <div className="sk-stack">
        <div className="sk-field">
          <label className="sk-field__label" htmlFor="school-csv-file">
            {t('adm.import.file')}
          </label>
          <input
            id="school-csv-file"
            type="file"
            accept=".csv,text/csv"
            className="sk-input"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setFileName(file.name);
              const content = await file.text();
              setText(content);
              read(content);
            }}
          />
        </div>
        <TextArea
          label={t('adm.import.paste')}
          hint={t('adm.import.pasteHint')}
          rows={5}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setFileName(null);
          }}
          className="adm-mono"
        />
        <div className="sk-row">
          <Button variant="secondary" onClick={() => read(text)} disabled={!text.trim()}>
            {t('adm.import.check')}
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
        {problem && (
          <div className="sk-alert sk-alert--error" role="alert">
            <p className="sk-alert__message">{problem}</p>
          </div>
        )}
        <ApiErrorMessage error={check.error ?? commit.error} />
        {check.isPending && <p className="sk-muted">{t('adm.import.checking')}</p>}
        {rows && report?.valid && (
          <div className="sk-alert sk-alert--info" role="status">
            <p className="sk-alert__message">
              {t('adm.import.allValid', {
                count: f.integer(rows.length),
                file: fileName ?? t('adm.import.pasted'),
              })}
            </p>
            <div className="sk-row adm-notice-actions">
              <Button
                loading={commit.isPending}
                onClick={() => commit.mutate({ rows, dryRun: false })}
              >
                {t('adm.import.confirm', { count: f.integer(rows.length) })}
              </Button>
            </div>
          </div>
        )}
        {rows && report && !report.valid && (
          <div className="sk-stack">
            <div className="sk-alert sk-alert--error" role="alert">
              <p className="sk-alert__message">
                {t('adm.import.invalid', {
                  errors: f.integer(report.errors.length),
                  count: f.integer(rows.length),
                })}
              </p>
            </div>
            <div className="sk-table-wrap">
              <TableScroll label={t('adm.import.reportCaption')} style={{ maxHeight: '40vh' }}>
                <table className="sk-table sk-table--dense sk-table--stack">
                  <caption className="sk-visually-hidden">{t('adm.import.reportCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="adm-num">
                        {t('adm.import.row')}
                      </th>
                      <th scope="col">{t('adm.import.field')}</th>
                      <th scope="col">{t('adm.import.value')}</th>
                      <th scope="col">{t('adm.import.problem')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.errors.map((e) => {
                      // Errors name the sheet's own row numbers, which the rows carry.
                      const row = rows.find((r) => r.line === e.row);
                      const value = row ? cellOf(row, e.field) : '';
                      return (
                        <tr key={`${e.row}-${e.field}-${e.messages.en}`}>
                          <td className="adm-num">{f.integer(e.row)}</td>
                          <td>{fieldLabel(t, e.field)}</td>
                          <td>
                            <code className="sk-code">{value || '–'}</code>
                          </td>
                          <td>{e.messages[lang]}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableScroll>
            </div>
            <p className="sk-muted">{t('adm.import.rowHint')}</p>
          </div>
        )}
      </div>
    </Card>
  );
}

function cellOf(row: SchoolCsvRow, field: string): string {
  if (field === 'npsn') return row.npsn;
  if (field === 'name') return row.name;
  if (field === 'subdistrict') return row.subdistrict;
  return '';
}

function fieldLabel(t: ReturnType<typeof useT>, field: string): string {
  if (field === 'npsn') return t('sup.schools.npsn');
  if (field === 'name') return t('sup.schools.name');
  if (field === 'subdistrict') return t('sup.schools.subdistrict');
  return field;
}
