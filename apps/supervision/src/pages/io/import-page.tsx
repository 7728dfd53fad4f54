import { type RouterOutputs, useTRPC } from '@siklus/client';
import {
  ApiErrorMessage,
  Button,
  Card,
  PageHeader,
  QueryState,
  readAsBase64,
  Select,
  SheetFileField,
  useFormat,
  useLocalized,
  useT,
} from '@siklus/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type ReactNode, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { exportUrls } from '../../export-urls';
import {
  ColumnsRead,
  type ImportAnswers,
  ImportProblems,
  ImportQuestions,
  NO_ANSWERS,
  ScaleUsed,
  sentAnswers,
} from './import-questions';

type Preview = RouterOutputs['io']['previewImport'];
type Cycle = RouterOutputs['cycles']['get'];

/**
 * The instrument the page imports (decision 022): `?instrument=n` when the study has it,
 * else the primary (0), so a link from an instrument's tab opens on that instrument.
 */
export function chosenInstrument(cycle: Pick<Cycle, 'instruments'>, asked: string | null): number {
  const n = Number(asked ?? 0);
  return cycle.instruments.some((i) => i.instrument === n) ? n : 0;
}

/** The server's limit (packages/api/src/io/read-sheet.ts); checked here first to save the upload. */
export const MAX_IMPORT_MB = 2;
const MAX_BYTES = MAX_IMPORT_MB * 1024 * 1024;
/** Rows drawn in the preview table; problems are always listed in full (up to the server's cap). */
const ROWS_SHOWN = 300;

const mb = (bytes: number, lang: 'id' | 'en') =>
  (bytes / (1024 * 1024)).toFixed(1).replace('.', lang === 'id' ? ',' : '.');

/** Why a chosen file is refused before it is sent (type, size), or null. */
export function sheetFileProblem(
  chosen: File,
  t: ReturnType<typeof useT>,
  lang: 'id' | 'en',
): string | null {
  if (!/\.(xlsx|csv)$/i.test(chosen.name)) return t('io.import.wrongType');
  if (chosen.size > MAX_BYTES) {
    return t('io.import.tooLarge', {
      name: chosen.name,
      size: mb(chosen.size, lang),
      max: String(MAX_IMPORT_MB),
    });
  }
  return null;
}

/**
 * What both import pages keep of the chosen sheet: the file as read, why it was refused
 * before the upload, and the principal's answers to the reading's questions. `take` starts
 * over with the file chosen in an input (`onReset` clears the page's mutations) and returns
 * it, or null when there is none or it is refused.
 */
export function useChosenSheet(onReset: () => void) {
  const t = useT();
  const f = useFormat();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [answers, setAnswers] = useState<ImportAnswers>(NO_ANSWERS);
  function take(event: ChangeEvent<HTMLInputElement>): File | null {
    const chosen = event.target.files?.[0];
    setRefused(null);
    setFile(null);
    setAnswers(NO_ANSWERS);
    onReset();
    if (!chosen) return null;
    const problem = sheetFileProblem(chosen, t, f.lang);
    if (problem) setRefused(problem);
    return problem ? null : chosen;
  }
  return { file, setFile, refused, answers, setAnswers, take };
}

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string; percent: number }
  | { kind: 'checking'; name: string };

/**
 * `/cycles/:cycleId/import` (principal): choose an XLSX/CSV, see how every row matched the
 * roster with its computed percentage and band and every problem by row and column, then
 * save all rows at once (one transaction on the server) and go back to the cycle.
 */
