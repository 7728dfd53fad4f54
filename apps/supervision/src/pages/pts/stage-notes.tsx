import {
  checkNarrative,
  STAGES,
  type TCycleUpdateNotesInput,
  type TNarrativeData,
  type TStage,
} from '@siklus/domain';
import { Button, Card, TextArea, TextField, useFormat, useLocalized, useT } from '@siklus/ui';
import { useDeferredValue } from 'react';
import type { EditableCardProps } from './editable-card';

export type StageValues = Record<TStage, { notes: string | null; date: string | null }>;

/** The fields of `cycles.updateNotes` a person has changed: `planningNotes`, `actionDate`... */
export type NotesDraft = Partial<Record<NoteField, string>>;
export type NoteField = Exclude<keyof TCycleUpdateNotesInput, 'cycleId' | 'version'>;

export const notesField = (stage: TStage, part: 'Notes' | 'Date') => `${stage}${part}` as NoteField;

/** The draft as `updateNotes` takes it: only changed fields; an emptied one is cleared (null). */
export function notesPatch(
  draft: NotesDraft,
  stages: StageValues,
): Partial<Record<NoteField, string | null>> {
  const patch: Partial<Record<NoteField, string | null>> = {};
  for (const stage of STAGES) {
    for (const part of ['Notes', 'Date'] as const) {
      const field = notesField(stage, part);
      const value = draft[field];
      if (value === undefined) continue;
      const saved = part === 'Notes' ? stages[stage].notes : stages[stage].date;
      const next = value.trim() === '' ? null : value;
      if (next !== (saved ?? null)) patch[field] = next;
    }
  }
  return patch;
}

/**
 * The four stages of a cycle (perencanaan, pelaksanaan, pengamatan, refleksi), each with a
 * date and notes. Editable as one form saved at once, or read as text.
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
  errorFor,
  footer,
  narrative,
}: EditableCardProps<NotesDraft> & {
  stages: StageValues;
  errorFor: (field: NoteField) => string | undefined;
  /** The cycle's figures, against which observation and reflection notes are read. */
  narrative?: TNarrativeData;
}) {
  const t = useT();
  const f = useFormat();
  const shown = (stage: TStage, part: 'Notes' | 'Date') => {
    const d = draft[notesField(stage, part)];
    if (d !== undefined) return d;
    return (part === 'Notes' ? stages[stage].notes : stages[stage].date) ?? '';
  };
  const set = (field: NoteField) => (e: { target: { value: string } }) =>
    onDraftChange({ ...draft, [field]: e.target.value });

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
            onSave();
          }}
        >
          <div className="pts-stages">
            {STAGES.map((stage) => {
              const name = t(`pts.stage.${stage}`);
              return (
                <section key={stage} className="pts-stage">
                  <h3 className="pts-stage__title">{name}</h3>
                  <TextField
                    type="date"
                    label={t('pts.stage.date', { stage: name })}
                    value={shown(stage, 'Date')}
                    onChange={set(notesField(stage, 'Date'))}
                    error={errorFor(notesField(stage, 'Date'))}
                  />
                  <TextArea
                    label={t('pts.stage.notes', { stage: name })}
                    rows={3}
                    value={shown(stage, 'Notes')}
                    onChange={set(notesField(stage, 'Notes'))}
                    error={errorFor(notesField(stage, 'Notes'))}
                    hint={
                      narrative && CLAIM_STAGES.includes(stage) ? (
                        <ClaimWarnings text={shown(stage, 'Notes')} data={narrative} />
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
