import { type RouterOutputs, useTRPC } from '@siklus/client';
import { cycleLabel, type TBandSet } from '@siklus/domain';
import {
  ApiErrorMessage,
  Button,
  Card,
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  StatusBadge,
  useCurrentUser,
  useFormat,
  useLocalized,
  useT,
} from '@siklus/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { exportUrls, ioPaths } from '../../export-urls';
import { ProgressSection } from './progress';
import { Band, DownloadLink } from './shared';

type Study = RouterOutputs['studies']['get'];

/** `/studies/:studyId`: the study, its cycles, and its progress across cycles. */
export function StudyPage() {
  const { studyId = '' } = useParams();
  const t = useT();
  const trpc = useTRPC();
  const study = useQuery(trpc.studies.get.queryOptions({ studyId }));
  if (study.isPending)
    return (
      <>
        <PageHeader title={t('sup.study.title')} />
        <LoadingState />
      </>
    );
  if (study.isError)
    return (
      <>
        <PageHeader title={t('sup.study.title')} />
        <ErrorState error={study.error} onRetry={() => void study.refetch()} />
      </>
    );
  return <StudyView study={study.data} />;
}

function StudyView({ study }: { study: Study }) {
  const t = useT();
  const f = useFormat();
  const me = useCurrentUser();
  const principal = me.role === 'principal';
  const studiesHref = principal ? '/studies' : `/studies?schoolId=${study.schoolId}`;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link to={studiesHref}>
            {t('pts.study.eyebrow', { school: study.schoolName, npsn: study.npsn })}
          </Link>
        }
        title={study.title}
        description={study.focus}
      />
      <div className="sk-stack pts-page">
        <Card>
          <dl className="sk-dl">
            <dt>{t('pts.study.year')}</dt>
            <dd>
              {study.schoolYear}
              {study.semester
                ? ` · ${t('pts.study.semester')} ${t(`pts.create.${study.semester}`)}`
                : ''}
            </dd>
            <dt>{t('pts.study.rubric')}</dt>
            <dd>{t('pts.create.version', study.rubric)}</dd>
            <dt>{t('pts.study.bands')}</dt>
            <dd>
              {study.bandSet.ranges
                .map((r) => `${r.label} ${f.decimal(r.from)}–${f.decimal(r.to)}`)
                .join(' · ')}
            </dd>
            <dt>{t('pts.study.criteria')}</dt>
            <dd>{study.criteriaSet.description[f.lang]}</dd>
            {study.source && (
              <>
                <dt>{t('pts.study.source')}</dt>
                <dd>{study.source}</dd>
              </>
            )}
          </dl>
        </Card>
        <CyclesCard study={study} principal={principal} supervisor={me.role === 'supervisor'} />
        <ProgressSection studyId={study.id} supervisor={me.role === 'supervisor'} />
        <Card title={t('pts.study.downloads')}>
          <div className="sk-row">
            <DownloadLink href={exportUrls.studyRecap(study.id, 'xlsx')}>
              {t('pts.study.recapXlsx')}
            </DownloadLink>
            <DownloadLink href={exportUrls.studyRecap(study.id, 'csv')}>
              {t('pts.study.recapCsv')}
            </DownloadLink>
            <DownloadLink href={exportUrls.studyReport(study.id)}>
              {t('pts.study.reportDocx')}
            </DownloadLink>
            <Link
              className="sk-btn sk-btn--secondary sk-btn--sm"
              to={ioPaths.studyReportPrint(study.id)}
            >
              {t('pts.study.reportPrint')}
            </Link>
          </div>
        </Card>
      </div>
    </>
  );
}

function CyclesCard({
  study,
  principal,
  supervisor,
}: {
  study: Study;
  principal: boolean;
  supervisor: boolean;
}) {
  const t = useT();
  const f = useFormat();
  const localized = useLocalized();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const bandSet: TBandSet = study.bandSet.bands;
  const nextLabel = cycleLabel((study.cycles.at(-1)?.ordinal ?? -1) + 1, f.lang);
  const add = useMutation(
    trpc.cycles.create.mutationOptions({
      onSuccess: async (created) => {
        await queryClient.invalidateQueries(trpc.studies.get.queryFilter({ studyId: study.id }));
        void navigate(`/cycles/${created.id}`);
      },
    }),
  );
  return (
    <Card
      title={t('pts.study.cycles')}
      flush
      actions={
        principal ? (
          <Button
            size="sm"
            disabled={!study.canAddCycle}
            loading={add.isPending}
            onClick={() => add.mutate({ studyId: study.id })}
            title={study.canAddCycle ? undefined : t('pts.study.addCycleBlocked')}
          >
            {t('pts.study.addCycle', { label: nextLabel })}
          </Button>
        ) : undefined
      }
    >
      {principal && !study.canAddCycle && (
        <p className="sk-muted pts-card-note">{t('pts.study.addCycleBlocked')}</p>
      )}
      <ApiErrorMessage error={add.error} className="pts-card-note" />
      <div className="sk-table-scroll">
        <table className="sk-table">
          <caption className="sk-visually-hidden">{t('pts.study.cyclesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pts.study.col.cycle')}</th>
              <th scope="col">{t('pts.study.col.status')}</th>
              <th scope="col" className="sk-num">
                {t('pts.study.col.n')}
              </th>
              <th scope="col" className="sk-num">
                {t('pts.study.col.mean')}
              </th>
              <th scope="col">{t('pts.study.col.band')}</th>
            </tr>
          </thead>
          <tbody>
            {study.cycles.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={`/cycles/${c.id}`}>{localized(c.label)}</Link>
                </th>
                <td>
                  <span className="sk-row">
                    <StatusBadge status={c.status} />
                    {supervisor && c.status === 'submitted' && (
                      <Link to={`/review?cycleId=${encodeURIComponent(c.id)}`}>
                        {t('pts.cycle.review')}
                      </Link>
                    )}
                  </span>
                </td>
                <td className="sk-num">{f.integer(c.n)}</td>
                <td className="sk-num">{f.decimal(c.mean)}</td>
                <td>
                  <Band bandSet={bandSet} label={c.meanBand} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {study.cycles.length === 0 && <EmptyState />}
    </Card>
  );
}
