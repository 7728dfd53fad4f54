import { appErrorOf, type RouterOutputs, useTRPC } from '@siklus/client';
import { calendarDaysBetween, DEFAULT_TIME_ZONE, ZCycleReturnInput } from '@siklus/domain';
import {
  ApiErrorMessage,
  Button,
  Card,
  type DataTableColumn,
  FormTextArea,
  msg,
  PageHeader,
  QueryState,
  QueryTable,
  StatusBadge,
  showApiFieldError,
  type TMessage,
  useFormat,
  useLocalized,
  useMessageText,
  useT,
  useTimeZone,
  useToast,
  useZodForm,
} from '@siklus/ui';
import {
  keepPreviousData,
  skipToken,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { PaginationState } from '@tanstack/react-table';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useOnline } from '../../offline/online';
import { CycleTimeline } from '../pts/cycle-timeline';
import { CycleTable } from '../results/cycle-table';
import { Band } from '../results/figures';
import { MismatchList } from '../results/printed-check';
import { ApproveDialog } from './approve-dialog';

type QueueItem = RouterOutputs['review']['queue']['items'][number];

const QUEUE_ID = 'review-queue';
type CycleView = RouterOutputs['cycles']['get'];

/**
 * The review queue: cycles principals submitted, oldest first (`review.queue`). Opening one
 * (`?cycleId=…`, a deep link) shows its table and notes read-only beside the queue, with
 * approve (optional comment) and return (comment required). Both carry the version read;
 * a CONFLICT means someone moved the cycle meanwhile, and the panel offers a reload.
 */
export function ReviewPage() {
  const t = useT();
  const [searchParams, setSearchParams] = useSearchParams();
  const cycleId = searchParams.get('cycleId');
  const toast = useToast();
  const say = useMessageText();
  // After a decision the panel that had the focus closes: the queue takes it, and a toast
  // (announced politely) says what happened.
  const [decisions, setDecisions] = useState(0);
  useEffect(() => {
    if (decisions > 0) document.getElementById(QUEUE_ID)?.focus();
  }, [decisions]);

  const open = (id: string | null) => {
    const next = new URLSearchParams(searchParams);
    if (id) next.set('cycleId', id);
    else next.delete('cycleId');
    setSearchParams(next);
  };
  /** A decision closes the panel and says what happened. */
  const decided = (message: TMessage) => {
    toast.show(say(message));
    open(null);
    setDecisions((n) => n + 1);
  };

  return (
    <>
      <PageHeader
        title={t('district.review.title')}
        description={t('district.review.description')}
      />
      <div
        className={cycleId ? 'sk-district-review sk-district-review--open' : 'sk-district-review'}
      >
        <Queue openId={cycleId} onOpen={open} />
        {cycleId && (
          <ReviewPanel
            key={cycleId}
            cycleId={cycleId}
            onClose={() => open(null)}
            onDone={decided}
          />
        )}
      </div>
    </>
  );
}

// ---------------------------------------------------------------------------------------

function Queue({ openId, onOpen }: { openId: string | null; onOpen: (id: string) => void }) {
  const t = useT();
  const f = useFormat();
  const local = useLocalized();
  const trpc = useTRPC();
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize: 25 });
  const queue = useQuery({
    ...trpc.review.queue.queryOptions({
      limit: pagination.pageSize,
      offset: pagination.pageIndex * pagination.pageSize,
    }),
    placeholderData: keepPreviousData,
  });

  const columns = useMemo<DataTableColumn<QueueItem>[]>(
    () => [
      {
        id: 'school',
        header: t('district.school'),
        cell: ({ row: { original: q } }) => (
          <div className="sk-district-school">
            <Link to={`/schools/${q.schoolId}`} className="sk-district-school__name">
              {q.schoolName}
            </Link>
            <span className="sk-district-note">
              {q.npsn} · {q.subdistrict}
            </span>
            <span className="sk-district-note sk-district-clamp" title={q.studyTitle}>
              {q.studyTitle}
            </span>
          </div>
        ),
      },
      {
        id: 'cycle',
        header: t('district.cycle'),
        cell: ({ row: { original: q } }) => <span className="sk-nowrap">{local(q.label)}</span>,
      },
      {
        id: 'n',
        header: t('district.teachers'),
        cell: ({ row: { original: q } }) => f.integer(q.n),
        meta: { numeric: true },
      },
      {
        id: 'mean',
        header: t('district.mean'),
        cell: ({ row: { original: q } }) => f.decimal(q.mean),
        meta: { numeric: true },
      },
      {
        id: 'waited',
        header: t('district.review.waited'),
        cell: ({ row: { original: q } }) => (
          <div className="sk-district-figure">
            <Waited since={q.submittedAt} />
            <span className="sk-district-note sk-nowrap" title={f.dateTime(q.submittedAt)}>
              {f.date(q.submittedAt)}
            </span>
          </div>
        ),
        meta: { numeric: true },
      },
      {
        id: 'open',
        header: '',
        cell: ({ row: { original: q } }) => (
          <Button
            size="sm"
            variant={openId === q.cycleId ? 'primary' : 'secondary'}
            aria-label={t('district.review.openOne', {
              school: q.schoolName,
              cycle: local(q.label),
            })}
            aria-pressed={openId === q.cycleId}
            onClick={() => onOpen(q.cycleId)}
          >
            {t('district.review.open')}
          </Button>
        ),
      },
    ],
    [t, f, local, openId, onOpen],
  );

  return (
    <Card
      title={t('district.review.caption')}
      flush
      className="sk-district-review__queue"
      id={QUEUE_ID}
      tabIndex={-1}
    >
      <QueryTable
        query={queue}
        rows={(data) => data.items}
        total={(data) => data.total}
        whenEmpty={{
          title: t('district.review.empty'),
          body: t('district.review.emptyBody'),
        }}
        columns={columns}
        caption={t('district.review.caption')}
        getRowId={(q) => q.cycleId}
        pagination={pagination}
        onPaginationChange={setPagination}
        dense
      />
    </Card>
  );
}

