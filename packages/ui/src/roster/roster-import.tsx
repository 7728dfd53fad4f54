import { type RouterOutputs, useTRPC } from '@siklus/client';
import { useMutation } from '@tanstack/react-query';
import { type ChangeEvent, useState } from 'react';
import { ApiErrorMessage } from '../components/api-error';
import { Button } from '../components/button';
import { Card } from '../components/card';
import { useLocalized, useT } from '../i18n/i18n';
import { SheetFileField, sheetProblemPlace } from '../io/sheet-file-field';
import { readAsBase64 } from '../read-file';

type Preview = RouterOutputs['teachers']['previewImport'];

/** The server's limit (packages/api/src/io/read-sheet.ts), checked here first. */
const MAX_BYTES = 2 * 1024 * 1024;

/**
 * A roster from a spreadsheet, as the schools import does it: choose a CSV/XLSX, see each
 * row (new, already on the roster, or its problems by row and column), then add every new
 * teacher at once. The server reads the file again on confirm and refuses any problem.
 */
export function RosterImport({
  schoolId,
  onCancel,
  onDone,
}: {
  schoolId: string;
  onCancel: () => void;
  onDone: (added: number) => void;
}) {
  const t = useT();
  const localized = useLocalized();
  const trpc = useTRPC();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [clientError, setClientError] = useState<string | null>(null);
  const preview = useMutation(trpc.teachers.previewImport.mutationOptions());
  const confirm = useMutation(
    trpc.teachers.confirmImport.mutationOptions({ onSuccess: (r) => onDone(r.added) }),
  );

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    setClientError(null);
    setFile(null);
    preview.reset();
    confirm.reset();
    if (!chosen) return;
    if (!/\.(xlsx|csv)$/i.test(chosen.name)) {
      setClientError(t('roster.import.wrongType'));
      return;
    }
    if (chosen.size > MAX_BYTES) {
      setClientError(t('roster.import.tooLarge', { name: chosen.name }));
      return;
    }
    const base64 = await readAsBase64(chosen);
    setFile({ name: chosen.name, base64 });
    preview.mutate({ schoolId, fileName: chosen.name, contentBase64: base64 });
  }

  const p: Preview | undefined = preview.data;
  return (
    <Card title={t('roster.import.title')} description={t('roster.import.hint')}>
      <SheetFileField
        label={t('roster.import.choose')}
        onChoose={choose}
        disabled={preview.isPending || confirm.isPending}
        refused={clientError}
        apiError={preview.error}
      />
      {p && (
        <>
          <p>
            {t('roster.import.summary', {
              added: String(p.added),
              existing: String(p.rows.filter((r) => r.status === 'existing').length),
              problems: String(p.problems.length),
            })}
          </p>
          {p.problems.length > 0 && (
            <ul aria-label={t('roster.import.problems')}>
              {p.problems.map((x) => (
                <li key={`${x.row}:${x.column}:${x.code}`}>
                  <strong>{sheetProblemPlace(t, x)}</strong>: {localized(x.message)}
                </li>
              ))}
            </ul>
          )}
          {p.rows.length > 0 && (
            <div className="sk-table-wrap">
              <table className="sk-table">
                <caption className="sk-visually-hidden">{t('roster.import.rows')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('io.import.colRow')}</th>
                    <th scope="col">{t('sup.roster.name')}</th>
                    <th scope="col">{t('sup.roster.nip')}</th>
                    <th scope="col">{t('sup.roster.class')}</th>
                    <th scope="col">{t('roster.genderShort')}</th>
                    <th scope="col">{t('sup.roster.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.rows.map((r) => (
                    <tr
                      key={r.row}
                      className={r.status === 'problem' ? 'sk-io-row--problem' : undefined}
                    >
                      <td className="sk-num">{r.row}</td>
                      <td>{r.name}</td>
                      <td>{r.nip ?? '–'}</td>
                      <td>{r.className ?? '–'}</td>
                      <td>{r.gender ?? '–'}</td>
                      <td>
                        {r.status === 'existing'
                          ? t('roster.import.existing', { name: r.teacherName ?? '' })
                          : t(r.status === 'new' ? 'roster.import.new' : 'roster.import.problem')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <ApiErrorMessage error={confirm.error} />
      <div className="sk-row">
        <Button
          disabled={!p?.ok || !file}
          loading={confirm.isPending}
          onClick={() =>
            file && confirm.mutate({ schoolId, fileName: file.name, contentBase64: file.base64 })
          }
        >
          {t('roster.import.confirm', { n: String(p?.added ?? 0) })}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </Card>
  );
}
