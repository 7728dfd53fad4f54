import {
  describeCriteria,
  type TCriterion,
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

const KINDS: TCriterion['kind'][] = ['meanAtLeast', 'shareAtLeastBand', 'allAtLeastBand'];

function switchKind(c: TCriterion, kind: TCriterion['kind'], defaultBand: string): TCriterion {
  const band = 'band' in c ? c.band : defaultBand;
  if (kind === 'meanAtLeast') return { kind, value: 'value' in c ? c.value : '71' };
  if (kind === 'shareAtLeastBand')
    return { kind, percent: 'percent' in c ? c.percent : '80', band };
  return { kind, band };
}

/**
 * Success criteria as the domain knows them (mean at least X; at least P% of teachers at or
 * above band B; every teacher at or above band B), read back as one sentence.
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
                onChange={(e) =>
                  set(i, switchKind(c, e.target.value as TCriterion['kind'], defaultBand))
                }
              >
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`adm.criteria.kind.${k}`)}
                  </option>
                ))}
              </select>
              {c.kind === 'meanAtLeast' && (
                <span className="adm-criterion__fields">
                  <input
                    className="sk-input sk-input--sm adm-bound"
                    inputMode="decimal"
                    aria-label={t('adm.criteria.meanValue')}
                    value={shown(c.value)}
                    readOnly={readOnly}
                    aria-invalid={fieldErr('value') ? true : undefined}
                    aria-describedby={fieldErr('value') ? `${id}-${i}-value` : undefined}
                    onChange={(e) => set(i, { ...c, value: typed(e.target.value) })}
                  />
                  <FieldError id={`${id}-${i}-value`}>{fieldErr('value')}</FieldError>
                </span>
              )}
              {c.kind === 'shareAtLeastBand' && (
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
                  <span>{t('adm.criteria.percentOfTeachersAtLeast')}</span>
                  {bandSelect(i, c)}
                  <FieldError id={`${id}-${i}-percent`}>
                    {fieldErr('percent') ?? fieldErr('band')}
                  </FieldError>
                </span>
              )}
              {c.kind === 'allAtLeastBand' && (
                <span className="adm-criterion__fields">
                  {bandSelect(i, c)}
                  <FieldError>{fieldErr('band')}</FieldError>
                </span>
              )}
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
