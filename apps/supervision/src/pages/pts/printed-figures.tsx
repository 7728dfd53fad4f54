import type { RouterOutputs } from '@siklus/client';
import { Button, Card, Select, TextField, useFormat, useT } from '@siklus/ui';
import { MismatchList } from '../results/printed-check';
import type { EditableCardProps } from './editable-card';

type Cycle = RouterOutputs['cycles']['get'];

/**
 * The figures a paper report printed for this cycle, as typed by the principal: the mean,
 * its band, and each observed teacher's band in the table's order. Siklus never uses them
 * for a figure; it compares them with what it computes from the scores (the domain's
 * consistency check), so a report that rounded wrong (Lulut 2 prints 65,05 for 65,075) is
 * caught before a supervisor relies on it.
 */
export interface PrintedDraft {
  mean: string;
  meanBand: string;
  /** One per observation, in `cycle.observations` order; '' where nothing was printed. */
  bands: string[];
}

export function initialPrinted(cycle: Cycle, lang: 'id' | 'en'): PrintedDraft {
  const bands = cycle.printed.bands ?? [];
  return {
    mean: cycle.printed.mean
      ? lang === 'id'
        ? cycle.printed.mean.replace('.', ',')
        : cycle.printed.mean
      : '',
    meanBand: cycle.printed.meanBand ?? '',
    bands: cycle.observations.map((_, i) => bands[i] ?? ''),
  };
}

export function printedChanged(draft: PrintedDraft, cycle: Cycle, lang: 'id' | 'en'): boolean {
  return JSON.stringify(draft) !== JSON.stringify(initialPrinted(cycle, lang));
}

/** The draft as `cycles.setPrintedFigures` takes it (without cycle and version). */
export function printedInput(draft: PrintedDraft) {
  const anyBand = draft.bands.some((b) => b !== '');
  return {
    printedMean: draft.mean.trim() === '' ? null : draft.mean.trim(),
    printedMeanBand: draft.meanBand || null,
    printedBands: anyBand ? draft.bands.map((b) => b || null) : null,
  };
}

export function PrintedFigures({
  cycle,
  draft,
  onDraftChange,
  readOnly,
  onSave,
  saving,
  dirty,
  disabled,
  errorFor,
  footer,
  showMismatches,
}: EditableCardProps<PrintedDraft> & {
  cycle: Cycle;
  errorFor: (field: string) => string | undefined;
  /** The principal sees the check here; a supervisor sees it with the cycle's table. */
  showMismatches: boolean;
}) {
  const t = useT();
  const f = useFormat();
  const labels = cycle.bandSet.bands.map((b) => b.label);
  const bandOptions = [
    { value: '', label: t('pts.printed.none') },
    ...labels.map((l) => ({ value: l, label: l })),
  ];
  const hasPrinted =
    cycle.printed.mean !== null ||
    cycle.printed.meanBand !== null ||
    (cycle.printed.bands ?? []).some((b) => b);
  const check =
    !showMismatches || !hasPrinted ? null : cycle.mismatches.length > 0 ? (
      <MismatchList mismatches={cycle.mismatches} />
    ) : cycle.observations.length > 0 ? (
      <p className="sk-muted" role="note">
        {t('pts.printed.agrees')}
      </p>
    ) : null;

  if (readOnly) {
    if (!hasPrinted) return null;
    return (
      <Card title={t('pts.printed.title')}>
        <dl className="sk-dl">
          {cycle.printed.mean !== null && (
            <>
              <dt>{t('pts.printed.mean')}</dt>
              <dd>{f.decimal(cycle.printed.mean)}</dd>
            </>
          )}
          {cycle.printed.meanBand !== null && (
            <>
              <dt>{t('pts.printed.meanBand')}</dt>
              <dd>{cycle.printed.meanBand}</dd>
            </>
          )}
        </dl>
        {check}
      </Card>
    );
  }

  return (
    <Card title={t('pts.printed.title')} description={t('pts.printed.description')}>
      <details className="pts-printed" open={hasPrinted || dirty}>
        <summary>{t('pts.printed.open')}</summary>
        <div className="sk-form">
          <div className="pts-form-grid">
            <TextField
              label={t('pts.printed.mean')}
              hint={t('pts.printed.meanHint')}
              inputMode="decimal"
              autoComplete="off"
              value={draft.mean}
              onChange={(e) => onDraftChange({ ...draft, mean: e.target.value })}
              error={errorFor('printedMean')}
            />
            <Select
              label={t('pts.printed.meanBand')}
              value={draft.meanBand}
              onChange={(e) => onDraftChange({ ...draft, meanBand: e.target.value })}
              options={bandOptions}
              error={errorFor('printedMeanBand')}
            />
          </div>
          {cycle.observations.length > 0 && (
            <fieldset className="pts-printed__bands">
              <legend>{t('pts.printed.bands')}</legend>
              {cycle.observations.map((o, i) => (
                <Select
                  key={o.teacherId}
                  label={t('pts.printed.bandOf', {
                    n: i + 1,
                    name: o.teacherName,
                    percent: f.decimal(o.percentage),
                  })}
                  value={draft.bands[i] ?? ''}
                  onChange={(e) =>
                    onDraftChange({
                      ...draft,
                      bands: draft.bands.map((b, k) => (k === i ? e.target.value : b)),
                    })
                  }
                  options={bandOptions}
                />
              ))}
              {errorFor('printedBands') && (
                <p className="sk-field__error" role="alert">
                  {errorFor('printedBands')}
                </p>
              )}
            </fieldset>
          )}
          {footer}
          <div className="sk-row">
            <Button onClick={onSave} loading={saving} disabled={disabled || !dirty}>
              {t('pts.printed.save')}
            </Button>
          </div>
        </div>
      </details>
      {check}
    </Card>
  );
}
