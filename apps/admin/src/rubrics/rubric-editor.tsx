import { issuePath, type TBandSet, type TScale, ZRubricDefinition } from '@siklus/domain';
import {
  Button,
  type DraftFormHandle,
  FieldError,
  type Path,
  RubricSheet,
  type ServerIssue,
  useDraftForm,
  useFieldArray,
  useT,
} from '@siklus/ui';
import { type Ref, useId, useMemo, useState } from 'react';
import {
  addAspect,
  addIndicator,
  applyScaleToAll,
  type Draft,
  moveIndicator,
  removeIndicator,
  rescale,
  sampleScores,
  updateIndicator,
} from './draft';

export interface RubricEditorProps {
  value: Draft;
  onChange: (next: Draft) => void;
  readOnly?: boolean;
  /** The last save's error: its field (a path like the schema's) is shown next to that field. */
  serverError?: ServerIssue;
  /** Classify the preview's percentage. */
  bandSet?: TBandSet;
  handle?: Ref<DraftFormHandle>;
}

/** A field of the draft, by its path in the schema (`aspects.0.indicators.1.key`). */
type Field = Path<Draft>;

/** How many fields of a definition the domain's own schema finds a problem with. */
export function rubricProblemCount(value: Draft): number {
  const result = ZRubricDefinition.safeParse(value);
  return result.success ? 0 : new Set(result.error.issues.map((i) => issuePath(i.path))).size;
}

const toInt = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/**
 * Aspects and indicators (add, reorder, edit), each indicator's scale with level labels and
 * descriptors, weights; the schema's message next to each field; and a live preview of the
 * observation sheet as principals will see it, with sample scores that can be clicked.
 */
