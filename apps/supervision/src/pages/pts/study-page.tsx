import { type RouterOutputs, useTRPC } from '@siklus/client';
import { cycleLabel } from '@siklus/domain';
import {
  ApiErrorMessage,
  Button,
  Card,
  ConfirmDialog,
  PageHeader,
  QueryState,
  StudyClosure,
  useCurrentUser,
  useFormat,
  useT,
} from '@siklus/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { exportUrls, ioPaths } from '../../export-urls';
import { DownloadLink } from '../io/download-link';
import { StudyResultsOf } from '../results/study-results';

type Study = RouterOutputs['studies']['get'];

/** `/studies/:studyId`: the study, its cycles, and its progress across cycles. */
export function StudyPage() {
  const { studyId = '' } = useParams();
  const t = useT();
  const trpc = useTRPC();
  const study = useQuery(trpc.studies.get.queryOptions({ studyId }));
  return (
    <QueryState
      query={study}
      frame={(state) => (
        <>
          <PageHeader title={t('sup.study.title')} />
          {state}
        </>
      )}
    >
      {(data) => <StudyView study={data} />}
    </QueryState>
  );
}

function StudyView({ study }: { study: Study }) {
  const t = useT();
  const f = useFormat();
  const me = useCurrentUser();
  const principal = me.role === 'principal';
  const addCycle = useAddCycle(study);
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
        <StudyClosure
          study={study}
          actions={principal && !study.closed ? <CloseStudy study={study} /> : undefined}
        />
        {principal && isEmptyStudy(study) && (
          <Card title={t('recap.open')}>
            <p className="sk-muted">{t('recap.description')}</p>
            <Link
              className="sk-btn sk-btn--secondary sk-btn--sm"
              to={ioPaths.studyRecapImport(study.id)}
            >
              {t('recap.open')}
            </Link>
          </Card>
        )}
        <StudyResultsOf
          studyId={study.id}
          supervisor={me.role === 'supervisor'}
          cyclesActions={principal && !study.closed ? addCycle.button : undefined}
          cyclesNote={principal && !study.closed ? addCycle.note : undefined}
        />
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

/** Only its Kondisi Awal, in draft, with no observation: a recap of every cycle may go in. */
const isEmptyStudy = (study: Study) =>
  study.cycles.length === 1 && study.cycles[0]!.status === 'draft' && study.cycles[0]!.n === 0;

/** The principal's "add the next cycle" button, and the note under it (why not, or what failed). */
function useAddCycle(study: Study) {
  const t = useT();
  const f = useFormat();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const nextLabel = cycleLabel((study.cycles.at(-1)?.ordinal ?? -1) + 1, f.lang);
  const add = useMutation(
    trpc.cycles.create.mutationOptions({
      onSuccess: async (created) => {
        await Promise.all([
          queryClient.invalidateQueries(trpc.studies.get.queryFilter({ studyId: study.id })),
          queryClient.invalidateQueries(
            trpc.reports.schoolDetail.queryFilter({ studyId: study.id }),
          ),
        ]);
        void navigate(`/cycles/${created.id}`);
      },
    }),
  );
  return {
    button: (
      <Button
        size="sm"
        disabled={!study.canAddCycle}
        loading={add.isPending}
        onClick={() => add.mutate({ studyId: study.id })}
        title={study.canAddCycle ? undefined : t('pts.study.addCycleBlocked')}
      >
        {t('pts.study.addCycle', { label: nextLabel })}
      </Button>
    ),
    note: (
      <>
        {!study.canAddCycle && (
          <p className="sk-muted pts-card-note">{t('pts.study.addCycleBlocked')}</p>
        )}
        <ApiErrorMessage error={add.error} className="pts-card-note" />
      </>
    ),
  };
}

/**
 * The principal's "close the study" (selesai): offered once every cycle is approved and
 * there is a cycle past the baseline; the server judges the rest (a complete roster) and
 * says why when it refuses. Asks first: a closed study is read-only.
 */
function CloseStudy({ study }: { study: Study }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const ready = study.cycles.length > 1 && study.cycles.every((c) => c.status === 'approved');
  const close = useMutation(
    trpc.studies.close.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await Promise.all([
          queryClient.invalidateQueries(trpc.studies.get.queryFilter({ studyId: study.id })),
          queryClient.invalidateQueries(trpc.studies.list.queryFilter()),
        ]);
      },
    }),
  );
  return (
    <div className="sk-stack">
      <div className="sk-row">
        <Button
          size="sm"
          variant="secondary"
          disabled={!ready}
          onClick={() => {
            close.reset();
            setOpen(true);
          }}
        >
          {t('closing.close.button')}
        </Button>
      </div>
      {!ready && <p className="sk-muted pts-card-note">{t('closing.close.hint')}</p>}
      {!open && <ApiErrorMessage error={close.error} />}
      <ConfirmDialog
        open={open}
        title={t('closing.close.title', { title: study.title })}
        confirmLabel={t('closing.close.confirm')}
        cancelLabel={t('common.cancel')}
        busy={close.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={() => close.mutate({ studyId: study.id, confirmClose: true })}
        footer={<ApiErrorMessage error={close.error} />}
      >
        <p>{t('closing.close.body')}</p>
      </ConfirmDialog>
    </div>
  );
}
