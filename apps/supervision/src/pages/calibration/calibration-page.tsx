import { useTRPC } from '@siklus/client';
import { MIN_CALIBRATION_PAIRS } from '@siklus/domain';
import {
  Card,
  DataTable,
  type DataTableColumn,
  EmptyState,
  ErrorState,
  LoadingState,
  PageHeader,
  useFormat,
  useLocalized,
  useT,
} from '@siklus/ui';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { CalibrationRow } from './types';
import { VerdictBadge } from './verdict-badge';

/**
 * The district's calibration (`coObservation.calibration`): every principal with
 * co-observed lessons, ranked by the API with the ones worth checking first, then by the
 * size of the bias and by agreement. Each row says why in words with its figures.
 */
export function CalibrationPage() {
  const t = useT();
  const f = useFormat();
  const local = useLocalized();
  const trpc = useTRPC();
  const calibration = useQuery(trpc.coObservation.calibration.queryOptions({}));

  const columns = useMemo<DataTableColumn<CalibrationRow>[]>(
    () => [
      {
        id: 'principal',
        header: t('calib.principal'),
        cell: ({ row: { original: r } }) => (
          <div className="sk-district-school">
            <span>{r.observerName}</span>
            <Link to={`/schools/${r.schoolId}`} className="sk-district-note">
              {r.schoolName}
            </Link>
          </div>
        ),
      },
      {
        id: 'pairs',
        header: t('calib.pairs'),
        cell: ({ row: { original: r } }) => f.integer(r.pairs),
        meta: { numeric: true },
      },
      {
        id: 'kappa',
        header: t('calib.kappa'),
        cell: ({ row: { original: r } }) => f.decimal(r.kappa.kappa),
        meta: { numeric: true },
      },
      {
        id: 'exact',
        header: t('calib.exact'),
        cell: ({ row: { original: r } }) => f.percent(r.exactShare),
        meta: { numeric: true },
      },
      {
        id: 'adjacent',
        header: t('calib.adjacent'),
        cell: ({ row: { original: r } }) => f.percent(r.adjacentShare),
        meta: { numeric: true },
      },
      {
        id: 'bias',
        header: t('calib.bias'),
        cell: ({ row: { original: r } }) => f.decimal(r.bias.mean),
        meta: { numeric: true },
      },
      {
        id: 'ci',
        header: t('calib.ci'),
        cell: ({ row: { original: r } }) =>
          r.bias.low === null ? '–' : `${f.decimal(r.bias.low)} – ${f.decimal(r.bias.high)}`,
        meta: { numeric: true },
      },
      {
        id: 'verdict',
        header: t('calib.verdict'),
        cell: ({ row: { original: r } }) => (
          <div className="sk-district-figure">
            <VerdictBadge verdict={r.verdict} />
            <span className="sk-district-note">{local(r.message)}</span>
          </div>
        ),
      },
    ],
    [t, f, local],
  );

  return (
    <>
      <PageHeader title={t('calib.title')} description={t('calib.description')} />
      <Card
        title={t('calib.title')}
        description={t('calib.minPairs', { min: f.integer(MIN_CALIBRATION_PAIRS) })}
        flush
      >
        {calibration.isPending ? (
          <LoadingState />
        ) : calibration.isError ? (
          <ErrorState error={calibration.error} onRetry={() => void calibration.refetch()} />
        ) : calibration.data.length === 0 ? (
          <EmptyState title={t('calib.empty')} />
        ) : (
          <DataTable
            data={calibration.data}
            columns={columns}
            caption={t('calib.title')}
            getRowId={(r) => r.observerId}
            dense
          />
        )}
      </Card>
    </>
  );
}
