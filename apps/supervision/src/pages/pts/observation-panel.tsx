import type { RouterOutputs } from '@siklus/client';
import {
  classify,
  isAppError,
  parsePercentage,
  summaryObservation,
  type TBandSet,
  type TRubricDefinition,
  type TScoreScale,
} from '@siklus/domain';
import {
  ActionStatus,
  Button,
  Card,
  EmptyState,
  FieldError,
  formatDecimal,
  type Lang,
  type RubricScores,
  RubricSheet,
  type RubricSheetHandle,
  Select,
  TextArea,
  TextField,
  useFormat,
  useT,
} from '@siklus/ui';
import type { ComponentProps, ReactNode, Ref } from 'react';
import { isScaleChoice, SCALE_CHOICES, type ScaleChoice, scaleOf } from '../io/scale-choice';
import { Band } from '../results/figures';

export type CycleObservation = RouterOutputs['cycles']['get']['observations'][number];

export interface RosterTeacher {
  id: string;
  name: string;
  className: string | null;
  observation: CycleObservation | null;
}

/** One teacher's sheet as being edited: kept per teacher until saved or discarded. */
export interface ObsDraft {
  scores: RubricScores;
  /** A summary sheet's figure as typed: a percentage, or a value on `scaleChoice`. */
  percentage: string;
  /** Summary sheets: the scale the figure is typed on (a percentage unless picked). */
  scaleChoice: ScaleChoice;
  /** The N of a total out of N, as typed. */
  scaleTotal: string;
  observedOn: string;
  notes: string;
}

/** The scale a summary draft is typed on: undefined for a percentage, null while N is unfinished. */
export function draftScale(draft: ObsDraft): TScoreScale | undefined | null {
  if (draft.scaleChoice === 'percent') return undefined;
  return scaleOf(draft.scaleChoice, draft.scaleTotal);
}

export function initialDraft(observation: CycleObservation | null, lang: Lang): ObsDraft {
  return {
    scores: observation?.scores ?? {},
    percentage: observation ? formatDecimal(observation.percentage, lang) : '',
    scaleChoice: 'percent',
    scaleTotal: '',
    observedOn: observation?.observedOn ?? '',
    notes: observation?.notes ?? '',
  };
}

function samePercentage(a: string, b: string): boolean {
  if (a.trim() === b.trim()) return true;
  try {
    return parsePercentage(a) === parsePercentage(b);
  } catch {
    return false;
  }
}

/** Whether a draft differs from what is saved (a percentage compares by value: "35,75" = "35.75"). */
export function draftChanged(draft: ObsDraft, observation: CycleObservation | null): boolean {
  const saved = initialDraft(observation, 'en');
  const a = draft.scores;
  const b = saved.scores;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (a[k] !== b[k]) return true;
  return (
    draft.scaleChoice !== 'percent' ||
    !samePercentage(draft.percentage, saved.percentage) ||
    draft.observedOn !== saved.observedOn ||
    draft.notes !== saved.notes
  );
}

/** The teacher after `current` in roster order (wrapping) who has no observation yet. */
export function nextUnobserved(roster: RosterTeacher[], current: string): RosterTeacher | null {
  const at = roster.findIndex((r) => r.id === current);
  return (
    [...roster.slice(at + 1), ...roster.slice(0, Math.max(at, 0))].find(
      (r) => !r.observation && r.id !== current,
    ) ?? null
  );
}

/**
 * The observation sheet of one teacher of the roster: the rubric with the live percentage
 * and band (RubricSheet), or for a summary rubric the percentage typed directly ("35,75")
 * with the band it will get; the date and notes; "Simpan observasi" with what it did said
 * beside it, and "Guru berikutnya" once the sheet is saved. The picker marks the observed
 * teachers (✓) and counts them; deleting an observation sits at the end of the sheet, away
 * from Save.
 */
