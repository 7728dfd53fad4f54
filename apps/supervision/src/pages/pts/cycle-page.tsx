import { appErrorOf, type RouterOutputs, useTRPC } from '@siklus/client';
import {
  isAppError,
  scoreObservation,
  scoreProgress,
  summaryObservation,
  type TBandSet,
  type TObservationUpsertInput,
  ZObservationUpsertInput,
} from '@siklus/domain';
import {
  ApiErrorMessage,
  Button,
  Card,
  ConfirmDialog,
  type Issues,
  issuesOf,
  messageFor,
  missingIndicatorsMessage,
  NO_ISSUES,
  PageHeader,
  ProvisionalLabel,
  QueryState,
  type RubricSheetHandle,
  StatusBadge,
  serverIssue,
  UnsavedChangesGuard,
  useCurrentUser,
  useFormat,
  useLocalized,
  useT,
  useToast,
} from '@siklus/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { exportUrls, ioPaths } from '../../export-urls';
import { useOnline } from '../../offline/online';
import { OutboxPanel } from '../../offline/outbox-panel';
import { useOfflineSaves } from '../../offline/use-offline-saves';
import { DownloadLink } from '../io/download-link';
import { CycleTable } from '../results/cycle-table';
import { MismatchList } from '../results/printed-check';
import { SheetAttachments, StageAttachments } from './attachments';
import { CycleTimeline } from './cycle-timeline';
import { FollowUpPanel } from './follow-up-panel';
import { cycleForInstrument, InstrumentTabs } from './instrument-tabs';
import {
  draftChanged,
  draftScale,
  initialDraft,
  nextUnobserved,
  type ObsDraft,
  ObservationPanel,
  type RosterTeacher,
} from './observation-panel';
import {
  initialPrinted,
  type PrintedDraft,
  PrintedFigures,
  printedChanged,
  printedInput,
} from './printed-figures';
import { type NotesDraft, notesPatch, StageNotes } from './stage-notes';
import { WithdrawSubmission } from './withdraw-submission';

type Cycle = RouterOutputs['cycles']['get'];

const SHEET_ID = 'observation-sheet';

/**
 * `/cycles/:cycleId`: one cycle. The principal of the school edits a draft or returned cycle
 * (stage notes, each teacher's observation sheet) and submits it; everyone else, and every
 * submitted or approved cycle, is read-only. Each write carries the version the screen was
 * built from, so a change made meanwhile by someone else is refused (CONFLICT) and
 * explained instead of overwritten. Unsaved edits survive a teacher switch and a refused
 * write, and leaving the page with them asks first.
 */
export function CyclePage() {
  const { cycleId = '' } = useParams();
  const t = useT();
  const trpc = useTRPC();
  const cycle = useQuery(trpc.cycles.get.queryOptions({ cycleId }));
  // Which instrument's sheets are shown (decision 022); 0 is the study's primary.
  const [instrument, setInstrument] = useState(0);
  return (
    <QueryState
      query={cycle}
      frame={(state) => (
        <>
          <PageHeader title={t('sup.cycle.title')} />
          {state}
        </>
      )}
    >
      {(data) => (
        <>
          <InstrumentTabs cycle={data} value={instrument} onChange={setInstrument} />
          <CycleView
            key={`${cycleId}/${instrument}`}
            cycle={cycleForInstrument(data, instrument)}
            instrument={instrument}
            reload={async () => {
              const fresh = (await cycle.refetch()).data;
              return fresh && cycleForInstrument(fresh, instrument);
            }}
          />
        </>
      )}
    </QueryState>
  );
}

