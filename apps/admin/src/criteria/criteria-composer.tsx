import {
  COMPARISONS,
  CRITERION_KINDS,
  describeCriteria,
  type TCriterion,
  type TCriterionKind,
  type TSuccessCriteria,
  ZSuccessCriteria,
} from '@siklus/domain';
import {
  Button,
  type DraftFormHandle,
  FieldError,
  type Path,
  type ServerIssue,
  useDraftForm,
  useFieldArray,
  useT,
} from '@siklus/ui';
import { type Ref, useId } from 'react';

export interface CriteriaComposerProps {
  value: TSuccessCriteria;
  onChange: (next: TSuccessCriteria) => void;
  /** The labels of the band set the criteria will be judged with, lowest first. */
  bandLabels: string[];
  readOnly?: boolean;
  serverError?: ServerIssue;
  /** The page's save checks the clauses here and focuses the first problem. */
  handle?: Ref<DraftFormHandle>;
}

const KINDS = CRITERION_KINDS;

/** Another kind for clause `c`, keeping its comparison and whatever figures carry over. */
function switchKind(c: TCriterion, kind: TCriterionKind, defaultBand: string): TCriterion {
  const { op } = c;
  const threshold = 'value' in c ? c.value : undefined;
  const percent = 'percent' in c ? c.percent : '80';
  if (kind === 'mean') return { kind, op, value: threshold ?? '71' };
  if (kind === 'indicatorMean') return { kind, op, value: threshold ?? '75' };
  if (kind === 'bandShare') return { kind, op, percent, band: 'band' in c ? c.band : defaultBand };
  return { kind, op, percent, kkm: '78' };
}

/**
 * Success criteria as papers state them (decision 017): clauses combined with AND, each a
 * kind (cycle mean, share of teachers in a band, share reaching the pass mark, every
 * indicator's mean), a comparison (minimal ≥ / lebih dari >) and a threshold, with a band
 * or a KKM where the kind names one; read back as one sentence. A draft form over the
 * domain's schema (`useDraftForm`): a field speaks up once typed in or left, every field
 * at the page's save, so a clause just added is not red before anyone touched it.
 */
