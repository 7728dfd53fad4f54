import type { RouterOutputs } from '@siklus/client';
import { describeScale, type TScoreScale } from '@siklus/domain';
import {
  Button,
  type MessageKey,
  sheetProblemPlace,
  TextField,
  useLocalized,
  useT,
} from '@siklus/ui';
import { useState } from 'react';
import { choiceOf, isScaleChoice, SCALE_CHOICES, type ScaleChoice, scaleOf } from './scale-choice';

type Preview = RouterOutputs['io']['previewImport'];
type Question = Preview['questions'][number];

/** The principal's answers, sent with the file on every preview and on confirm. */
export interface ImportAnswers {
  percentColumn: string | null;
  teacherAnswers: { row: number; teacherId: string }[];
  /** The scale the principal confirmed for the percentage column. */
  scale: TScoreScale | null;
}

export const NO_ANSWERS: ImportAnswers = { percentColumn: null, teacherAnswers: [], scale: null };

/** Only the answers given travel with the file (the single import and the recap alike). */
export const sentAnswers = (a: ImportAnswers) => ({
  ...(a.percentColumn ? { percentColumn: a.percentColumn } : {}),
  ...(a.teacherAnswers.length > 0 ? { teacherAnswers: a.teacherAnswers } : {}),
  ...(a.scale ? { scale: a.scale } : {}),
});

/** "Read as a mean on a 1-5 scale": what the preview's percentages were converted from. */
export function ScaleUsed({ scale }: { scale: TScoreScale }) {
  const t = useT();
  const localized = useLocalized();
  if (scale.kind === 'percent') return null;
  return <p className="sk-muted">{t('scale.used', { scale: localized(describeScale(scale)) })}</p>;
}

const FIELD_KEYS = {
  name: 'io.read.field.name',
  nip: 'io.read.field.nip',
  percentage: 'io.read.field.percentage',
} as const satisfies Record<string, MessageKey>;

const isField = (key: string): key is keyof typeof FIELD_KEYS => key in FIELD_KEYS;

/**
 * What the import read, field by field: "Persentase ← kolom D 'Persentase (%)'", so no
 * figure is stored from a column the principal did not see named.
 */