function CycleView({
  cycle,
  reload,
  instrument = 0,
}: {
  cycle: Cycle;
  reload: () => Promise<Cycle | undefined>;
  instrument?: number;
}) {
  const t = useT();
  const f = useFormat();
  const localized = useLocalized();
  const me = useCurrentUser();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const principal = me.role === 'principal';
  // Who returned or reopened it last, from the history (the review columns only keep one).
  const lastDecision = cycle.history.findLast(
    (e) => e.action === 'return' || e.action === 'reopen',
  );
  const canEdit = principal && cycle.editable;
  const label = localized(cycle.label);
  const bandSet: TBandSet = { bands: cycle.bandSet.bands };
  const summaryMode = cycle.rubric.mode === 'summary';
  // Saves work without a connection (decision 024): waiting changes show in place.
  const offline = useOfflineSaves(cycle, bandSet, instrument);
  const online = useOnline();
  const stages = offline.overlayStages(cycle.stages);
  // What observation and reflection notes are read against (the saved sheets, table order).
  const narrative = useMemo(
    () => ({
      teachers: cycle.observations.map((o) => ({
        name: o.teacherName,
        className: o.className,
        percentage: o.percentage,
        band: o.band,
      })),
      mean: cycle.summary.mean,
      bandSet: { bands: cycle.bandSet.bands },
    }),
    [cycle.observations, cycle.summary.mean, cycle.bandSet.bands],
  );

  const study = useQuery(trpc.studies.get.queryOptions({ studyId: cycle.studyId }));
  const teachers = useQuery(
    trpc.teachers.list.queryOptions({ schoolId: cycle.schoolId, includeInactive: true }),
  );

  // Observed teachers (inactive ones included) and active teachers not yet observed, in
  // roster order.
  const serverRoster = useMemo<RosterTeacher[]>(() => {
    const byId = new Map<string, RosterTeacher>();
    for (const o of cycle.observations)
      byId.set(o.teacherId, {
        id: o.teacherId,
        name: o.teacherName,
        className: o.className,
        observation: o,
      });
    for (const u of cycle.unobservedTeachers)
      if (!byId.has(u.id)) byId.set(u.id, { ...u, observation: null });
    const order = new Map(teachers.data?.map((teacher, i) => [teacher.id, i]) ?? []);
    const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
    return [...byId.values()].sort((a, b) => rank(a.id) - rank(b.id));
  }, [cycle.observations, cycle.unobservedTeachers, teachers.data]);
  const roster = offline.overlay(serverRoster);

  // Local edits, kept until saved, discarded, or replaced by a reload after a conflict.
  const [notesDraft, setNotesDraft] = useState<NotesDraft>({});
  const [obsDrafts, setObsDrafts] = useState<Record<string, ObsDraft>>({});
  const [picked, setPicked] = useState('');
  const [conflict, setConflict] = useState(false);
  // What an action did is said where it was done: the sheet's Save by its button (saved),
  // the rest as a toast at the bottom of the screen, announced to screen readers.
  const toast = useToast();
  const [obsSaved, setObsSaved] = useState<{ at: Date; message: string } | null>(null);
  const [showMissing, setShowMissing] = useState(false);
  const sheetRef = useRef<RubricSheetHandle>(null);
  const [printedDraft, setPrintedDraft] = useState<PrintedDraft | null>(null);
  const [obsIssues, setObsIssues] = useState<Issues>(NO_ISSUES);
  const [confirmSubmit, setConfirmSubmit] = useState(false);

  const selectedId =
    (picked && roster.some((r) => r.id === picked) ? picked : '') ||
    (canEdit ? roster.find((r) => !r.observation)?.id : undefined) ||
    roster[0]?.id ||
    '';
  const selected = roster.find((r) => r.id === selectedId) ?? null;
  const draft = selected
    ? (obsDrafts[selected.id] ?? initialDraft(selected.observation, f.lang))
    : null;

  const patch = notesPatch(notesDraft, stages);
  const notesDirty = Object.keys(patch).length > 0;
  const dirtyIds = useMemo(
    () =>
      new Set(
        roster
          .filter((r) => obsDrafts[r.id] && draftChanged(obsDrafts[r.id]!, r.observation))
          .map((r) => r.id),
      ),
    [roster, obsDrafts],
  );
  const printedDirty = printedDraft !== null && printedChanged(printedDraft, cycle, f.lang);
  const dirty = notesDirty || dirtyIds.size > 0 || printedDirty;

  // The version writes are based on: what the screen shows. A background refetch moves it
  // only while nothing is being edited, so unsaved edits are never silently written over a
  // newer version they were not made against.
  const [base, setBase] = useState(cycle.version);
  useEffect(() => {
    if (!dirty && !conflict) setBase(cycle.version);
  }, [cycle.version, dirty, conflict]);

  const onWriteError = (error: unknown) => {
    if (appErrorOf(error)?.code === 'CONFLICT') setConflict(true);
  };
  const afterWrite = async (version: number) => {
    setBase(version);
    queryClient.setQueryData(trpc.cycles.get.queryKey({ cycleId: cycle.id }), (old) =>
      old ? { ...old, version } : old,
    );
    await Promise.all([
      queryClient.invalidateQueries(trpc.cycles.get.queryFilter({ cycleId: cycle.id })),
      queryClient.invalidateQueries(trpc.studies.pathFilter()),
      queryClient.invalidateQueries(trpc.reports.pathFilter()),
    ]);
  };

  const saveNotes = useMutation(trpc.cycles.updateNotes.mutationOptions({ onError: onWriteError }));
  const notesServerIssue = useMemo(() => serverIssue(saveNotes.error), [saveNotes.error]);
  const savePrinted = useMutation(
    trpc.cycles.setPrintedFigures.mutationOptions({ onError: onWriteError }),
  );
  const printedServerIssue = useMemo(() => serverIssue(savePrinted.error), [savePrinted.error]);
  const saveObs = useMutation(
    trpc.cycles.upsertObservation.mutationOptions({ onError: onWriteError }),
  );
  const submit = useMutation(trpc.cycles.submit.mutationOptions({ onError: onWriteError }));
  const deleteObs = useMutation(
    trpc.cycles.deleteObservation.mutationOptions({ onError: onWriteError }),
  );
  const [confirmDelete, setConfirmDelete] = useState<RosterTeacher | null>(null);

  const doDelete = () => {
    const teacher = confirmDelete;
    if (!teacher) return;
    deleteObs.mutate(
      {
        cycleId: cycle.id,
        version: base,
        teacherId: teacher.id,
        ...(instrument === 0 ? {} : { instrument }),
      },
      {
        onSuccess: async (result) => {
          setConfirmDelete(null);
          await afterWrite(result.version);
          setObsDrafts(({ [teacher.id]: _deleted, ...rest }) => rest);
          setObsSaved(null);
          toast.show(t('pts.obs.deleted', { name: teacher.name }));
        },
        onError: (error) => {
          if (appErrorOf(error)?.code === 'CONFLICT') setConfirmDelete(null);
        },
      },
    );
  };

  // The form has checked the changed fields with the procedure's schema before this runs.
  const doSaveNotes = () => {
    const input = { cycleId: cycle.id, version: base, ...patch };
    offline.saveNotes(saveNotes, input, label, {
      onSuccess: async (result) => {
        await afterWrite(result.version);
        setNotesDraft({});
        toast.show(t('pts.stages.saved'));
      },
      onQueued: () => {
        setNotesDraft({});
        toast.show(t('offline.notesQueued'));
      },
    });
  };

  // The form has checked the figures as the API does (its schema, the domain's reading).
  const doSavePrinted = () => {
    if (!printedDraft) return;
    const input = {
      cycleId: cycle.id,
      version: base,
      // The shown instrument's printed figures (decision 022); the primary's when 0.
      ...(instrument === 0 ? {} : { instrument }),
      ...printedInput(printedDraft),
    };
    savePrinted.mutate(input, {
      onSuccess: async (result) => {
        await afterWrite(result.version);
        setPrintedDraft(null);
        toast.show(t('pts.printed.saved'));
      },
    });
  };

  const doSaveObs = () => {
    if (!selected || !draft) return;
    setObsSaved(null);
    // An unfinished sheet: every indicator left is outlined and named by the number the
    // sheet shows, and the first one takes the focus (the message clears as they are scored).
    if (!summaryMode && scoreProgress(cycle.rubric, draft.scores).missing.length > 0) {
      setShowMissing(true);
      sheetRef.current?.focusFirstMissing();
      return;
    }
    const common = {
      cycleId: cycle.id,
      version: base,
      teacherId: selected.id,
      ...(instrument === 0 ? {} : { instrument }),
      observedOn: draft.observedOn || null,
      notes: draft.notes.trim() ? draft.notes : null,
    };
    const input: TObservationUpsertInput = summaryMode
      ? {
          ...common,
          kind: 'summary',
          percentage: draft.percentage,
          // The scale travels only when picked; an unfinished N is the schema's to refuse.
          ...(draft.scaleChoice === 'percent'
            ? {}
            : { scale: draftScale(draft) ?? { kind: 'total', max: 0 } }),
        }
      : { ...common, kind: 'indicators', scores: draft.scores };
    // The API's schema, then the domain's scoring: what the server would refuse is said at
    // its field before anything is sent.
    let issues = issuesOf(ZObservationUpsertInput, input);
    if (issues.size === 0) {
      try {
        scoreObservation(
          cycle.rubric,
          input.kind === 'summary'
            ? summaryObservation(input.percentage, input.scale)
            : { kind: 'indicators', scores: input.scores },
        );
      } catch (error) {
        if (!isAppError(error)) throw error;
        issues = new Map([[error.field ?? 'scores', error.messages]]);
      }
    }
    setObsIssues(issues);
    if (issues.size > 0) return;
    const teacher = selected;
    // The sheet stays on the teacher just saved (or queued offline), so the figure can be
    // read back; "Guru berikutnya" moves on.
    offline.saveSheet(saveObs, input, teacher.name, {
      onQueued: (entry) => {
        setObsDrafts(({ [teacher.id]: _kept, ...rest }) => rest);
        setPicked(teacher.id);
        setShowMissing(false);
        setObsSaved({
          at: new Date(),
          message: t('offline.queued', {
            name: teacher.name,
            percent: f.decimal(entry.figures.percentage),
            band: entry.figures.band,
          }),
        });
      },
      onSuccess: async (result) => {
        await afterWrite(result.version);
        setObsDrafts(({ [teacher.id]: _saved, ...rest }) => rest);
        setPicked(teacher.id);
        setShowMissing(false);
        const at = new Date();
        setObsSaved({
          at,
          message: t('pts.obs.saved', {
            time: f.time(at),
            name: teacher.name,
            percent: f.decimal(result.observation.percentage),
            band: result.observation.band,
          }),
        });
      },
    });
  };

  const doSubmit = () => {
    submit.mutate(
      { cycleId: cycle.id, version: base },
      {
        onSuccess: async (result) => {
          setConfirmSubmit(false);
          await afterWrite(result.version);
          const warnings = result.warnings.map((w) => localized(w.message)).join(' ');
          toast.show(`${t('pts.submit.done', { label })}${warnings ? ` ${warnings}` : ''}`);
        },
        onError: (error) => {
          if (appErrorOf(error)?.code === 'CONFLICT') setConfirmSubmit(false);
        },
      },
    );
  };

  const reloadLatest = async () => {
    const latest = await reload();
    setObsDrafts({});
    setNotesDraft({});
    setPrintedDraft(null);
    savePrinted.reset();
    setObsIssues(NO_ISSUES);
    saveNotes.reset();
    saveObs.reset();
    submit.reset();
    deleteObs.reset();
    setObsSaved(null);
    setShowMissing(false);
    setConflict(false);
    if (latest) setBase(latest.version);
  };

  const select = (teacherId: string) => {
    setPicked(teacherId);
    setObsIssues(NO_ISSUES);
    setObsSaved(null);
    setShowMissing(false);
    saveObs.reset();
  };
  const nextTeacher = selected ? nextUnobserved(roster, selected.id) : null;
  const goNext = () => {
    if (!nextTeacher) return;
    select(nextTeacher.id);
    // The new sheet starts at its top, with the focus on the picker that names the teacher.
    const card = document.getElementById(SHEET_ID);
    card?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
    card?.querySelector<HTMLElement>('select')?.focus({ preventScroll: true });
  };
  // The refusal of an unfinished sheet, worded from the indicators still missing now.
  const missingNow =
    showMissing && draft && !summaryMode ? scoreProgress(cycle.rubric, draft.scores).missing : [];
  const editFromTable = (teacherId: string) => {
    select(teacherId);
    document.getElementById(SHEET_ID)?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  };

  // A refused write is said once: CONFLICT by the banner, a field's problem at the field
  // (also one inside it, `scores.B1`), anything else here.
  const writeError = (e: unknown, inline: string[]) => {
    const app = appErrorOf(e);
    if (!app || app.code === 'CONFLICT') return null;
    const field = app.field;
    if (field && inline.some((f) => field === f || field.startsWith(`${f}.`))) return null;
    return <ApiErrorMessage error={e} />;
  };
  const studyHref = `/studies/${cycle.studyId}`;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link to={studyHref}>
            {study.data
              ? t('pts.cycle.eyebrow', { school: study.data.schoolName, study: study.data.title })
              : t('pts.cycle.backToStudy')}
          </Link>
        }
        title={
          <span className="pts-title">
            {label} <StatusBadge status={cycle.status} />
          </span>
        }
        description={
          <>
            {cycle.review.submittedAt &&
              t('pts.cycle.submittedAt', { date: f.dateTime(cycle.review.submittedAt) })}{' '}
            <ProvisionalLabel standing={cycle.standing} />
          </>
        }
        actions={
          <div className="sk-row">
            {me.role === 'supervisor' && cycle.status === 'submitted' && (
              <Link
                className="sk-btn sk-btn--primary"
                to={`/review?cycleId=${encodeURIComponent(cycle.id)}`}
              >
                {t('pts.cycle.review')}
              </Link>
            )}
            {principal && cycle.status === 'submitted' && (
              <WithdrawSubmission
                cycleId={cycle.id}
                version={base}
                label={label}
                onDone={async (version) => {
                  toast.show(t('workflow.withdraw.done', { label }));
                  await afterWrite(version);
                }}
              />
            )}
            {canEdit && (
              <Button
                onClick={() => {
                  submit.reset();
                  setConfirmSubmit(true);
                }}
                disabled={dirty || conflict || !online}
                aria-describedby={dirty || !online ? 'pts-submit-hint' : undefined}
              >
                {t('pts.submit.button')}
              </Button>
            )}
          </div>
        }
      />
      <div className="sk-stack pts-page">
        {canEdit && (dirty || !online) && (
          <p id="pts-submit-hint" className="sk-muted">
            {online ? t('pts.submit.saveFirst') : t('offline.onlineOnly')}
          </p>
        )}
        <OutboxPanel entries={offline.entries} bandSet={bandSet} />
        {conflict && (
          <div className="sk-alert sk-alert--error pts-conflict" role="alert">
            <p className="sk-alert__message">
              <strong>{t('pts.conflict.title')}</strong>
            </p>
            <p className="sk-alert__message">{t('pts.conflict.body')}</p>
            <div className="sk-row">
              <Button onClick={() => void reloadLatest()}>{t('pts.conflict.reload')}</Button>
            </div>
          </div>
        )}
        {cycle.status === 'returned' && cycle.review.comment && (
          <section
            className="sk-alert pts-returned"
            aria-label={t('pts.cycle.returnedTitle')}
            data-testid="returned-comment"
          >
            <h2 className="pts-returned__title">{t('pts.cycle.returnedTitle')}</h2>
            <blockquote className="pts-returned__comment">{cycle.review.comment}</blockquote>
            <p className="sk-muted">
              {lastDecision?.actorName &&
                t('pts.cycle.returnedBy', {
                  name: `${lastDecision.actorName} (${t(`role.${lastDecision.actorRole ?? 'supervisor'}`)})`,
                  date: f.dateTime(lastDecision.at),
                })}
              {principal && <> · {t('pts.cycle.returnedHint')}</>}
            </p>
          </section>
        )}
        {cycle.status === 'approved' && cycle.review.comment && (
          <div className="sk-alert sk-alert--info">
            <p className="sk-alert__message">
              <strong>{t('pts.cycle.approvedComment')}:</strong> {cycle.review.comment}
            </p>
          </div>
        )}
        {!canEdit && (
          <div className="sk-alert sk-alert--info" role="note">
            <p className="sk-alert__message">
              {cycle.studyClosed
                ? t('closing.cycle.readOnly')
                : !principal
                  ? t('pts.cycle.readOnlySupervisor')
                  : cycle.status === 'approved'
                    ? t('pts.cycle.readOnlyApproved')
                    : t('pts.cycle.readOnlySubmitted')}
            </p>
          </div>
        )}

        <Card
          title={t('pts.table.title')}
          flush
          actions={
            <div className="sk-row">
              {canEdit && (
                <Link
                  className="sk-btn sk-btn--secondary sk-btn--sm"
                  to={ioPaths.cycleImport(cycle.id, instrument)}
                >
                  {t('pts.cycle.import')}
                </Link>
              )}
              <DownloadLink href={exportUrls.cycleTable(cycle.id, 'xlsx')}>
                {t('pts.cycle.tableXlsx')}
              </DownloadLink>
              <DownloadLink href={exportUrls.cycleTable(cycle.id, 'csv')}>
                {t('pts.cycle.tableCsv')}
              </DownloadLink>
            </div>
          }
        >
          <CycleTable cycle={cycle} label={label} onEdit={canEdit ? editFromTable : undefined} />
          {cycle.summary.n > 0 && (
            <div className="pts-card-note">
              <p>
                <strong>{t('pts.cycleCriteria.title')}:</strong>{' '}
                {localized(cycle.criteriaEvaluation.message)}
              </p>
            </div>
          )}
          {me.role === 'supervisor' && cycle.mismatches.length > 0 && (
            <MismatchList mismatches={cycle.mismatches} className="pts-card-note" />
          )}
        </Card>

        <CycleTimeline history={cycle.history} />

        <ObservationPanel
          id={SHEET_ID}
          rubric={cycle.rubric}
          bandSet={bandSet}
          roster={roster}
          selectedId={selectedId}
          onSelect={select}
          draft={draft}
          onDraftChange={(d) => {
            if (!selected) return;
            setObsSaved(null);
            setObsDrafts((s) => ({ ...s, [selected.id]: d }));
          }}
          dirtyIds={dirtyIds}
          readOnly={!canEdit}
          onSave={doSaveObs}
          onDelete={
            online
              ? () => {
                  deleteObs.reset();
                  setConfirmDelete(selected);
                }
              : undefined
          }
          onDiscard={() => selected && setObsDrafts(({ [selected.id]: _dropped, ...rest }) => rest)}
          saving={saveObs.isPending}
          disabled={conflict}
          saveStatus={
            missingNow.length > 0
              ? {
                  kind: 'error',
                  message: missingIndicatorsMessage(
                    missingNow.map((m) => m.number),
                    f.lang,
                    t,
                  ),
                }
              : obsSaved && { kind: 'saved', ...obsSaved }
          }
          showMissing={showMissing}
          sheetRef={sheetRef}
          nextTeacher={nextTeacher}
          onNext={goNext}
          conflict={
            conflict && (
              <p className="pts-save-row__conflict" data-testid="save-conflict">
                {t('pts.obs.conflictShort')}{' '}
                <Button size="sm" variant="secondary" onClick={() => void reloadLatest()}>
                  {t('pts.conflict.reload')}
                </Button>
              </p>
            )
          }
          errorFor={(field) =>
            messageFor(obsIssues, serverIssue(saveObs.error), f.lang, field, 'inside')
          }
          alerts={writeError(saveObs.error, [
            'teacherId',
            'scores',
            'percentage',
            'observedOn',
            'notes',
          ])}
          attachments={
            selected && (
              <SheetAttachments
                cycleId={cycle.id}
                teacherId={selected.id}
                teacherName={selected.name}
              />
            )
          }
        />

        {selected && (
          <FollowUpPanel cycle={cycle} teacherId={selected.id} teacherName={selected.name} />
        )}

        <StageNotes
          stages={stages}
          narrative={narrative}
          draft={notesDraft}
          onDraftChange={setNotesDraft}
          readOnly={!canEdit}
          onSave={doSaveNotes}
          saving={saveNotes.isPending}
          dirty={notesDirty}
          disabled={conflict}
          cycleId={cycle.id}
          version={base}
          serverError={notesServerIssue}
          footer={writeError(
            saveNotes.error,
            Object.keys(stages).flatMap((s) => [`${s}Notes`, `${s}Date`]),
          )}
        />

        <StageAttachments cycleId={cycle.id} />

        <PrintedFigures
          cycle={cycle}
          draft={printedDraft ?? initialPrinted(cycle, f.lang)}
          onDraftChange={setPrintedDraft}
          readOnly={!canEdit}
          showMismatches={principal}
          onSave={doSavePrinted}
          saving={savePrinted.isPending}
          dirty={printedDirty}
          disabled={conflict}
          version={base}
          serverError={printedServerIssue}
          footer={writeError(savePrinted.error, ['printedMean', 'printedMeanBand', 'printedBands'])}
        />
      </div>

      <ConfirmDialog
        open={confirmSubmit}
        title={t('pts.submit.title', { label })}
        confirmLabel={t('pts.submit.confirm')}
        cancelLabel={t('common.cancel')}
        onConfirm={doSubmit}
        onCancel={() => setConfirmSubmit(false)}
        busy={submit.isPending}
        footer={<ApiErrorMessage error={submit.error} />}
      >
        <p>{t('pts.submit.body')}</p>
        {cycle.unobservedTeachers.length > 0 && (
          <p className="pts-warning-text">
            {t('pts.submit.unobserved', {
              n: cycle.unobservedTeachers.length,
              names: cycle.unobservedTeachers.map((u) => u.name).join(', '),
            })}
          </p>
        )}
      </ConfirmDialog>
      <ConfirmDialog
        open={confirmDelete !== null}
        title={t('pts.obs.deleteTitle', { name: confirmDelete?.name ?? '' })}
        confirmLabel={t('pts.obs.deleteConfirm')}
        cancelLabel={t('common.cancel')}
        confirmVariant="danger"
        onConfirm={doDelete}
        onCancel={() => setConfirmDelete(null)}
        busy={deleteObs.isPending}
        footer={<ApiErrorMessage error={deleteObs.error} />}
      >
        <p>{t('pts.obs.deleteBody', { label })}</p>
      </ConfirmDialog>
      <UnsavedChangesGuard dirty={dirty} />
    </>
  );
}
