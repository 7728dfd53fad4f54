import {
  classify,
  isAppError,
  listIndicators,
  percentageOnScale,
  scoreObservation,
  scoreProgress,
  sharedScaleMax,
  type TBandSet,
  type TRubricDefinition,
} from '@siklus/domain';
import { type Ref, useId, useImperativeHandle, useMemo, useRef } from 'react';
import { BandBadge } from './components/badges';
import { cx } from './components/cx';
import { formatDecimal, formatPercent, formatScore } from './i18n/format';
import { type Lang, type TFunction, useLang, useT } from './i18n/i18n';

export type RubricScores = Record<string, number | 'na'>;

export interface RubricSheetProps {
  /** The rubric version's definition (indicators mode; a summary rubric shows a note). */
  definition: TRubricDefinition;
  /** Score per indicator key; a missing key is not scored yet. */
  scores: RubricScores;
  /** Called with the whole new score set when a level is picked. */
  onChange?: (scores: RubricScores) => void;
  /** Show the chosen levels without letting them change (also when `onChange` is absent). */
  readOnly?: boolean;
  /** Classify the percentage with this band set. */
  bandSet?: TBandSet;
  /** Offer "n/a" (not observed) per indicator; it leaves the indicator out of both sums. */
  allowNa?: boolean;
  /** Accessible name of the whole sheet. */
  label?: string;
  /**
   * Mark every indicator still without a score (after a save was refused for it): each is
   * outlined and says so, and the mark leaves an indicator as soon as it is scored.
   */
  showMissing?: boolean;
  /** `focusFirstMissing()`: scroll to the first unscored indicator and focus its first level. */
  ref?: Ref<RubricSheetHandle>;
}

export interface RubricSheetHandle {
  /** Scrolls to and focuses the first indicator without a score; false when there is none. */
  focusFirstMissing: () => boolean;
}

/**
 * "Indikator 9 dan 12 belum diisi." with the numbers the sheet shows (never the internal
 * keys), joined the way the language joins a list.
 */
export function missingIndicatorsMessage(numbers: readonly number[], lang: Lang, t: TFunction) {
  const list = new Intl.ListFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    type: 'conjunction',
  }).format(numbers.map(String));
  return t('sheet.missing', { count: numbers.length, numbers: list });
}

/**
 * The observation sheet (lembar observasi) as principals fill it in: aspects, indicators,
 * each level with its label and descriptor, and the live result under it, computed with the
 * domain's `scoreObservation` (skor perolehan / skor maksimal x 100) and `classify`, so the
 * figure shown is the one the server will store.
 */