export function RubricEditor({
  value,
  onChange,
  readOnly = false,
  serverError,
  bandSet,
  handle,
}: RubricEditorProps) {
  const t = useT();
  const { form, box, changed, edit, blur, err, listErr } = useDraftForm({
    schema: ZRubricDefinition,
    value,
    onChange,
    serverError,
    handle,
  });
  const rows = useFieldArray({ control: form.control, name: 'aspects' });
  const current = form.watch();
  const [picked, setPicked] = useState<Record<string, number | 'na'>>({});
  const scores = useMemo(() => sampleScores(current, picked), [current, picked]);
  // The count speaks once there is something to say it about: after the first edit or save.
  const problems = useMemo(() => rubricProblemCount(current), [current]);
  const speaking = form.formState.isSubmitted || form.formState.isDirty;
  /** A structural edit (an indicator added, moved, removed): the aspect's list is replaced. */
  const indicators = (a: number, next: Draft) =>
    edit(`aspects.${a}.indicators`, next.aspects[a]?.indicators ?? []);

  return (
    <div className="adm-editor" ref={box}>
      <div className="adm-editor__form">
        {problems > 0 && speaking && !readOnly && (
          <div className="sk-alert sk-alert--error" role="alert">
            <p className="sk-alert__message">{t('adm.rubric.problems', { count: problems })}</p>
          </div>
        )}
        <FieldError>{listErr('aspects')}</FieldError>
        {rows.fields.map((row, a) => {
          const aspect = current.aspects[a];
          if (!aspect) return null;
          return (
            <section
              key={row.id}
              className="adm-aspect"
              aria-label={t('adm.rubric.aspectN', { key: aspect.key || String(a + 1) })}
            >
              <div className="adm-aspect__head">
                <SmallField
                  label={t('adm.rubric.key')}
                  className="adm-key"
                  value={aspect.key}
                  readOnly={readOnly}
                  error={err(`aspects.${a}.key`)}
                  ariaLabel={t('adm.rubric.aspectKey', { n: a + 1 })}
                  onBlur={blur(`aspects.${a}.key`)}
                  onChange={(key) => edit(`aspects.${a}.key`, key)}
                />
                <SmallField
                  label={t('adm.rubric.aspectTitle')}
                  className="adm-grow"
                  value={aspect.title}
                  readOnly={readOnly}
                  error={err(`aspects.${a}.title`)}
                  ariaLabel={t('adm.rubric.aspectTitleOf', { key: aspect.key })}
                  onBlur={blur(`aspects.${a}.title`)}
                  onChange={(title) => edit(`aspects.${a}.title`, title)}
                />
                {!readOnly && (
                  <MoveButtons
                    what={t('adm.rubric.aspectN', { key: aspect.key })}
                    first={a === 0}
                    last={a === rows.fields.length - 1}
                    onUp={() => {
                      rows.move(a, a - 1);
                      changed();
                    }}
                    onDown={() => {
                      rows.move(a, a + 1);
                      changed();
                    }}
                    onRemove={() => {
                      rows.remove(a);
                      form.clearErrors();
                      changed();
                    }}
                  />
                )}
              </div>
              <FieldError>{listErr(`aspects.${a}.indicators`)}</FieldError>
              <ol className="sk-list-plain">
                {aspect.indicators.map((ind, i) => {
                  const path = `aspects.${a}.indicators.${i}` as const;
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: as for aspects, the key is being edited.
                    <li key={i} className="adm-indicator">
                      <div className="adm-indicator__head">
                        <SmallField
                          label={t('adm.rubric.key')}
                          className="adm-key"
                          value={ind.key}
                          readOnly={readOnly}
                          error={err(`${path}.key`)}
                          ariaLabel={t('adm.rubric.indicatorKey', { n: i + 1, aspect: aspect.key })}
                          onBlur={blur(`${path}.key`)}
                          onChange={(key) => edit(`${path}.key`, key)}
                        />
                        <SmallField
                          label={t('adm.rubric.indicatorText')}
                          className="adm-grow"
                          multiline
                          value={ind.text}
                          readOnly={readOnly}
                          error={err(`${path}.text`)}
                          ariaLabel={t('adm.rubric.indicatorTextOf', { key: ind.key })}
                          onBlur={blur(`${path}.text`)}
                          onChange={(text) => edit(`${path}.text`, text)}
                        />
                        <SmallField
                          label={t('adm.rubric.weight')}
                          className="adm-weight"
                          inputMode="decimal"
                          placeholder="1"
                          value={ind.weight === undefined ? '' : String(ind.weight)}
                          readOnly={readOnly}
                          error={err(`${path}.weight`)}
                          ariaLabel={t('adm.rubric.weightOf', { key: ind.key })}
                          onBlur={blur(`${path}.weight`)}
                          onChange={(text) =>
                            edit(
                              path,
                              updateIndicator(current, a, i, {
                                weight:
                                  text.trim() === '' ? undefined : Number(text.replace(',', '.')),
                              }).aspects[a]?.indicators[i] ?? ind,
                              `${path}.weight`,
                            )
                          }
                        />
                        {!readOnly && (
                          <MoveButtons
                            what={t('adm.rubric.indicatorN', { key: ind.key })}
                            first={i === 0}
                            last={i === aspect.indicators.length - 1}
                            onUp={() => indicators(a, moveIndicator(current, a, i, i - 1))}
                            onDown={() => indicators(a, moveIndicator(current, a, i, i + 1))}
                            onRemove={() => {
                              form.clearErrors();
                              indicators(a, removeIndicator(current, a, i));
                            }}
                          />
                        )}
                      </div>
                      <ScaleEditor
                        scale={ind.scale}
                        path={`${path}.scale`}
                        indicatorKey={ind.key}
                        readOnly={readOnly}
                        err={err}
                        listErr={listErr}
                        blur={blur}
                        onChange={(scale, field) => edit(`${path}.scale`, scale, field)}
                        onApplyToAll={() => {
                          rows.replace(applyScaleToAll(current, ind.scale).aspects);
                          changed();
                        }}
                      />
                    </li>
                  );
                })}
              </ol>
              {!readOnly && (
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => indicators(a, addIndicator(current, a))}
                >
                  {t('adm.rubric.addIndicator', { key: aspect.key })}
                </Button>
              )}
            </section>
          );
        })}
        {!readOnly && (
          <div>
            <Button
              variant="secondary"
              onClick={() => {
                const added = addAspect(current).aspects.at(-1);
                if (added) rows.append(added, { shouldFocus: false });
                changed();
              }}
            >
              {t('adm.rubric.addAspect')}
            </Button>
          </div>
        )}
      </div>
      <aside className="adm-editor__preview" aria-label={t('adm.rubric.preview')}>
        <h2 className="adm-preview-title">{t('adm.rubric.preview')}</h2>
        <p className="sk-muted adm-preview-hint">{t('adm.rubric.previewHint')}</p>
        <RubricSheet
          definition={current}
          scores={scores}
          onChange={setPicked}
          bandSet={bandSet}
          label={t('adm.rubric.preview')}
        />
      </aside>
    </div>
  );
}

