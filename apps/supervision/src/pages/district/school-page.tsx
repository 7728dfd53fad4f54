import { type RouterOutputs, useTRPC } from '@siklus/client';
import {
  Card,
  DataTable,
  type DataTableColumn,
  EmptyState,
  PageHeader,
  QueryState,
  StatusBadge,
  StudyClosedBadge,
  useFormat,
  useLocalized,
  useT,
} from '@siklus/ui';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { exportUrls } from '../../export-urls';
import { DownloadLink } from '../io/download-link';
import { StudyResults } from '../results/study-results';
import { SchoolFollowUps } from './school-follow-ups';

type StudyListItem = RouterOutputs['studies']['list'][number];

/**
 * A school's drill-down for the supervisor, read-only: the school, its studies (each
 * links to the shared study page), and one study's results as the study page shows them
 * (`StudyResults`, with the printed-figure check).
 * The study shown is the newest one, or `?study=<id>`.
 */
export function SchoolPage() {
  const t = useT();
  const trpc = useTRPC();
  const { schoolId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const school = useQuery(trpc.schools.get.queryOptions({ schoolId }));
  const studies = useQuery(trpc.studies.list.queryOptions({ schoolId }));

  if (!school.isSuccess)
    return (
      <QueryState
        query={school}
        frame={(state) => (
          <>
            <PageHeader title={t('district.school.title')} eyebrow={<BackLink />} />
            {state}
          </>
        )}
      >
        {() => null}
      </QueryState>
    );
  const s = school.data;
  const chosen = searchParams.get('study');
  const shown = studies.data?.find((st) => st.id === chosen) ?? studies.data?.[0] ?? null;

  return (
    <>
      <PageHeader
        eyebrow={<BackLink />}
        title={s.name}
        description={`${t('district.npsn')} ${s.npsn} · ${s.subdistrict} · ${t('district.teachers')}: ${s.teacherCount}`}
      />
      <Card title={t('district.school.studies')} flush>
        <QueryState query={studies}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState title={t('district.noStudy')}>
                {t('district.school.noStudies')}
              </EmptyState>
            ) : (
              <StudyList studies={list} schoolName={s.name} shownId={shown?.id ?? null} />
            )
          }
        </QueryState>
      </Card>
      <SchoolFollowUps schoolId={s.id} />
      {shown && <StudyDetail studyId={shown.id} />}
    </>
  );
}

function BackLink() {
  const t = useT();
  return <Link to="/dashboard">{t('district.school.back')}</Link>;
}

function StudyList({
  studies,
  schoolName,
  shownId,
}: {
  studies: StudyListItem[];
  schoolName: string;
  shownId: string | null;
}) {
  const t = useT();
  const f = useFormat();
  const local = useLocalized();
  const columns = useMemo<DataTableColumn<StudyListItem>[]>(
    () => [
      {
        id: 'title',
        header: t('district.study'),
        cell: ({ row: { original: st } }) => (
          <div className="sk-district-study">
            <Link to={`/studies/${st.id}`}>{st.title}</Link>
            {st.id !== shownId && (
              <Link to={`?study=${st.id}`} className="sk-district-note">
                {t('district.school.matrix')} ↓
              </Link>
            )}
          </div>
        ),
      },
      { accessorKey: 'schoolYear', header: t('district.schoolYear') },
      {
        accessorKey: 'cycleCount',
        header: t('district.cycles'),
        cell: ({ getValue }) => f.integer(getValue()),
        meta: { numeric: true },
      },
      {
        id: 'latest',
        header: t('district.status'),
        cell: ({ row: { original: st } }) =>
          st.latestStatus && st.latestLabel ? (
            <span className="sk-row">
              {local(st.latestLabel)} <StatusBadge status={st.latestStatus} />
              <StudyClosedBadge closedAt={st.closedAt} />
            </span>
          ) : (
            '–'
          ),
      },
    ],
    [t, f, local, shownId],
  );
  return (
    <DataTable
      data={studies}
      columns={columns}
      caption={t('district.school.studiesCaption', { school: schoolName })}
      getRowId={(st) => st.id}
      pageSize={false}
      dense
    />
  );
}

// ---------------------------------------------------------------------------------------

function StudyDetail({ studyId }: { studyId: string }) {
  const t = useT();
  const local = useLocalized();
  const trpc = useTRPC();
  const detail = useQuery(trpc.reports.schoolDetail.queryOptions({ studyId }));
  return (
    <QueryState query={detail} frame={(state) => <Card>{state}</Card>}>
      {(d) => (
        <>
          <Card
            className="sk-district-card"
            title={t('district.school.latest', { title: d.study.title })}
            description={t('district.school.readOnly')}
            actions={
              <>
                <Link className="sk-btn sk-btn--secondary sk-btn--sm" to={`/studies/${d.study.id}`}>
                  {t('district.school.openStudy')}
                </Link>
                <DownloadLink href={exportUrls.studyRecap(d.study.id, 'csv')}>
                  {t('district.exportCsv')}
                </DownloadLink>
                <DownloadLink href={exportUrls.studyRecap(d.study.id, 'xlsx')}>
                  {t('district.exportXlsx')}
                </DownloadLink>
              </>
            }
          >
            <dl className="sk-dl">
              <dt>{t('district.school.focus')}</dt>
              <dd>{d.study.focus}</dd>
              <dt>{t('district.schoolYear')}</dt>
              <dd>{d.study.schoolYear}</dd>
              <dt>{t('district.criteria')}</dt>
              <dd>{local(d.criteria.description)}</dd>
            </dl>
          </Card>
          <StudyResults detail={d} supervisor />
        </>
      )}
    </QueryState>
  );
}