export function ImportPage() {
  const { cycleId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const t = useT();
  const localized = useLocalized();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const cycle = useQuery(trpc.cycles.get.queryOptions({ cycleId }));
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const preview = useMutation(trpc.io.previewImport.mutationOptions());
  const confirm = useMutation(trpc.io.confirmImport.mutationOptions());
  const { file, setFile, refused, answers, setAnswers, take } = useChosenSheet(() => {
    preview.reset();
    confirm.reset();
  });

  const instrument = cycle.data ? chosenInstrument(cycle.data, search.get('instrument')) : 0;
  /** The instrument field of the procedures' input: absent for the primary. */
  const scoredBy = (n: number) => (n === 0 ? {} : { instrument: n });

  /** Another instrument: the same file is read again with its rubric and bands. */
  function pick(next: number) {
    setSearch(next === 0 ? {} : { instrument: String(next) }, { replace: true });
    confirm.reset();
    if (!file) return;
    preview.mutate({
      cycleId,
      fileName: file.name,
      contentBase64: file.base64,
      ...scoredBy(next),
      ...sentAnswers(answers),
    });
  }

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = take(event);
    if (!chosen) return;
    setStage({ kind: 'reading', name: chosen.name, percent: 0 });
    try {
      const base64 = await readAsBase64(chosen, (percent) =>
        setStage({ kind: 'reading', name: chosen.name, percent }),
      );
      setFile({ name: chosen.name, base64 });
      setStage({ kind: 'checking', name: chosen.name });
      await preview.mutateAsync({
        cycleId,
        fileName: chosen.name,
        contentBase64: base64,
        ...scoredBy(instrument),
      });
    } catch {
      // The error is shown from the mutation's state.
    } finally {
      setStage({ kind: 'idle' });
    }
  }

  /** Reads the same file again with the principal's answers. */
  function answer(next: ImportAnswers) {
    if (!file) return;
    setAnswers(next);
    preview.mutate({
      cycleId,
      fileName: file.name,
      contentBase64: file.base64,
      ...scoredBy(instrument),
      ...sentAnswers(next),
    });
  }

  async function save(p: Preview) {
    if (!file) return;
    await confirm.mutateAsync({
      cycleId,
      version: p.cycle.version,
      fileName: file.name,
      contentBase64: file.base64,
      ...scoredBy(instrument),
      ...sentAnswers(answers),
    });
    await queryClient.invalidateQueries();
    navigate(`/cycles/${encodeURIComponent(cycleId)}`, {
      state: { notice: t('io.import.done', { n: String(p.rows.length) }) },
    });
  }

  const p = preview.data;
  const busy = stage.kind !== 'idle';

  return (
    <QueryState query={cycle} frame={titled(t('io.import.title'))}>
      {(c) => {
        const sheet = c.instruments.find((i) => i.instrument === instrument);
        const mode = sheet ? sheet.rubric.definition.mode : c.rubric.mode;
        return (
          <>
            <PageHeader
              eyebrow={
                <Link to={`/cycles/${encodeURIComponent(cycleId)}`}>{t('io.import.back')}</Link>
              }
              title={`${t('io.import.title')}: ${localized(c.label)}`}
              description={t('io.import.description')}
            />
            {!c.editable && (
              <p className="sk-alert sk-alert--info" role="status">
                {t('io.import.notEditable', { status: localized(c.statusLabel) })}
              </p>
            )}
            {c.instruments.length > 1 && (
              <Card>
                <Select
                  label={t('instruments.importPick')}
                  hint={t('instruments.importPickHint')}
                  value={String(instrument)}
                  onChange={(e) => pick(Number(e.target.value))}
                  disabled={busy || confirm.isPending}
                  options={c.instruments.map((i) => ({
                    value: String(i.instrument),
                    label: `${i.key}${i.instrument === 0 ? ` (${t('instruments.primary')})` : ''} · ${i.rubric.name}`,
                  }))}
                />
              </Card>
            )}
            <Card title={t('io.import.template')}>
              <p>
                {t('io.import.templateHint', {
                  mode: t(
                    mode === 'summary' ? 'io.import.modeSummary' : 'io.import.modeIndicators',
                  ),
                })}
              </p>
              <div className="sk-io-actions">
                <a
                  className="sk-btn sk-btn--secondary"
                  href={exportUrls.importTemplate(cycleId, 'xlsx', instrument)}
                  download
                >
                  {t('io.import.templateXlsx')}
                </a>
                <a
                  className="sk-btn sk-btn--ghost"
                  href={exportUrls.importTemplate(cycleId, 'csv', instrument)}
                  download
                >
                  {t('io.import.templateCsv')}
                </a>
              </div>
            </Card>

            <Card>
              <SheetFileField
                label={t('io.import.choose', { max: String(MAX_IMPORT_MB) })}
                inputRef={input}
                onChoose={choose}
                disabled={busy || confirm.isPending}
                refused={refused}
                apiError={preview.error}
              >
                {stage.kind === 'reading' && (
                  <div className="sk-io-progress" role="status">
                    <progress
                      max={100}
                      value={stage.percent}
                      aria-label={t('io.import.reading', { percent: String(stage.percent) })}
                    />
                    <span>{t('io.import.reading', { percent: String(stage.percent) })}</span>
                  </div>
                )}
                {stage.kind === 'checking' && (
                  <div className="sk-io-progress" role="status">
                    <progress aria-label={t('io.import.checking', { name: stage.name })} />
                    <span>{t('io.import.checking', { name: stage.name })}</span>
                  </div>
                )}
              </SheetFileField>
            </Card>

            {p && (
              <PreviewView
                preview={p}
                several={c.instruments.length > 1}
                editable={c.editable}
                saving={confirm.isPending}
                saveError={confirm.error}
                answers={answers}
                answering={preview.isPending}
                onAnswer={answer}
                onSave={() => void save(p).catch(() => undefined)}
                onAnother={() => {
                  preview.reset();
                  setFile(null);
                  if (input.current) {
                    input.current.value = '';
                    input.current.click();
                  }
                }}
              />
            )}
          </>
        );
      }}
    </QueryState>
  );
}