function ScaleEditor({
  scale,
  path,
  indicatorKey,
  readOnly,
  err,
  listErr,
  blur,
  onChange,
  onApplyToAll,
}: {
  scale: TScale;
  path: `aspects.${number}.indicators.${number}.scale`;
  indicatorKey: string;
  readOnly: boolean;
  err: (field: Field) => string | undefined;
  listErr: (field: Field) => string | undefined;
  blur: (field: Field) => () => void;
  /** The new scale, for an edit of `field` in it. */
  onChange: (scale: TScale, field: Field) => void;
  onApplyToAll: () => void;
}) {
  const t = useT();
  return (
    <div className="adm-scale">
      <div className="adm-scale__range">
        <SmallField
          label={t('adm.rubric.min')}
          className="adm-num-field"
          inputMode="numeric"
          value={Number.isNaN(scale.min) ? '' : String(scale.min)}
          readOnly={readOnly}
          error={err(`${path}.min`)}
          ariaLabel={t('adm.rubric.minOf', { key: indicatorKey })}
          onBlur={blur(`${path}.min`)}
          onChange={(text) => onChange(rescale(scale, toInt(text), scale.max), `${path}.min`)}
        />
        <SmallField
          label={t('adm.rubric.max')}
          className="adm-num-field"
          inputMode="numeric"
          value={Number.isNaN(scale.max) ? '' : String(scale.max)}
          readOnly={readOnly}
          error={err(`${path}.max`)}
          ariaLabel={t('adm.rubric.maxOf', { key: indicatorKey })}
          onBlur={blur(`${path}.max`)}
          onChange={(text) => onChange(rescale(scale, scale.min, toInt(text)), `${path}.max`)}
        />
        {!readOnly && (
          <Button variant="ghost" size="sm" onClick={onApplyToAll}>
            {t('adm.rubric.applyScale')}
          </Button>
        )}
      </div>
      <FieldError>{listErr(`${path}.levels`)}</FieldError>
      <table className="adm-levels">
        <caption className="sk-visually-hidden">
          {t('adm.rubric.levelsOf', { key: indicatorKey })}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="adm-levels__value">
              {t('adm.rubric.level')}
            </th>
            <th scope="col">{t('adm.rubric.levelLabel')}</th>
            <th scope="col">{t('adm.rubric.descriptor')}</th>
          </tr>
        </thead>
        <tbody>
          {scale.levels.map((level, j) => (
            <tr key={level.value}>
              <th scope="row" className="adm-levels__value">
                {level.value}
                <FieldError>{err(`${path}.levels.${j}.value`)}</FieldError>
              </th>
              <td>
                <SmallField
                  value={level.label}
                  readOnly={readOnly}
                  error={err(`${path}.levels.${j}.label`)}
                  ariaLabel={t('adm.rubric.levelLabelOf', {
                    value: level.value,
                    key: indicatorKey,
                  })}
                  onBlur={blur(`${path}.levels.${j}.label`)}
                  onChange={(label) =>
                    onChange(
                      {
                        ...scale,
                        levels: scale.levels.map((l, k) => (k === j ? { ...l, label } : l)),
                      },
                      `${path}.levels.${j}.label`,
                    )
                  }
                />
              </td>
              <td>
                <SmallField
                  value={level.descriptor ?? ''}
                  readOnly={readOnly}
                  placeholder={readOnly ? '' : t('adm.rubric.descriptorPlaceholder')}
                  ariaLabel={t('adm.rubric.descriptorOf', {
                    value: level.value,
                    key: indicatorKey,
                  })}
                  onChange={(descriptor) =>
                    onChange(
                      {
                        ...scale,
                        levels: scale.levels.map((l, k) => {
                          if (k !== j) return l;
                          const { descriptor: _, ...rest } = l;
                          return descriptor === '' ? rest : { ...rest, descriptor };
                        }),
                      },
                      `${path}.levels.${j}.descriptor`,
                    )
                  }
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A compact input with its message right under it (aria-describedby links the two). */
function SmallField({
  label,
  ariaLabel,
  value,
  onChange,
  onBlur,
  error,
  readOnly,
  className,
  multiline,
  inputMode,
  placeholder,
}: {
  label?: string;
  ariaLabel: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string | undefined;
  readOnly: boolean;
  className?: string;
  multiline?: boolean;
  inputMode?: 'numeric' | 'decimal';
  placeholder?: string;
}) {
  const id = useId();
  const common = {
    id,
    className: 'sk-input sk-input--sm',
    value,
    readOnly,
    placeholder,
    onBlur,
    'aria-label': ariaLabel,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  } as const;
  return (
    <div className={`adm-small-field ${error ? 'sk-field--invalid' : ''} ${className ?? ''}`}>
      {label && (
        <label className="adm-small-field__label" htmlFor={id} aria-hidden="true">
          {label}
        </label>
      )}
      {multiline ? (
        <textarea {...common} rows={2} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} inputMode={inputMode} onChange={(e) => onChange(e.target.value)} />
      )}
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </div>
  );
}

function MoveButtons({
  what,
  first,
  last,
  onUp,
  onDown,
  onRemove,
}: {
  what: string;
  first: boolean;
  last: boolean;
  onUp: () => void;
  onDown: () => void;
  onRemove: () => void;
}) {
  const t = useT();
  return (
    <div className="adm-move">
      <Button
        variant="ghost"
        size="sm"
        disabled={first}
        aria-label={t('adm.rubric.moveUp', { what })}
        title={t('adm.rubric.moveUp', { what })}
        onClick={onUp}
      >
        ↑
      </Button>
      <Button
        variant="ghost"
        size="sm"
        disabled={last}
        aria-label={t('adm.rubric.moveDown', { what })}
        title={t('adm.rubric.moveDown', { what })}
        onClick={onDown}
      >
        ↓
      </Button>
      <Button
        variant="ghost"
        size="sm"
        aria-label={t('adm.rubric.remove', { what })}
        title={t('adm.rubric.remove', { what })}
        onClick={onRemove}
      >
        ✕
      </Button>
    </div>
  );
}
