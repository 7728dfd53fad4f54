import { type RouterOutputs, useTRPC } from '@siklus/client';
import {
  ApiErrorMessage,
  Button,
  Card,
  PageHeader,
  QueryState,
  readAsBase64,
  SheetFileField,
  useFormat,
  useLocalized,
  useT,
} from '@siklus/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangeEvent } from 'react';
import { Link, useParams } from 'react-router';
import { MismatchList } from '../results/printed-check';
import { MAX_IMPORT_MB, titled, useChosenSheet } from './import-page';
import {
  type ImportAnswers,
  ImportProblems,
  ImportQuestions,
  ScaleUsed,
  sentAnswers,
} from './import-questions';

type Preview = RouterOutputs['io']['previewRecap'];
type Done = RouterOutputs['io']['confirmRecap'];

/**
 * `/studies/:studyId/recap` (principal): a recap sheet with one column per cycle into an
 * empty historical study. The preview names each cycle's column, every teacher's figure
 * per cycle (and the value as typed when it was on another scale), the computed mean and
 * the mean the sheet prints; confirm writes and submits every cycle at once (all or
 * nothing on the server) and shows each cycle's consistency check.
 */
export function RecapPage() {
  const { studyId = '' } = useParams();
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const study = useQuery(trpc.studies.get.queryOptions({ studyId }));
  const preview = useMutation(trpc.io.previewRecap.mutationOptions());
  const confirm = useMutation(
    trpc.io.confirmRecap.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }),
  );
  const { file, setFile, refused, answers, setAnswers, take } = useChosenSheet(() => {
    preview.reset();
    confirm.reset();
  });

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = take(event);
    if (!chosen) return;
    const base64 = await readAsBase64(chosen, () => undefined);
    setFile({ name: chosen.name, base64 });
    preview.mutate({ studyId, fileName: chosen.name, contentBase64: base64 });
  }

  function answer(next: ImportAnswers) {
    if (!file) return;
    setAnswers(next);
    preview.mutate({
      studyId,
      fileName: file.name,
      contentBase64: file.base64,
      ...sentAnswers(next),
    });
  }

  const studyHref = `/studies/${encodeURIComponent(studyId)}`;
  const p = preview.data;
  const { percentColumn: _c, ...answered } = sentAnswers(answers);
  return (
    <QueryState query={study} frame={titled(t('recap.title'))}>
      {(data) => (
        <>
          <PageHeader
            eyebrow={<Link to={studyHref}>{data.title}</Link>}
            title={t('recap.title')}
            description={t('recap.description')}
          />
          {confirm.data ? (
            <RecapDone done={confirm.data} studyHref={studyHref} />
          ) : (
            <>
              <Card>
                <p className="sk-muted">{t('recap.onlyEmpty')}</p>
                <SheetFileField
                  label={`${t('recap.file')} · ${t('io.import.choose', { max: String(MAX_IMPORT_MB) })}`}
                  onChoose={choose}
                  disabled={preview.isPending || confirm.isPending}
                  refused={refused}
                  apiError={preview.error}
                />
              </Card>
              {p && file && (
                <RecapPreview
                  preview={p}
                  answers={answers}
                  answering={preview.isPending}
                  onAnswer={answer}
                  saving={confirm.isPending}
                  saveError={confirm.error}
                  onSave={() =>
                    confirm.mutate({
                      studyId,
                      version: p.baseline.version,
                      fileName: file.name,
                      contentBase64: file.base64,
                      ...answered,
                    })
                  }
                />
              )}
            </>
          )}
        </>
      )}
    </QueryState>
  );
}