export function ColumnsRead({ columns }: { columns: Preview['columns'] }) {
  const t = useT();
  if (columns.length === 0) return null;
  return (
    <section aria-labelledby="io-columns-read" className="sk-io-columns">
      <h3 id="io-columns-read">{t('io.read.title')}</h3>
      <ul>
        {columns.map((c) => (
          <li key={c.key}>
            {t('io.read.column', {
              field: isField(c.key)
                ? t(FIELD_KEYS[c.key])
                : t('io.read.field.indicator', { key: c.key }),
              column: c.column,
              header: c.header,
            })}{' '}
            {c.chosen === 'picked' && <span className="sk-muted">{t('io.read.picked')}</span>}
            {c.chosen === 'remembered' && (
              <span className="sk-muted">{t('io.read.remembered')}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The preview's questions: which column is the percentage (asked before any row is read),
 * and who a close name is. Answering reads the file again with the answers.
 */
export function ImportQuestions({
  questions,
  answers,
  busy,
  onAnswer,
}: {
  questions: Question[];
  answers: ImportAnswers;
  busy: boolean;
  onAnswer: (answers: ImportAnswers) => void;
}) {
  const t = useT();
  const localized = useLocalized();
  const column = questions.find((q) => q.kind === 'column');
  const scaleQuestion = questions.find((q) => q.kind === 'scale');
  const teachers = questions.filter((q) => q.kind === 'teacher');
  const [picked, setPicked] = useState('');
  const [who, setWho] = useState<Record<number, string>>({});
  const suggested = scaleQuestion?.suggested ?? null;
  const [scaleChoice, setScaleChoice] = useState<ScaleChoice | ''>(choiceOf(suggested));
  const [total, setTotal] = useState(suggested?.kind === 'total' ? String(suggested.max) : '');
  const chosenScale = scaleOf(scaleChoice, total);
  if (questions.length === 0) return null;
  return (
    <section aria-labelledby="io-questions" className="sk-alert sk-alert--info">
      <h3 id="io-questions">{t('io.read.questionsTitle', { n: String(questions.length) })}</h3>
      <p className="sk-muted">{t('io.read.questionsHint')}</p>
      {column && (
        <form
          className="sk-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (picked) onAnswer({ ...answers, percentColumn: picked });
          }}
        >
          <p>{localized(column.message)}</p>
          <label className="sk-field">
            <span className="sk-field__label">{t('io.read.pickColumn')}</span>
            <select className="sk-input" value={picked} onChange={(e) => setPicked(e.target.value)}>
              <option value="">{t('io.read.pickPlaceholder')}</option>
              {column.options.map((o) => (
                <option key={o.column} value={o.column}>
                  {t('io.read.option', { column: o.column, header: o.header })}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" disabled={!picked} loading={busy}>
            {t('io.read.readColumn')}
          </Button>
        </form>
      )}
      {scaleQuestion && (
        <form
          className="sk-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (chosenScale) onAnswer({ ...answers, scale: chosenScale });
          }}
        >
          <p>{localized(scaleQuestion.message)}</p>
          <label className="sk-field">
            <span className="sk-field__label">
              {t('scale.title', { column: scaleQuestion.column, header: scaleQuestion.header })}
            </span>
            <select
              className="sk-input"
              value={scaleChoice}
              onChange={(e) => setScaleChoice(isScaleChoice(e.target.value) ? e.target.value : '')}
            >
              <option value="">{t('scale.pick')}</option>
              {SCALE_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {t(c.label)}
                  {c.value === choiceOf(suggested) ? ` ${t('scale.suggested')}` : ''}
                </option>
              ))}
            </select>
          </label>
          {scaleChoice === 'total' && (
            <TextField
              label={t('scale.totalMax')}
              inputMode="numeric"
              value={total}
              onChange={(e) => setTotal(e.target.value.replace(/\D/g, ''))}
            />
          )}
          <p className="sk-muted">{t('scale.rule')}</p>
          <Button type="submit" disabled={!chosenScale} loading={busy}>
            {t('scale.apply')}
          </Button>
        </form>
      )}
      {teachers.length > 0 && (
        <form
          className="sk-form"
          onSubmit={(e) => {
            e.preventDefault();
            const given = Object.entries(who)
              .filter(([, id]) => id !== '')
              .map(([row, teacherId]) => ({ row: Number(row), teacherId }));
            const kept = answers.teacherAnswers.filter((a) => !(a.row in who));
            onAnswer({ ...answers, teacherAnswers: [...kept, ...given] });
          }}
        >
          {teachers.map((q) => (
            <label key={q.row} className="sk-field">
              <span className="sk-field__label">{localized(q.message)}</span>
              <select
                className="sk-input"
                aria-label={t('io.read.whichTeacher', { row: String(q.row) })}
                value={who[q.row] ?? ''}
                onChange={(e) => setWho((w) => ({ ...w, [q.row]: e.target.value }))}
              >
                <option value="">{t('io.read.notThese')}</option>
                {q.candidates.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <Button type="submit" loading={busy}>
            {t('io.read.answer')}
          </Button>
        </form>
      )}
    </section>
  );
}

/**
 * Every problem of a file by the spreadsheet's own row and column ("Baris 3, kolom C
 * (Persentase)"), or that there is none: the observation import and the recap alike.
 */
export function ImportProblems({
  problems,
  problemCount,
}: {
  problems: Preview['problems'];
  problemCount: number;
}) {
  const t = useT();
  const localized = useLocalized();
  if (problemCount === 0) {
    return (
      <p className="sk-alert sk-alert--info" role="status">
        {t('io.import.noProblems')}
      </p>
    );
  }
  return (
    <section aria-labelledby="io-problems" className="sk-io-problems">
      <h3 id="io-problems">{t('io.import.problemsTitle', { n: String(problemCount) })}</h3>
      {problems.length < problemCount && (
        <p>
          {t('io.import.problemsMore', {
            shown: String(problems.length),
            n: String(problemCount),
          })}
        </p>
      )}
      <ul>
        {problems.map((x) => (
          <li key={`${x.row}:${x.column}:${x.header}:${x.code}:${x.message.en}`}>
            <strong>{sheetProblemPlace(t, x)}</strong>: {localized(x.message)}
          </li>
        ))}
      </ul>
    </section>
  );
}