function Waited({ since }: { since: string | Date | null }) {
  const t = useT();
  const f = useFormat();
  const zone = useTimeZone();
  if (!since) return <span className="sk-muted">–</span>;
  // Calendar days of the district's zone: submitted at 23:30 WIB is "1 day" at 00:30.
  const days = calendarDaysBetween(since, new Date(), zone ?? DEFAULT_TIME_ZONE);
  return (
    <span
      className={days >= 14 ? 'sk-district-waited sk-district-waited--long' : 'sk-district-waited'}
    >
      {days === 0
        ? t('district.review.waitedToday')
        : t('district.review.waitedDays', { days: f.integer(days) })}
    </span>
  );
}

// ---------------------------------------------------------------------------------------

function ReviewPanel({
  cycleId,
  onClose,
  onDone,
}: {
  cycleId: string;
  onClose: () => void;
  onDone: (message: TMessage) => void;
}) {
  const t = useT();
  const local = useLocalized();
  const trpc = useTRPC();
  const cycle = useQuery(trpc.cycles.get.queryOptions({ cycleId }));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const loaded = cycle.isSuccess;
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  // cycles.get names the school by id only; a deep link may open a cycle not in the
  // queue's page, so the name comes from the school itself.
  const school = useQuery(
    trpc.schools.get.queryOptions(cycle.data ? { schoolId: cycle.data.schoolId } : skipToken),
  );
  const schoolName = school.data?.name ?? '';

  return (
    <Card className="sk-district-review__panel" aria-labelledby={`review-${cycleId}`}>
      <div className="sk-district-panel__head">
        <h2 id={`review-${cycleId}`} ref={headingRef} tabIndex={-1} className="sk-card__title">
          {cycle.data && schoolName
            ? t('district.review.panelTitle', {
                school: schoolName,
                cycle: local(cycle.data.label),
              })
            : cycle.data
              ? local(cycle.data.label)
              : t('district.review.title')}
        </h2>
        <Button variant="ghost" size="sm" onClick={onClose}>
          {t('district.review.close')}
        </Button>
      </div>
      <QueryState query={cycle}>
        {(data) => (
          <CycleReview
            cycle={data}
            schoolName={schoolName}
            onReload={() => cycle.refetch()}
            onDone={onDone}
          />
        )}
      </QueryState>
    </Card>
  );
}

