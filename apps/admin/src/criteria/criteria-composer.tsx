import {
  COMPARISONS,
  CRITERION_KINDS,
  describeCriteria,
  type TComparison,
  type TCriterion,
  type TCriterionKind,
  type TSuccessCriteria,
  ZSuccessCriteria,
} from '@siklus/domain';
import { Button, FieldError, issuesOf, type ServerIssue, useT } from '@siklus/ui';
import { useId, useMemo } from 'react';
import { useDraftMessages } from '../components/draft-messages';

export interface CriteriaComposerProps {
  value: TSuccessCriteria;
  onChange: (next: TSuccessCriteria) => void;
  /** The labels of the band set the criteria will be judged with, lowest first. */
  bandLabels: string[];
  readOnly?: boolean;
  serverError?: ServerIssue;
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

function isKind(v: string): v is TCriterionKind {
  return (CRITERION_KINDS as readonly string[]).includes(v);
}
function isComparison(v: string): v is TComparison {
  return (COMPARISONS as readonly string[]).includes(v);
}

/**
 * Success criteria as papers state them (decision 017): clauses combined with AND, each a
 * kind (cycle mean, share of teachers in a band, share reaching the pass mark, every
 * indicator's mean), a comparison (minimal ≥ / lebih dari >) and a threshold, with a band
 * or a KKM where the kind names one; read back as one sentence.
 */
export function CriteriaComposer({
  value,
  onChange,
  bandLabels,
  readOnly = false,
  serverError,
}: CriteriaComposerProps) {
  const t = useT();
  const id = useId();
  const issues = useMemo(() => issuesOf(ZSuccessCriteria, value), [value]);
  const { lang, err, shown } = useDraftMessages(issues, serverError);
  const defaultBand = bandLabels.at(-2) ?? bandLabels.at(-1) ?? '';
  const sentence = issues.size === 0 ? describeCriteria(value, lang) : null;
  const set = (i: number, c: TCriterion) =>
    onChange({ criteria: value.criteria.map((x, k) => (k === i ? c : x)) });
  const typed = (n: string) => n.replace(',', '.');
  // The band of a criterion that names one; a band no longer in the set stays selectable.
  const bandSelect = (i: number, c: Extract<TCriterion, { band: string }>) => (
    <select
      className="sk-input sk-input--sm"
      aria-label={t('adm.criteria.band')}
      value={c.band}
      disabled={readOnly}
      onChange={(e) => set(i, { ...c, band: e.target.value })}
    >
      {(bandLabels.includes(c.band) || !c.band ? bandLabels : [c.band, ...bandLabels]).map((b) => (
        <option key={b} value={b}>
          {b}
        </option>
      ))}
    </select>
  );

  return (
    <div className="adm-criteria">
      <FieldError>{err('criteria')}</FieldError>
      <ol className="adm-criteria__list">
        {value.criteria.map((c, i) => {
          const path = `criteria.${i}`;
          const fieldErr = (k: string) => err(`${path}.${k}`);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: criteria have no identity but their position.
            <li key={i} className="adm-criterion">
              <select
                className="sk-input sk-input--sm"
                aria-label={t('adm.criteria.kindOf', { n: i + 1 })}
                value={c.kind}
                disabled={readOnly}
                onChange={(e) => {
                  const kind = e.target.value;
                  if (isKind(kind)) set(i, switchKind(c, kind, defaultBand));
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
                onChange={(e) => {
                  const op = e.target.value;
                  if (isComparison(op)) set(i, { ...c, op });
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
                  <input
                    className="sk-input sk-input--sm adm-bound"
                    inputMode="decimal"
                    aria-label={t(
                      c.kind === 'mean' ? 'adm.criteria.meanValue' : 'adm.criteria.indicatorValue',
                    )}
                    value={shown(c.value)}
                    readOnly={readOnly}
                    aria-invalid={fieldErr('value') ? true : undefined}
                    aria-describedby={fieldErr('value') ? `${id}-${i}-value` : undefined}
                    onChange={(e) => set(i, { ...c, value: typed(e.target.value) })}
                  />
                  <FieldError id={`${id}-${i}-value`}>{fieldErr('value')}</FieldError>
                </span>
              )}
              {(c.kind === 'bandShare' || c.kind === 'passShare') && (
                <span className="adm-criterion__fields">
                  <input
                    className="sk-input sk-input--sm adm-bound"
                    inputMode="decimal"
                    aria-label={t('adm.criteria.percent')}
                    value={shown(c.percent)}
                    readOnly={readOnly}
                    aria-invalid={fieldErr('percent') ? true : undefined}
                    aria-describedby={fieldErr('percent') ? `${id}-${i}-percent` : undefined}
                    onChange={(e) => set(i, { ...c, percent: typed(e.target.value) })}
                  />
                  {c.kind === 'bandShare' ? (
                    <>
                      <span>{t('adm.criteria.percentOfTeachersAtLeast')}</span>
                      {bandSelect(i, c)}
                    </>
                  ) : (
                    <>
                      <span>{t('adm.criteria.percentReaching')}</span>
                      <input
                        className="sk-input sk-input--sm adm-bound"
                        inputMode="decimal"
                        aria-label={t('adm.criteria.kkm')}
                        value={shown(c.kkm)}
                        readOnly={readOnly}
                        aria-invalid={fieldErr('kkm') ? true : undefined}
                        aria-describedby={fieldErr('kkm') ? `${id}-${i}-percent` : undefined}
                        onChange={(e) => set(i, { ...c, kkm: typed(e.target.value) })}
                      />
                    </>
                  )}
                  <FieldError id={`${id}-${i}-percent`}>
                    {fieldErr('percent') ?? fieldErr('band') ?? fieldErr('kkm')}
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
                  aria-invalid={fieldErr('instrument') ? true : undefined}
                  aria-describedby={fieldErr('instrument') ? `${id}-${i}-instrument` : undefined}
                  onChange={(e) => set(i, { ...c, instrument: e.target.value.trim() || undefined })}
                />
                <FieldError id={`${id}-${i}-instrument`}>{fieldErr('instrument')}</FieldError>
              </span>
              {!readOnly && (
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={t('adm.criteria.removeOf', { n: i + 1 })}
                  onClick={() => onChange({ criteria: value.criteria.filter((_, k) => k !== i) })}
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
            disabled={value.criteria.length >= 10}
            onClick={() =>
              onChange({
                criteria: [
                  ...value.criteria,
                  value.criteria.length === 0
                    ? { kind: 'mean', op: '>=', value: '71' }
                    : { kind: 'bandShare', op: '>=', percent: '80', band: defaultBand },
                ],
              })
            }
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
