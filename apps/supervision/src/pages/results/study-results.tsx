import { useTRPC } from '@siklus/client';
import { GAIN_CONVENTIONS, GAIN_LABELS } from '@siklus/domain';
import { Card, EmptyState, ProvisionalLabel, QueryState, useLocalized, useT } from '@siklus/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { CycleSummaries } from './cycle-summaries';
import type { SchoolDetail } from './figures';
import { InstrumentTables } from './instrument-tables';
import { MeanGains } from './mean-gains';
import { PrintedFiguresCheck } from './printed-check';
import { StudyCharts } from './study-charts';
import { TeacherCycleMatrix } from './teacher-cycle-matrix';

/**
 * A school's study as `reports.schoolDetail` reports it, the one view both roles read: the
 * success criteria judged on the study's result (its latest approved cycle, or submitted
 * when asked for), the cycles with their summaries,
 * the teacher x cycle matrix with the gains, and the charts. A supervisor reads it with the
 * printed-figure check and the way to each submitted cycle's review. Every figure is the
 * API's; this only formats it.
 */
export function StudyResults({
  detail,
  supervisor,
  cyclesActions,
  cyclesNote,
}: {
  detail: SchoolDetail;
  supervisor: boolean;
  /** Beside the cycles' title: the principal's "add a cycle". */
  cyclesActions?: ReactNode;
  /** Above the cycles' table: why a cycle cannot be added, what went wrong adding it. */
  cyclesNote?: ReactNode;
}) {
  const t = useT();
  const observed = detail.cycles.some((c) => c.summary.n > 0);
  return (
    <>
      <CriteriaVerdict detail={detail} />
      {supervisor && (
        <PrintedFiguresCheck cycles={detail.cycles} mismatchCount={detail.mismatchCount} />
      )}
      <Card title={t('pts.study.cycles')} flush actions={cyclesActions}>
        {cyclesNote}
        {detail.cycles.length === 0 ? (
          <EmptyState />
        ) : (
          <CycleSummaries detail={detail} reviewLinks={supervisor} />
        )}
      </Card>
      <Card title={t('pts.progress.title')} description={t('pts.progress.description')} flush>
        {observed ? (
          <TeacherCycleMatrix detail={detail} />
        ) : (
          <EmptyState>{t('pts.progress.empty')}</EmptyState>
        )}
      </Card>
      {observed && <InstrumentTables detail={detail} supervisor={supervisor} />}
      {observed && detail.gains.length > 0 && (
        <Card
          title={t('pts.progress.meanGains')}
          flush
          actions={supervisor ? undefined : <GainFirstSelect detail={detail} />}
        >
          <MeanGains detail={detail} />
        </Card>
      )}
      {observed && <StudyCharts detail={detail} />}
    </>
  );
}

/** The principal's choice of the gain shown first (studies.setGainFirst); the server checks the role. */
function GainFirstSelect({ detail }: { detail: SchoolDetail }) {
  const t = useT();
  const localized = useLocalized();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const studyId = detail.study.id;
  const save = useMutation(
    trpc.studies.setGainFirst.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries(trpc.reports.schoolDetail.queryFilter({ studyId })),
    }),
  );
  return (
    <label>
      <span>{t('pts.gains.first')}</span>{' '}
      <select
        className="sk-input sk-input--sm"
        value={detail.study.gainFirst}
        disabled={save.isPending}
        onChange={(e) => {
          const gainFirst = GAIN_CONVENTIONS.find((c) => c === e.target.value);
          if (gainFirst) save.mutate({ studyId, gainFirst });
        }}
      >
        {GAIN_CONVENTIONS.map((c) => (
          <option key={c} value={c}>
            {localized(GAIN_LABELS[c])}
          </option>
        ))}
      </select>
    </label>
  );
}

function CriteriaVerdict({ detail }: { detail: SchoolDetail }) {
  const t = useT();
  const localized = useLocalized();
  // The verdict reads the study's result (the latest approved cycle, or submitted when
  // asked), never a draft; later cycles still in progress are named as provisional.
  const latest = detail.cycles.find((c) => c.ordinal === detail.resultOrdinal);
  const pending = detail.cycles.filter(
    (c) => c.summary.n > 0 && c.standing.provisional && c.ordinal > (detail.resultOrdinal ?? -1),
  );
  const met = latest?.criteria.met;
  return (
    <Card title={t('pts.progress.criteriaTitle')}>
      <div className="sk-stack">
        <p>{t('pts.progress.criteriaRule', { rule: localized(detail.criteria.description) })}</p>
        {latest ? (
          <div
            className={
              met
                ? 'sk-alert sk-alert--info pts-criteria pts-criteria--met'
                : 'sk-alert pts-criteria pts-criteria--unmet'
            }
            data-testid="criteria-result"
          >
            <p className="sk-alert__message">
              <span className="pts-criteria__badge">
                {met === null
                  ? t('workflow.criteria.notJudged')
                  : met
                    ? t('pts.progress.met')
                    : t('pts.progress.notMet')}
              </span>{' '}
              {t('pts.progress.criteriaOn', { label: localized(latest.label) })}{' '}
              {localized(latest.criteria.message)} <ProvisionalLabel standing={latest.standing} />
            </p>
          </div>
        ) : (
          <p className="sk-muted">
            {pending.length > 0 ? t('workflow.result.none') : t('pts.progress.criteriaNone')}
          </p>
        )}
        {pending.map((c) => (
          <p key={c.id}>
            <ProvisionalLabel standing={c.standing} subject={localized(c.label)} />
          </p>
        ))}
      </div>
    </Card>
  );
}

/** `StudyResults` for a study id: loads `reports.schoolDetail`, shows its pending and failed states. */
export function StudyResultsOf({
  studyId,
  ...rest
}: { studyId: string } & Omit<Parameters<typeof StudyResults>[0], 'detail'>) {
  const t = useT();
  const trpc = useTRPC();
  const detail = useQuery(trpc.reports.schoolDetail.queryOptions({ studyId }));
  return (
    <QueryState
      query={detail}
      inline
      frame={(state) => <Card title={t('pts.progress.title')}>{state}</Card>}
    >
      {(data) => <StudyResults detail={data} {...rest} />}
    </QueryState>
  );
}
