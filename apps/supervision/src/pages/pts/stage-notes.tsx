import {
  checkNarrative,
  STAGES,
  type TCycleUpdateNotesInput,
  type TNarrativeData,
  type TStage,
  ZCycleUpdateNotesInput,
} from '@siklus/domain';
import {
  Button,
  Card,
  TextArea,
  TextField,
  useDraftForm,
  useFormat,
  useLocalized,
  useT,
} from '@siklus/ui';
import { useDeferredValue, useEffect, useRef } from 'react';
import type { EditableCardProps } from './editable-card';

export type StageValues = Record<TStage, { notes: string | null; date: string | null }>;

/** The fields of `cycles.updateNotes` a person has changed: `planningNotes`, `actionDate`... */
export type NotesDraft = Partial<Record<NoteField, string>>;
export type NoteField = Exclude<keyof TCycleUpdateNotesInput, 'cycleId' | 'version'>;
/** Every field of the form as its input shows it ('' where nothing is kept). */
type NotesForm = Record<NoteField, string>;

export const notesField = (stage: TStage, part: 'Notes' | 'Date'): NoteField => `${stage}${part}`;

const NOTE_FIELDS = STAGES.flatMap((stage) => [
  notesField(stage, 'Date'),
  notesField(stage, 'Notes'),
]);

/** What is kept for `field`, as its input shows it. */
function savedText(stages: StageValues, field: NoteField): string {
  const stage = STAGES.find(
    (s) => field === notesField(s, 'Notes') || field === notesField(s, 'Date'),
  );
  if (!stage) return '';
  return (field.endsWith('Notes') ? stages[stage].notes : stages[stage].date) ?? '';
}

/** The form's fields: what was typed where something was, else what is kept. */
function formValues(stages: StageValues, draft: NotesDraft): NotesForm {
  const text = (field: NoteField) => draft[field] ?? savedText(stages, field);
  return {
    planningDate: text('planningDate'),
    planningNotes: text('planningNotes'),
    actionDate: text('actionDate'),
    actionNotes: text('actionNotes'),
    observationDate: text('observationDate'),
    observationNotes: text('observationNotes'),
    reflectionDate: text('reflectionDate'),
    reflectionNotes: text('reflectionNotes'),
  };
}

/** The draft as `updateNotes` takes it: only changed fields; an emptied one is cleared (null). */
export function notesPatch(
  draft: NotesDraft,
  stages: StageValues,
): Partial<Record<NoteField, string | null>> {
  const patch: Partial<Record<NoteField, string | null>> = {};
  for (const field of NOTE_FIELDS) {
    const value = draft[field];
    if (value === undefined) continue;
    const next = value.trim() === '' ? null : value;
    if (next !== (savedText(stages, field) || null)) patch[field] = next;
  }
  return patch;
}

/**
 * The four stages of a cycle (perencanaan, pelaksanaan, pengamatan, refleksi), each with a
 * date and notes. Editable as one form saved at once, or read as text. The form is a draft
 * form over `cycles.updateNotes`'s own schema: a field speaks up once typed in or left,
 * every changed field at Save, which puts the focus on the first problem and sends nothing.
 */