function RecapPreview({
  preview: p,
  answers,
  answering,
  onAnswer,
  saving,
  saveError,
  onSave,
}: {
  preview: Preview;
  answers: ImportAnswers;
  answering: boolean;
  onAnswer: (a: ImportAnswers) => void;
  saving: boolean;
  saveError: unknown;
  onSave: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const localized = useLocalized();
  const converted = p.scale.kind !== 'percent';
  // One line per teacher (the rows of the first cycle), each cycle's figure beside it.
  const first = p.cycles[0];
  const perRow = new Map(
    p.cycles.map((c) => [c.ordinal, new Map(c.rows.map((r) => [r.row, r]))] as const),
  );
  return (
    <Card title={t('io.import.previewTitle', { name: p.fileName })}>
      <ImportQuestions
        key={`${answers.teacherAnswers.length}:${answers.scale?.kind}`}
        questions={p.questions}
        answers={answers}
        busy={answering}
        onAnswer={onAnswer}
      />
      {p.cycles.length > 0 && (
        <section aria-labelledby="recap-columns" className="sk-io-columns">
          <h3 id="recap-columns">{t('io.read.title')}</h3>
          <ul>
            {p.cycles.map((c) => (
              <li key={c.ordinal}>
                {t('recap.cycleColumn', {
                  cycle: localized(c.label),
                  column: c.column,
                  header: c.header,
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <ScaleUsed scale={p.scale} />
      <ImportProblems problems={p.problems} problemCount={p.problemCount} />
      {first && first.rows.length > 0 && (
        <div className="sk-table-wrap">
          <table className="sk-table sk-io-preview">
            <caption className="sk-visually-hidden">{t('recap.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('recap.row')}</th>
                <th scope="col">{t('io.import.colName')}</th>
                <th scope="col">{t('io.import.colTeacher')}</th>
                {p.cycles.map((c) => (
                  <th key={c.ordinal} scope="col" className="sk-num">
                    {localized(c.label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {first.rows.map((r) => (
                <tr key={r.row}>
                  <td className="sk-num">{r.row}</td>
                  <td>{r.name || r.nip}</td>
                  <td>{r.teacherName ?? <em>{t('io.import.unmatched')}</em>}</td>
                  {p.cycles.map((c) => {
                    const cell = perRow.get(c.ordinal)?.get(r.row);
                    const percent = cell?.percentage ?? null;
                    return (
                      <td key={c.ordinal} className="sk-num">
                        {converted && percent !== null
                          ? t('scale.valueOn', {
                              value: cell?.values.percentage ?? '',
                              percent: f.decimal(percent),
                            })
                          : f.decimal(percent)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('recap.computedMean')}
                </th>
                {p.cycles.map((c) => (
                  <td key={c.ordinal} className="sk-num">
                    {f.decimal(c.summary.mean)} ({c.summary.meanBand ?? t('recap.none')})
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('recap.printedMean')}
                </th>
                {p.cycles.map((c) => (
                  <td key={c.ordinal} className="sk-num">
                    {c.printedMean?.typed ?? t('recap.none')}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('recap.printedBand')}
                </th>
                {p.cycles.map((c) => (
                  <td key={c.ordinal} className="sk-num">
                    {c.printedMeanBand ?? t('recap.none')}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <p className="sk-muted">{t('recap.figuresNote')}</p>
      {p.ok && first && (
        <p className="sk-alert sk-alert--info" role="status">
          {t('recap.ready', { cycles: String(p.cycles.length), rows: String(first.rows.length) })}
        </p>
      )}
      <div className="sk-io-actions">
        <Button onClick={onSave} disabled={!p.ok} loading={saving}>
          {p.ok
            ? t('recap.confirm', { cycles: String(p.cycles.length) })
            : t('io.import.confirmNotYet')}
        </Button>
      </div>
      <ApiErrorMessage error={saveError} />
    </Card>
  );
}

/** What was written: each cycle submitted, with its consistency check against the sheet. */
function RecapDone({ done, studyHref }: { done: Done; studyHref: string }) {
  const t = useT();
  const f = useFormat();
  const localized = useLocalized();
  return (
    <Card title={t('recap.done', { cycles: String(done.cycles.length) })}>
      <h3>{t('recap.checkTitle')}</h3>
      <ul className="sk-stack">
        {done.cycles.map((c) => (
          <li key={c.id}>
            <strong>{localized(c.label)}</strong>: n = {c.summary.n}, {t('recap.computedMean')}{' '}
            {f.decimal(c.summary.mean)} ({c.summary.meanBand ?? t('recap.none')})
            {c.mismatches.length > 0 ? (
              <MismatchList mismatches={c.mismatches} />
            ) : (
              <p className="sk-muted">
                {c.printed.mean === null && c.printed.meanBand === null
                  ? t('recap.noPrinted', { cycle: localized(c.label) })
                  : t('recap.consistent', { cycle: localized(c.label) })}
              </p>
            )}
          </li>
        ))}
      </ul>
      <Link className="sk-btn sk-btn--primary" to={studyHref}>
        {t('recap.openStudy')}
      </Link>
    </Card>
  );
}