export function CriteriaComposer({
  value,
  onChange,
  bandLabels,
  readOnly = false,
  serverError,
  handle,
}: CriteriaComposerProps) {
  const t = useT();
  const id = useId();
  const { form, lang, box, changed, edit, blur, err, listErr } = useDraftForm({
    schema: ZSuccessCriteria,
    value,
    onChange,
    serverError,
    handle,
  });
  const rows = useFieldArray({ control: form.control, name: 'criteria' });
  const current = form.watch();
  const parsed = ZSuccessCriteria.safeParse(current);
  const sentence = parsed.success ? describeCriteria(parsed.data, lang) : null;
  const defaultBand = bandLabels.at(-2) ?? bandLabels.at(-1) ?? '';
  /** Clause `i` becomes `c`, for an edit of its `field`. */
  const set = (i: number, c: TCriterion, field: Path<TSuccessCriteria>) =>
    edit(`criteria.${i}`, c, field);
  /** Indonesian writes the decimal comma. */
  const shown = (n: string) => (lang === 'id' ? n.replace('.', ',') : n);
  const typed = (n: string) => n.replace(',', '.');
  // The band of a criterion that names one; a band no longer in the set stays selectable.
  const bandSelect = (i: number, c: Extract<TCriterion, { band: string }>) => (
    <select
      className="sk-input sk-input--sm"
      aria-label={t('adm.criteria.band')}
      value={c.band}
      disabled={readOnly}
      onBlur={blur(`criteria.${i}.band`)}
      onChange={(e) => set(i, { ...c, band: e.target.value }, `criteria.${i}.band`)}
    >
      {(bandLabels.includes(c.band) || !c.band ? bandLabels : [c.band, ...bandLabels]).map((b) => (
        <option key={b} value={b}>
          {b}
        </option>
      ))}
    </select>
  );
  /** A figure of clause `i` as typed (a decimal comma or point), with its message. */
  const figure = (
    i: number,
    field: 'value' | 'percent' | 'kkm',
    text: string,
    label: string,
    onText: (typedText: string) => TCriterion,
    describedBy: string,
  ) => {
    const problem = err(`criteria.${i}.${field}`);
    return (
      <input
        className="sk-input sk-input--sm adm-bound"
        inputMode="decimal"
        aria-label={label}
        value={shown(text)}
        readOnly={readOnly}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? describedBy : undefined}
        onBlur={blur(`criteria.${i}.${field}`)}
        onChange={(e) => set(i, onText(typed(e.target.value)), `criteria.${i}.${field}`)}
      />
    );
  };

  return (
    <div className="adm-criteria" ref={box}>
      <FieldError>{listErr('criteria')}</FieldError>
      <ol className="adm-criteria__list">
        {rows.fields.map((row, i) => {
          const c = current.criteria[i];
          if (!c) return null;
          const instrumentErr = err(`criteria.${i}.instrument`);
          return (
            <li key={row.id} className="adm-criterion">
              <select
                className="sk-input sk-input--sm"
                aria-label={t('adm.criteria.kindOf', { n: i + 1 })}
                value={c.kind}
                disabled={readOnly}
                onBlur={blur(`criteria.${i}.kind`)}
                onChange={(e) => {
                  const kind = KINDS.find((k) => k === e.target.value);
                  if (kind) set(i, switchKind(c, kind, defaultBand), `criteria.${i}.kind`);
                }}
              >
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`adm.criteria.kind.${k}`)}
                  </option>
                ))}
              </select>
              <select
                className="sk-input sk-input--sm"
                aria-label={t('adm.criteria.opOf', { n: i + 1 })}
                value={c.op}
                disabled={readOnly}
                onBlur={blur(`criteria.${i}.op`)}
                onChange={(e) => {
                  const op = COMPARISONS.find((o) => o === e.target.value);
                  if (op) set(i, { ...c, op }, `criteria.${i}.op`);
                }}
              >
                {COMPARISONS.map((op) => (
                  <option key={op} value={op}>
                    {t(`adm.criteria.op.${op}`)}
                  </option>
                ))}
              </select>
              {(c.kind === 'mean' || c.kind === 'indicatorMean') && (
                <span className="adm-criterion__fields">
                  {figure(
                    i,
                    'value',
                    c.value,
                    t(c.kind === 'mean' ? 'adm.criteria.meanValue' : 'adm.criteria.indicatorValue'),
                    (v) => ({ ...c, value: v }),
                    `${id}-${i}-value`,
                  )}
                  <FieldError id={`${id}-${i}-value`}>{err(`criteria.${i}.value`)}</FieldError>
                </span>
              )}
              {(c.kind === 'bandShare' || c.kind === 'passShare') && (
                <span className="adm-criterion__fields">
                  {figure(
                    i,
                    'percent',
                    c.percent,
                    t('adm.criteria.percent'),
                    (v) => ({ ...c, percent: v }),
                    `${id}-${i}-percent`,
                  )}
                  {c.kind === 'bandShare' ? (
                    <>
                      <span>{t('adm.criteria.percentOfTeachersAtLeast')}</span>
                      {bandSelect(i, c)}
                    </>
                  ) : (
                    <>
                      <span>{t('adm.criteria.percentReaching')}</span>
                      {figure(
                        i,
                        'kkm',
                        c.kkm,
                        t('adm.criteria.kkm'),
                        (v) => ({ ...c, kkm: v }),
                        `${id}-${i}-percent`,
                      )}
                    </>
                  )}
                  <FieldError id={`${id}-${i}-percent`}>
                    {err(`criteria.${i}.percent`) ??
                      err(`criteria.${i}.band`) ??
                      err(`criteria.${i}.kkm`)}
                  </FieldError>
                </span>
              )}
              {/* The instrument the clause is judged on (decision 022); empty: the primary. */}
              <span className="adm-criterion__fields">
                <input
                  className="sk-input sk-input--sm"
                  aria-label={t('adm.criteria.instrument')}
                  placeholder={t('adm.criteria.instrument')}
                  value={c.instrument ?? ''}
                  readOnly={readOnly}
                  aria-invalid={instrumentErr ? true : undefined}
                  aria-describedby={instrumentErr ? `${id}-${i}-instrument` : undefined}
                  onBlur={blur(`criteria.${i}.instrument`)}
                  onChange={(e) =>
                    set(
                      i,
                      { ...c, instrument: e.target.value.trim() || undefined },
                      `criteria.${i}.instrument`,
                    )
                  }
                />
                <FieldError id={`${id}-${i}-instrument`}>{instrumentErr}</FieldError>
              </span>
              {!readOnly && (
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={t('adm.criteria.removeOf', { n: i + 1 })}
                  onClick={() => {
                    rows.remove(i);
                    form.clearErrors();
                    changed();
                  }}
                >
                  ✕
                </Button>
              )}
            </li>
          );
        })}
      </ol>
      {!readOnly && (
        <div>
          <Button
            variant="secondary"
            size="sm"
            disabled={rows.fields.length >= 10}
            onClick={() => {
              // A new clause is quiet until it is touched or the page saves.
              rows.append(
                rows.fields.length === 0
                  ? { kind: 'mean', op: '>=', value: '71' }
                  : { kind: 'bandShare', op: '>=', percent: '80', band: defaultBand },
                { shouldFocus: false },
              );
              changed();
            }}
          >
            {t('adm.criteria.add')}
          </Button>
        </div>
      )}
      <div className="adm-sentence" role="status" aria-live="polite">
        <span className="adm-sentence__label">{t('adm.criteria.readBack')}</span>
        <p data-testid="criteria-sentence">{sentence ?? t('adm.criteria.fixFirst')}</p>
      </div>
    </div>
  );
}