/** A page's title over its spinner or its error while the page's query loads. */
export const titled = (title: string) => (state: ReactNode) => (
  <>
    <PageHeader title={title} />
    {state}
  </>
);

function PreviewView({
  preview: p,
  several,
  editable,
  saving,
  saveError,
  answers,
  answering,
  onAnswer,
  onSave,
  onAnother,
}: {
  preview: Preview;
  /** The study has several instruments: the preview names the one that scored it. */
  several: boolean;
  editable: boolean;
  saving: boolean;
  saveError: unknown;
  answers: ImportAnswers;
  answering: boolean;
  onAnswer: (answers: ImportAnswers) => void;
  onSave: () => void;
  onAnother: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const problemRows = new Set(p.problems.flatMap((x) => (x.row === null ? [] : [x.row])));
  const canSave = p.ok && editable;
  // On another scale, the value as typed stands beside the percentage it became.
  const converted = p.scale.kind !== 'percent';
  return (
    <>
      <Card
        title={t('io.import.previewTitle', { name: p.fileName })}
        description={
          p.sheetName && p.headerRow
            ? t('io.import.previewSheet', { sheet: p.sheetName, row: String(p.headerRow) })
            : undefined
        }
      >
        <ImportQuestions
          key={`${answers.percentColumn}:${answers.teacherAnswers.length}:${answers.scale?.kind}`}
          questions={p.questions}
          answers={answers}
          busy={answering}
          onAnswer={onAnswer}
        />
        {several && <p>{t('instruments.importScored', { key: p.instrument.key })}</p>}
        <ColumnsRead columns={p.columns} />
        <ScaleUsed scale={p.scale} />
        <p>
          {t('io.import.summary', {
            ready: String(p.summary.n),
            rows: String(p.rows.length),
            mean: f.decimal(p.summary.mean),
            band: p.summary.meanBand ?? '–',
          })}
        </p>
        <ImportProblems problems={p.problems} problemCount={p.problemCount} />
        {p.unmatchedTeachers.length > 0 && p.rows.length > 0 && (
          <p className="sk-muted">
            {t('io.import.notInFile', {
              n: String(p.unmatchedTeachers.length),
              names: p.unmatchedTeachers
                .slice(0, 10)
                .map((u) => u.name)
                .join(', ')
                .concat(p.unmatchedTeachers.length > 10 ? ', …' : ''),
            })}
          </p>
        )}
        <div className="sk-io-actions">
          <Button onClick={onSave} disabled={!canSave} loading={saving}>
            {saving
              ? t('io.import.saving', { n: String(p.summary.n) })
              : p.ok
                ? t('io.import.confirm', { n: String(p.summary.n) })
                : t('io.import.confirmNotYet')}
          </Button>
          <Button variant="ghost" onClick={onAnother} disabled={saving}>
            {t('io.import.another')}
          </Button>
        </div>
        {!p.ok && <p className="sk-muted">{t('io.import.confirmBlocked')}</p>}
        <ApiErrorMessage error={saveError} />
      </Card>

      {p.rows.length > 0 && (
        <Card flush>
          <div className="sk-table-wrap">
            <table className="sk-table sk-io-preview">
              <thead>
                <tr>
                  <th scope="col">{t('io.import.colRow')}</th>
                  <th scope="col">{t('io.import.colName')}</th>
                  <th scope="col">{t('io.import.colTeacher')}</th>
                  {converted && (
                    <th scope="col" className="sk-num">
                      {t('scale.raw')}
                    </th>
                  )}
                  <th scope="col" className="sk-num">
                    {converted ? t('scale.converted') : t('io.import.colPercentage')}
                  </th>
                  <th scope="col">{t('io.import.colBand')}</th>
                </tr>
              </thead>
              <tbody>
                {p.rows.slice(0, ROWS_SHOWN).map((r) => (
                  <tr
                    key={r.row}
                    className={problemRows.has(r.row) ? 'sk-io-row--problem' : undefined}
                  >
                    <td className="sk-num">{r.row}</td>
                    <td>{r.name || r.nip}</td>
                    <td>
                      {r.teacherName ?? <em>{t('io.import.unmatched')}</em>}
                      {r.matchedBy === 'nip' && (
                        <span className="sk-muted"> · {t('io.import.byNip')}</span>
                      )}
                      {r.matchedBy === 'answer' && (
                        <span className="sk-muted"> · {t('io.read.byAnswer')}</span>
                      )}
                    </td>
                    {converted && <td className="sk-num">{r.values.percentage ?? ''}</td>}
                    <td className="sk-num">{f.decimal(r.percentage)}</td>
                    <td>{r.band ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </>
  );
}
