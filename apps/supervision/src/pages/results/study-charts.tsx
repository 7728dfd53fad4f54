import { Card, useLocalized, useT } from '@siklus/ui';
import { MeansBarChart, TrajectoryLineChart } from '@siklus/ui/charts';
import { bandReferences, type SchoolDetail } from './figures';

/**
 * A study's two charts: each teacher's percentage per cycle with the mean, and the mean per
 * cycle as bars, band lower bounds as reference lines. Drawn for the primary from the
 * detail's top level, and for a further instrument from `detailForInstrument` (decision
 * 022), its titles then naming the instrument's key ("Rata-rata per siklus: rpp").
 */
export function StudyCharts({
  detail,
  instrumentKey,
}: {
  detail: SchoolDetail;
  instrumentKey?: string;
}) {
  const t = useT();
  const localized = useLocalized();
  const labels = detail.cycles.map((c) => localized(c.label));
  const references = bandReferences(detail.bandSet.bands);
  const titled = (title: string) =>
    instrumentKey === undefined ? title : t('instruments.titled', { title, key: instrumentKey });
  return (
    <div className="sk-grid sk-grid--2">
      <Card>
        <TrajectoryLineChart
          title={titled(t('pts.progress.trajectory'))}
          description={t('pts.progress.trajectoryHint')}
          cycles={labels}
          series={detail.teachers.map((teacher) => ({
            key: teacher.id,
            label: teacher.name,
            values: teacher.cells.map((c) => c?.percentage ?? null),
          }))}
          mean={detail.cycles.map((c) => c.summary.mean)}
          references={references}
        />
      </Card>
      <Card>
        <MeansBarChart
          title={titled(t('pts.progress.means'))}
          description={t('pts.progress.meansHint')}
          data={detail.cycles.map((c, i) => ({
            category: labels[i] ?? '',
            values: { mean: c.summary.mean },
          }))}
          series={[{ key: 'mean', label: t('pts.progress.mean') }]}
          references={references}
        />
      </Card>
    </div>
  );
}