export function StageNotes({
  stages,
  draft,
  onDraftChange,
  readOnly,
  onSave,
  saving,
  dirty,
  disabled,
  footer,
  narrative,
  cycleId,
  version,
  serverError,
}: EditableCardProps<NotesDraft> & {
  stages: StageValues;
  /** The cycle a save is for, for the schema's check. */
  cycleId: string;
  /** The cycle's figures, against which observation and reflection notes are read. */
  narrative?: TNarrativeData;
}) {
  const t = useT();
  const f = useFormat();
  const { form, box, edit, blur, forget, err, check } = useDraftForm({
    schema: ZCycleUpdateNotesInput,
    value: formValues(stages, draft),
    // The page keeps only what differs from what is kept, so a field someone else saved
    // meanwhile is not written back unchanged.
    onChange: (values: NotesForm) =>
      onDraftChange(
        Object.fromEntries(
          NOTE_FIELDS.filter((field) => values[field] !== savedText(stages, field)).map((field) => [
            field,
            values[field],
          ]),
        ),
      ),
    toInput: (values) => ({
      cycleId,
      version,
      ...notesPatch(values, stages),
    }),
    serverError,
  });
  // A field nobody has changed shows what is kept (a reload, a save, someone else's save);
  // once nothing is changed any more, nothing speaks up until it is typed in again.
  const wasClean = useRef(true);
  useEffect(() => {
    for (const field of NOTE_FIELDS) {
      const kept = savedText(stages, field);
      if (draft[field] === undefined && form.getValues(field) !== kept) form.setValue(field, kept);
    }
    const clean = Object.keys(draft).length === 0;
    if (clean && !wasClean.current) forget();
    wasClean.current = clean;
  });
  const values = form.watch();
  return (
    <Card title={t('pts.stages.title')} description={t('pts.stages.description')}>
      {readOnly ? (
        <div className="pts-stages">
          {STAGES.map((stage) => (
            <section key={stage} className="pts-stage">
              <h3 className="pts-stage__title">
                {t(`pts.stage.${stage}`)}
                {stages[stage].date && (
                  <span className="sk-muted pts-stage__date"> · {f.date(stages[stage].date)}</span>
                )}
              </h3>
              {stages[stage].notes ? (
                <>
                  <p className="pts-stage__notes">{stages[stage].notes}</p>
                  {narrative && CLAIM_STAGES.includes(stage) && (
                    <ClaimWarnings text={stages[stage].notes ?? ''} data={narrative} />
                  )}
                </>
              ) : (
                <p className="sk-muted">{t('pts.stage.noNotes')}</p>
              )}
            </section>
          ))}
        </div>
      ) : (
        <form
          className="sk-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void check().then((ok) => ok && onSave());
          }}
        >
          <div className="pts-stages" ref={box}>
            {STAGES.map((stage) => {
              const name = t(`pts.stage.${stage}`);
              const date = notesField(stage, 'Date');
              const notes = notesField(stage, 'Notes');
              return (
                <section key={stage} className="pts-stage">
                  <h3 className="pts-stage__title">{name}</h3>
                  <TextField
                    type="date"
                    label={t('pts.stage.date', { stage: name })}
                    value={values[date]}
                    onChange={(e) => edit(date, e.target.value)}
                    onBlur={blur(date)}
                    error={err(date)}
                  />
                  <TextArea
                    label={t('pts.stage.notes', { stage: name })}
                    rows={3}
                    value={values[notes]}
                    onChange={(e) => edit(notes, e.target.value)}
                    onBlur={blur(notes)}
                    error={err(notes)}
                    hint={
                      narrative && CLAIM_STAGES.includes(stage) ? (
                        <ClaimWarnings text={values[notes]} data={narrative} />
                      ) : undefined
                    }
                  />
                </section>
              );
            })}
          </div>
          {footer}
          <div className="sk-row">
            <Button type="submit" loading={saving} disabled={!dirty || disabled}>
              {t('pts.stages.save')}
            </Button>
            {dirty && <span className="sk-muted">{t('pts.obs.unsaved')}</span>}
          </div>
        </form>
      )}
    </Card>
  );
}

/** The stages whose notes restate results ("guru 1-4 mencapai kategori Baik"). */
const CLAIM_STAGES: readonly TStage[] = ['observation', 'reflection'];

/**
 * Claims in a note that the cycle's own figures do not bear out, shown as the principal
 * types: a gentle "perlu dicek" with the evidence, never a block (the note still saves).
 * The supervisor sees the same as an integrity signal. The domain reads the claims.
 */
function ClaimWarnings({ text, data }: { text: string; data: TNarrativeData }) {
  const t = useT();
  const localized = useLocalized();
  const deferred = useDeferredValue(text);
  const found = deferred.trim() === '' ? [] : checkNarrative(deferred, data);
  if (found.length === 0) return null;
  return (
    // Spans only: it may sit in a field's hint paragraph.
    <span className="pts-claim-warning" role="status" data-testid="claim-warning">
      <strong>{t('integrity.claims.title')}</strong>
      {found.map((c) => (
        <span key={`${c.kind}:${c.quote}`} className="pts-claim-warning__item">
          {localized(c.message)}
        </span>
      ))}
    </span>
  );
}
