import type { RouterOutputs } from '@siklus/client';
import { bi, isAppError, parsePrintedFigure, ZCyclePrintedFiguresInput } from '@siklus/domain';
import { Button, Card, Select, TextField, useDraftForm, useFormat, useT } from '@siklus/ui';
import { useEffect } from 'react';
import { MismatchList } from '../results/printed-check';
import type { EditableCardProps } from './editable-card';

type Cycle = RouterOutputs['cycles']['get'];

/**
 * The figures a paper report printed for this cycle, as typed by the principal: the mean,
 * its band, and each observed teacher's band in the table's order. Siklus never uses them
 * for a figure; it compares them with what it computes from the scores (the domain's
 * consistency check), so a report that rounded wrong (Lulut 2 prints 65,05 for 65,075) is
 * caught before a supervisor relies on it. Each field is named as its path in
 * `cycles.setPrintedFigures`'s input, so a problem lands on the field that holds it.
 */
export interface PrintedDraft {
  printedMean: string;
  printedMeanBand: string;
  /** One per observation, in `cycle.observations` order; '' where nothing was printed. */
  printedBands: string[];
}

export function initialPrinted(cycle: Cycle, lang: 'id' | 'en'): PrintedDraft {
  const bands = cycle.printed.bands ?? [];
  return {
    // As the paper prints it; figures saved before the typed text was kept are localised.
    printedMean:
      cycle.printed.meanAsTyped && cycle.printed.meanAsTyped !== cycle.printed.mean
        ? cycle.printed.meanAsTyped
        : cycle.printed.mean
          ? lang === 'id'
            ? cycle.printed.mean.replace('.', ',')
            : cycle.printed.mean
          : '',
    printedMeanBand: cycle.printed.meanBand ?? '',
    printedBands: cycle.observations.map((_, i) => bands[i] ?? ''),
  };
}

export function printedChanged(draft: PrintedDraft, cycle: Cycle, lang: 'id' | 'en'): boolean {
  return JSON.stringify(draft) !== JSON.stringify(initialPrinted(cycle, lang));
}

/** The draft as `cycles.setPrintedFigures` takes it (without cycle and version). */
export function printedInput(draft: PrintedDraft) {
  const anyBand = draft.printedBands.some((b) => b !== '');
  return {
    printedMean: draft.printedMean.trim() === '' ? null : draft.printedMean.trim(),
    printedMeanBand: draft.printedMeanBand || null,
    printedBands: anyBand ? draft.printedBands.map((b) => b || null) : null,
  };
}

/** The procedure's schema, then the domain's reading of the printed mean, as the API checks. */
const ZPrintedFiguresCheck = ZCyclePrintedFiguresInput.superRefine((input, ctx) => {
  if (input.printedMean === null) return;
  try {
    parsePrintedFigure(input.printedMean, 'printedMean');
  } catch (error) {
    if (!isAppError(error)) throw error;
    ctx.addIssue({
      code: 'custom',
      path: [error.field ?? 'printedMean'],
      message: bi(error.messages.id, error.messages.en),
    });
  }
});

export function PrintedFigures({
  cycle,
  draft,
  onDraftChange,
  readOnly,
  onSave,
  saving,
  dirty,
  disabled,
  footer,
  showMismatches,
  version,
  serverError,
}: EditableCardProps<PrintedDraft> & {
  cycle: Cycle;
  /** The principal sees the check here; a supervisor sees it with the cycle's table. */
  showMismatches: boolean;
}) {
  const t = useT();
  const f = useFormat();
  const {
    form,
    box,
    edit,
    blur,
    forget,
    err,
    check: checkFields,
  } = useDraftForm({
    schema: ZPrintedFiguresCheck,
    value: draft,
    onChange: onDraftChange,
    toInput: (values: PrintedDraft) => ({ cycleId: cycle.id, version, ...printedInput(values) }),
    serverError,
  });
  // Nothing changed (a save, a reload, someone else's save): the form shows what is kept.
  useEffect(() => {
    if (dirty || JSON.stringify(form.getValues()) === JSON.stringify(draft)) return;
    form.reset(draft);
    forget();
  });
  const values = form.watch();
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
        <div className="sk-form" ref={box}>
          <div className="pts-form-grid">
            <TextField
              label={t('pts.printed.mean')}
              hint={t('pts.printed.meanHint')}
              inputMode="decimal"
              autoComplete="off"
              value={values.printedMean}
              onChange={(e) => edit('printedMean', e.target.value)}
              onBlur={blur('printedMean')}
              error={err('printedMean')}
            />
            <Select
              label={t('pts.printed.meanBand')}
              value={values.printedMeanBand}
              onChange={(e) => edit('printedMeanBand', e.target.value)}
              onBlur={blur('printedMeanBand')}
              options={bandOptions}
              error={err('printedMeanBand')}
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
                  value={values.printedBands[i] ?? ''}
                  onChange={(e) => edit(`printedBands.${i}`, e.target.value, 'printedBands')}
                  onBlur={blur('printedBands')}
                  options={bandOptions}
                />
              ))}
              {err('printedBands') && (
                <p className="sk-field__error" role="alert">
                  {err('printedBands')}
                </p>
              )}
            </fieldset>
          )}
          {footer}
          <div className="sk-row">
            <Button
              onClick={() => void checkFields().then((ok) => ok && onSave())}
              loading={saving}
              disabled={disabled || !dirty}
            >
              {t('pts.printed.save')}
            </Button>
          </div>
        </div>
      </details>
      {check}
    </Card>
  );
}