function CycleReview({
  cycle,
  schoolName,
  onReload,
  onDone,
}: {
  cycle: CycleView;
  schoolName: string;
  onReload: () => Promise<unknown>;
  onDone: (message: TMessage) => void;
}) {
  const t = useT();
  const f = useFormat();
  const local = useLocalized();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The API's own schema decides what a valid return is, and words the message.
  const form = useZodForm({
    schema: ZCycleReturnInput,
    defaultValues: { comment: '' },
    toInput: (v: { comment: string }) => ({
      cycleId: cycle.id,
      version: cycle.version,
      comment: v.comment,
    }),
  });
  const cycleName = local(cycle.label);

  const afterMove = async (message: TMessage) => {
    // The queue, the dashboard's figures and statuses, and this cycle all changed.
    await Promise.all([
      queryClient.invalidateQueries(trpc.review.pathFilter()),
      queryClient.invalidateQueries(trpc.reports.pathFilter()),
      queryClient.invalidateQueries(trpc.cycles.pathFilter()),
      queryClient.invalidateQueries(trpc.studies.pathFilter()),
    ]);
    onDone(message);
  };
  const approve = useMutation(
    trpc.review.approve.mutationOptions({
      onSuccess: () =>
        afterMove(msg('district.review.approved', { school: schoolName, cycle: cycle.label })),
    }),
  );
  const giveBack = useMutation(
    trpc.review.return.mutationOptions({
      onSuccess: () =>
        afterMove(msg('district.review.returned', { school: schoolName, cycle: cycle.label })),
    }),
  );
  const error = approve.error ?? giveBack.error;
  const conflict = appErrorOf(error)?.code === 'CONFLICT';
  const busy = approve.isPending || giveBack.isPending;
  // A decision needs the server (decision 024): offline it is refused here, saying so.
  const online = useOnline();

  const sendReturn = form.handleSubmit((input) =>
    giveBack.mutate(input, { onError: (e) => showApiFieldError(form, e, ['comment']) }),
  );
  const onReturn = (e: FormEvent) => {
    approve.reset();
    void sendReturn(e);
  };
  const [confirmApprove, setConfirmApprove] = useState(false);
  const onApprove = () => {
    giveBack.reset();
    approve.reset();
    form.clearErrors();
    setConfirmApprove(true);
  };
  const doApprove = () => {
    const comment = form.getValues('comment').trim();
    approve.mutate(
      {
        cycleId: cycle.id,
        version: cycle.version,
        confirmLock: true,
        ...(comment ? { comment } : {}),
      },
      { onSettled: () => setConfirmApprove(false) },
    );
  };
  const reload = async () => {
    approve.reset();
    giveBack.reset();
    await Promise.all([onReload(), queryClient.invalidateQueries(trpc.review.pathFilter())]);
  };

  return (
    <div className="sk-stack">
      <div className="sk-row">
        <StatusBadge status={cycle.status} />
        <span>
          {t('district.mean')}: <strong>{f.decimal(cycle.summary.mean)}</strong>
        </span>
        <Band label={cycle.summary.meanBand} bands={cycle.bandSet.bands} />
        <span className="sk-district-note">
          {t('district.review.submittedAt')}: {f.dateTime(cycle.review.submittedAt)}
        </span>
        <Link to={`/studies/${cycle.studyId}`}>{t('district.school.openStudy')}</Link>
      </div>
      <p className="sk-district-note">{local(cycle.criteriaEvaluation.message)}</p>

      <h3 className="sk-district-h3">{t('district.review.table')}</h3>
      <CycleTable cycle={cycle} label={cycleName} />
      {cycle.mismatches.length > 0 && <MismatchList mismatches={cycle.mismatches} />}

      <h3 className="sk-district-h3">{t('district.review.notes')}</h3>
      <StageNotes stages={cycle.stages} />
      {cycle.review.comment && (
        <p className="sk-district-note">
          {t('district.review.previousComment', { comment: cycle.review.comment })}
        </p>
      )}

      {cycle.status !== 'submitted' ? (
        <div className="sk-alert sk-alert--info" role="status">
          <p className="sk-alert__message">
            {t('district.review.notSubmitted', { status: t(`status.${cycle.status}`) })}
          </p>
        </div>
      ) : (
        <form className="sk-form sk-district-decision" onSubmit={onReturn} noValidate>
          <FormTextArea
            form={form}
            name="comment"
            label={t('district.review.comment')}
            hint={t('district.review.commentHint')}
            rows={3}
            maxLength={4000}
          />
          {conflict ? (
            <div className="sk-alert sk-alert--error" role="alert">
              <p className="sk-alert__message">{t('district.review.conflict')}</p>
              <Button variant="secondary" size="sm" onClick={() => void reload()}>
                {t('district.review.reload')}
              </Button>
            </div>
          ) : (
            <ApiErrorMessage error={error} inlineFields={['comment']} />
          )}
          {!online && <p className="sk-muted">{t('offline.onlineOnly')}</p>}
          <div className="sk-row">
            <Button
              type="submit"
              variant="danger"
              loading={giveBack.isPending}
              disabled={busy || !online}
            >
              {t('district.review.return')}
            </Button>
            <Button
              type="button"
              variant="primary"
              loading={approve.isPending}
              disabled={busy || !online}
              onClick={onApprove}
            >
              {t('district.review.approve')}
            </Button>
          </div>
        </form>
      )}
      <ApproveDialog
        open={confirmApprove}
        cycleName={cycleName}
        schoolName={schoolName}
        busy={approve.isPending}
        error={null}
        onConfirm={doApprove}
        onCancel={() => setConfirmApprove(false)}
      />
      <CycleTimeline history={cycle.history} />
    </div>
  );
}

export function StageNotes({ stages }: { stages: CycleView['stages'] }) {
  const t = useT();
  const f = useFormat();
  const order = ['planning', 'action', 'observation', 'reflection'] as const;
  return (
    <dl className="sk-district-stages">
      {order.map((key) => {
        const stage = stages[key];
        return (
          <div key={key}>
            <dt>
              {t(`district.review.stage.${key}`)}
              {stage.date && <span className="sk-district-note"> · {f.date(stage.date)}</span>}
            </dt>
            <dd className={stage.notes ? 'sk-district-notes' : 'sk-muted'}>
              {stage.notes || t('district.review.noNotes')}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