export function RubricSheet({
  definition,
  scores,
  onChange,
  readOnly = false,
  bandSet,
  allowNa = true,
  label,
  showMissing = false,
  ref,
}: RubricSheetProps) {
  const t = useT();
  const { lang } = useLang();
  const editable = !readOnly && !!onChange;
  const sheetId = useId();
  const indicators = useMemo(() => listIndicators(definition), [definition]);
  const scaleMax = useMemo(() => sharedScaleMax(definition), [definition]);
  const progress = useMemo(() => scoreProgress(definition, scores), [definition, scores]);
  const missingKeys = useMemo(
    () => new Set(progress.missing.map((m) => m.key)),
    [progress.missing],
  );
  const sheetRef = useRef<HTMLElement>(null);
  useImperativeHandle(
    ref,
    () => ({
      focusFirstMissing: () => {
        const number = progress.missing[0]?.number;
        const first =
          number === undefined
            ? null
            : sheetRef.current?.querySelector<HTMLElement>(
                `.sk-sheet__fieldset[data-number="${number}"] input`,
              );
        if (!first) return false;
        first.closest('li')?.scrollIntoView?.({ behavior: 'smooth', block: 'center' });
        first.focus({ preventScroll: true });
        return true;
      },
    }),
    [progress.missing],
  );
  const result = useMemo(() => {
    if (definition.mode !== 'indicators') return null;
    const missing = indicators.filter((i) => scores[i.key] === undefined).length;
    if (missing > 0) return { kind: 'incomplete' as const, missing };
    try {
      const score = scoreObservation(definition, { kind: 'indicators', scores });
      let band: { label: string; index: number } | null = null;
      if (bandSet) {
        try {
          band = classify(bandSet, score.percentage);
        } catch {
          band = null;
        }
      }
      return { kind: 'scored' as const, ...score, band };
    } catch (error) {
      return {
        kind: 'error' as const,
        message: isAppError(error) ? error.messages[lang] : t('sheet.invalid'),
      };
    }
  }, [definition, indicators, scores, bandSet, lang, t]);

  if (definition.mode !== 'indicators') {
    return <p className="sk-sheet__note">{t('sheet.summaryMode')}</p>;
  }

  const pick = (key: string, value: number | 'na') => {
    if (editable) onChange?.({ ...scores, [key]: value });
  };
  let number = 0;
  return (
    <section className="sk-sheet" aria-label={label ?? t('sheet.title')} ref={sheetRef}>
      {definition.aspects.map((aspect, a) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a draft being edited may repeat a key; position is identity here.
        <section key={a} className="sk-sheet__aspect">
          <h3 className="sk-sheet__aspect-title">
            <span className="sk-sheet__key">{aspect.key}</span> {aspect.title}
          </h3>
          <ol className="sk-list-plain">
            {aspect.indicators.map((indicator, i) => {
              number += 1;
              const current = scores[indicator.key];
              const name = `${sheetId}-${a}-${i}`;
              const levels = [...indicator.scale.levels].sort((a, b) => a.value - b.value);
              const flagged = showMissing && editable && missingKeys.has(indicator.key);
              const flagId = `${name}-missing`;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: as above.
                <li key={i} className="sk-sheet__indicator">
                  <fieldset
                    className={cx('sk-sheet__fieldset', flagged && 'sk-sheet__fieldset--missing')}
                    aria-label={`${number}. ${indicator.text}`}
                    aria-describedby={flagged ? flagId : undefined}
                    aria-invalid={flagged || undefined}
                    data-number={number}
                    disabled={!editable}
                  >
                    <legend className="sk-sheet__indicator-text">
                      <span className="sk-sheet__number">{number}.</span> {indicator.text}
                      {indicator.weight !== undefined && indicator.weight !== 1 && (
                        <span className="sk-sheet__weight">
                          {t('sheet.weight', {
                            weight: formatDecimal(String(indicator.weight), lang),
                          })}
                        </span>
                      )}
                    </legend>
                    {flagged && (
                      <p id={flagId} className="sk-sheet__missing">
                        {t('sheet.missingOne', { number })}
                      </p>
                    )}
                    <div className="sk-sheet__levels">
                      {levels.map((level) => {
                        const checked = current === level.value;
                        return (
                          <label
                            key={level.value}
                            className={cx('sk-sheet__level', checked && 'sk-sheet__level--checked')}
                          >
                            <input
                              type="radio"
                              name={name}
                              value={level.value}
                              checked={checked}
                              disabled={!editable}
                              onChange={() => pick(indicator.key, level.value)}
                            />
                            <span className="sk-sheet__level-head">
                              <span className="sk-sheet__level-value">{level.value}</span>
                              <span className="sk-sheet__level-label">{level.label}</span>
                            </span>
                            {level.descriptor && (
                              <span className="sk-sheet__descriptor">{level.descriptor}</span>
                            )}
                          </label>
                        );
                      })}
                      {allowNa && (
                        <label
                          className={cx(
                            'sk-sheet__level',
                            'sk-sheet__level--na',
                            current === 'na' && 'sk-sheet__level--checked',
                          )}
                        >
                          <input
                            type="radio"
                            name={name}
                            value="na"
                            checked={current === 'na'}
                            disabled={!editable}
                            onChange={() => pick(indicator.key, 'na')}
                          />
                          <span className="sk-sheet__level-head">
                            <span className="sk-sheet__level-label">{t('sheet.na')}</span>
                          </span>
                        </label>
                      )}
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
      <div className="sk-sheet__result" role="status" aria-live="polite">
        {result?.kind === 'scored' ? (
          <>
            <span className="sk-sheet__result-label">{t('sheet.percentage')}</span>
            <span className="sk-sheet__result-value" data-testid="sheet-percentage">
              {formatDecimal(result.percentage, lang)}
            </span>
            {result.band && (
              <BandBadge
                label={result.band.label}
                index={result.band.index}
                total={bandSet?.bands.length ?? 4}
              />
            )}
            {scaleMax !== null && (
              // The same figure as the sheet's mean on its scale: "= 3,80 dari 5".
              <span className="sk-sheet__result-detail" data-testid="sheet-on-scale">
                {t('sheet.onScale', {
                  value: formatDecimal(percentageOnScale(result.percentage, scaleMax), lang),
                  max: String(scaleMax),
                })}
              </span>
            )}
            {result.earned && result.possible && (
              <span className="sk-sheet__result-detail" data-testid="sheet-points">
                {t('sheet.points', {
                  earned: formatScore(result.earned, lang),
                  possible: formatScore(result.possible, lang),
                })}
              </span>
            )}
          </>
        ) : result?.kind === 'incomplete' && progress.percentage !== null ? (
          // The figure so far, over what is scored, exactly as it will be computed at the end.
          <span className="sk-sheet__result-detail" data-testid="sheet-running">
            {t('sheet.running', {
              percent: formatPercent(progress.percentage, lang),
              answered: progress.answered,
              total: progress.total,
            })}
          </span>
        ) : result?.kind === 'incomplete' ? (
          <span className="sk-sheet__result-detail">
            {t('sheet.incomplete', { missing: result.missing, total: indicators.length })}
          </span>
        ) : result?.kind === 'error' ? (
          <span className="sk-sheet__result-detail sk-sheet__result-detail--error">
            {result.message}
          </span>
        ) : null}
      </div>
    </section>
  );
}