export function ObservationPanel({
  id,
  rubric,
  bandSet,
  roster,
  selectedId,
  onSelect,
  draft,
  onDraftChange,
  dirtyIds,
  readOnly,
  onSave,
  onDiscard,
  onDelete,
  saving,
  disabled,
  errorFor,
  alerts,
  attachments,
  saveStatus = null,
  showMissing = false,
  sheetRef,
  nextTeacher = null,
  onNext,
  conflict,
}: {
  id: string;
  rubric: TRubricDefinition;
  bandSet: TBandSet;
  roster: RosterTeacher[];
  selectedId: string;
  onSelect: (teacherId: string) => void;
  draft: ObsDraft | null;
  onDraftChange: (draft: ObsDraft) => void;
  dirtyIds: ReadonlySet<string>;
  readOnly: boolean;
  onSave: () => void;
  onDiscard: () => void;
  /** Offered for an observed teacher; the caller confirms first. */
  onDelete?: () => void;
  saving: boolean;
  disabled?: boolean;
  errorFor: (field: string) => string | undefined;
  alerts?: ReactNode;
  /** The selected teacher's evidence files (attachments.tsx), below the sheet. */
  attachments?: ReactNode;
  /** What the last Save did (or why it was refused), said by the button. */
  saveStatus?: ComponentProps<typeof ActionStatus>['status'];
  /** Outline the indicators still unscored (after a refused save). */
  showMissing?: boolean;
  sheetRef?: Ref<RubricSheetHandle>;
  /** Offered once the selected teacher's sheet is saved: the next one without a sheet. */
  nextTeacher?: RosterTeacher | null;
  onNext?: () => void;
  /** The conflict notice with its reload action, shown by the disabled Save. */
  conflict?: ReactNode;
}) {
  const t = useT();
  const f = useFormat();
  const teacher = roster.find((r) => r.id === selectedId) ?? null;
  const dirty = dirtyIds.has(selectedId);
  const summary = rubric.mode === 'summary';
  const observedCount = roster.filter((r) => r.observation).length;

  if (roster.length === 0) {
    return (
      <Card title={t('pts.obs.title')} id={id}>
        <EmptyState>{t('pts.obs.noTeachers')}</EmptyState>
      </Card>
    );
  }

  const preview = (() => {
    if (!summary || !draft || draft.percentage.trim() === '') return null;
    const scale = draftScale(draft);
    if (scale === null) return null;
    try {
      // A mean or a total is converted by the domain's rule, as the server will.
      const percentage = parsePercentage(summaryObservation(draft.percentage, scale).percentage);
      return { percentage, band: classify(bandSet, percentage).label, scaled: scale !== undefined };
    } catch (error) {
      return { error: isAppError(error) ? error.messages[f.lang] : t('sheet.invalid') };
    }
  })();

  return (
    <Card
      title={t('pts.obs.title')}
      description={readOnly ? undefined : t('pts.obs.description')}
      id={id}
    >
      <div className="sk-form">
        <div className="pts-form-grid">
          <Select
            label={t('pts.obs.teacher')}
            value={selectedId}
            onChange={(e) => onSelect(e.target.value)}
            error={errorFor('teacherId')}
            hint={t('pts.obs.progress', { done: observedCount, total: roster.length })}
            options={roster.map((r) => ({
              value: r.id,
              // The name, marked while unsaved, or with ✓ once observed.
              label: dirtyIds.has(r.id)
                ? t('pts.obs.unsavedMark', { name: r.name })
                : r.observation
                  ? t('pts.obs.observedMark', { name: r.name })
                  : r.name,
            }))}
          />
          <p className="pts-obs-status" aria-live="polite">
            {teacher?.observation ? (
              <>
                {t('pts.obs.observed', { percent: f.decimal(teacher.observation.percentage) })}{' '}
                <Band bands={bandSet.bands} label={teacher.observation.band} />
              </>
            ) : (
              <span className="sk-muted">{t('pts.obs.notObserved')}</span>
            )}
          </p>
        </div>

        {readOnly ? (
          (draft?.observedOn || draft?.notes) && (
            <dl className="sk-dl">
              {draft.observedOn && (
                <>
                  <dt>{t('pts.obs.date')}</dt>
                  <dd>{f.date(draft.observedOn)}</dd>
                </>
              )}
              {draft.notes && (
                <>
                  <dt>{t('pts.obs.notes')}</dt>
                  <dd className="pts-stage__notes">{draft.notes}</dd>
                </>
              )}
            </dl>
          )
        ) : (
          <div className="pts-form-grid">
            <TextField
              type="date"
              label={t('pts.obs.date')}
              value={draft?.observedOn ?? ''}
              onChange={(e) => draft && onDraftChange({ ...draft, observedOn: e.target.value })}
              error={errorFor('observedOn')}
            />
            <TextArea
              label={t('pts.obs.notes')}
              rows={2}
              value={draft?.notes ?? ''}
              onChange={(e) => draft && onDraftChange({ ...draft, notes: e.target.value })}
              error={errorFor('notes')}
            />
          </div>
        )}
        {summary ? (
          <div className="pts-summary-entry">
            {!readOnly && (
              <Select
                label={t('pts.obs.scale')}
                value={draft?.scaleChoice ?? 'percent'}
                onChange={(e) =>
                  draft &&
                  isScaleChoice(e.target.value) &&
                  onDraftChange({ ...draft, scaleChoice: e.target.value })
                }
                options={SCALE_CHOICES.map((c) => ({ value: c.value, label: t(c.label) }))}
              />
            )}
            {!readOnly && draft?.scaleChoice === 'total' && (
              <TextField
                label={t('scale.totalMax')}
                inputMode="numeric"
                value={draft.scaleTotal}
                onChange={(e) =>
                  onDraftChange({ ...draft, scaleTotal: e.target.value.replace(/\D/g, '') })
                }
              />
            )}
            {!readOnly && (
              <TextField
                label={
                  draft?.scaleChoice && draft.scaleChoice !== 'percent'
                    ? t('pts.obs.valueOnScale')
                    : t('pts.obs.percentage')
                }
                hint={t('pts.obs.percentageHint')}
                inputMode="decimal"
                autoComplete="off"
                value={draft?.percentage ?? ''}
                onChange={(e) => draft && onDraftChange({ ...draft, percentage: e.target.value })}
                error={
                  errorFor('percentage') ??
                  (preview && 'error' in preview ? preview.error : undefined)
                }
              />
            )}
            {preview && 'percentage' in preview && (
              <p className="sk-sheet__result" role="status">
                <span className="sk-sheet__result-label">{t('sheet.percentage')}</span>
                <span className="sk-sheet__result-value" data-testid="summary-percentage">
                  {preview.scaled && draft
                    ? t('scale.valueOn', {
                        value: draft.percentage.trim(),
                        percent: f.decimal(preview.percentage),
                      })
                    : f.decimal(preview.percentage)}
                </span>
                <Band bands={bandSet.bands} label={preview.band} />
              </p>
            )}
          </div>
        ) : (
          <>
            <RubricSheet
              key={selectedId}
              ref={sheetRef}
              showMissing={showMissing}
              definition={rubric}
              scores={draft?.scores ?? {}}
              onChange={
                readOnly ? undefined : (scores) => draft && onDraftChange({ ...draft, scores })
              }
              readOnly={readOnly}
              bandSet={bandSet}
              label={teacher ? `${t('pts.obs.title')}: ${teacher.name}` : undefined}
            />
            <FieldError>{errorFor('scores')}</FieldError>
          </>
        )}

        {attachments}
        {alerts}
        {!readOnly && (
          <div className="sk-row pts-save-row">
            {conflict}
            <Button
              onClick={onSave}
              loading={saving}
              disabled={disabled || !teacher}
              aria-describedby={`${id}-save-status`}
            >
              {t('pts.obs.save')}
            </Button>
            {dirty && (
              <Button variant="ghost" onClick={onDiscard} disabled={saving}>
                {t('pts.obs.discard')}
              </Button>
            )}
            {!dirty && teacher?.observation && nextTeacher && onNext && (
              // The name is dropped on phones to keep the bar one row; the accessible name keeps it.
              <Button
                variant="secondary"
                onClick={onNext}
                aria-label={t('pts.obs.next', { name: nextTeacher.name })}
              >
                {t('pts.obs.nextShort')}
                <span className="pts-next__name" aria-hidden="true">
                  : {nextTeacher.name}
                </span>
              </Button>
            )}
            <span id={`${id}-save-status`} className="pts-save-row__status">
              {dirty && !saveStatus && <span className="sk-muted">{t('pts.obs.unsaved')}</span>}
              <ActionStatus status={saveStatus} />
            </span>
          </div>
        )}
        {!readOnly && onDelete && teacher?.observation && (
          // Destructive, so at the end of the sheet and behind a confirmation, not beside Save.
          <div className="pts-danger-row">
            <Button variant="ghost" className="pts-delete" onClick={onDelete} disabled={saving}>
              {t('pts.obs.delete')}
            </Button>
          </div>
        )}
      </div>
    </Card>
  );
}
