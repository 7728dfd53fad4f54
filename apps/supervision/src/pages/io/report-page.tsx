import { type RouterOutputs, useTRPC } from '@siklus/client';
import type { TGainConvention } from '@siklus/domain';
import { Button, ErrorState, formatDecimal, LoadingState, PageHeader, useT } from '@siklus/ui';
import { SERIES_COLORS } from '@siklus/ui/charts';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { exportUrls } from '../../export-urls';
import { BasisToggle } from '../district/basis-toggle';
import { ObservationTable } from '../results/cycle-table';
import { ChapterEvidence } from './chapter-evidence';
import { ChapterFollowUpsTable } from './chapter-follow-ups';
import { ChapterLetterhead, ChapterSignOff } from './chapter-sign';
import { ChapterHeaderRow } from './chapter-table-head';

type Chapter = RouterOutputs['io']['resultsChapter'];
/** The results tables of the chapter, or of one instrument's section. */
type ChapterResultsOf = Pick<Chapter, 'tables' | 'recap' | 'gains' | 'chart'>;

/** The chapter is an Indonesian document: its figures use the decimal comma whatever the UI language. */
const dec = (v: string | null | undefined) => formatDecimal(v ?? null, 'id', { group: false });
const num = (v: string | null) => (v === null ? null : Number(v));

/**
 * `/studies/:studyId/report`: the results chapter (Bab IV) as a printable page, the same
 * model the DOCX renders (io.resultsChapter): numbered, captioned tables, the recap, the
 * chart, the success criteria with their figures, the gains and the stage notes. The print
 * stylesheet (supervision.css, "io" section) hides the app around it, so "Save as PDF" gives the
 * chapter alone.
 */
export function ReportPage() {
  const { studyId = '' } = useParams();
  const t = useT();
  const trpc = useTRPC();
  // Approved cycles by default; `?basis=submitted` adds those awaiting review (provisional).
  const [search, setSearch] = useSearchParams();
  const withSubmitted = search.get('basis') === 'submitted';
  const chapter = useQuery(
    trpc.io.resultsChapter.queryOptions({
      studyId,
      basis: withSubmitted ? 'submitted' : 'approved',
    }),
  );
  const header = (
    <PageHeader
      eyebrow={
        <Link className="sk-no-print" to={`/studies/${encodeURIComponent(studyId)}`}>
          {t('io.report.back')}
        </Link>
      }
      title={t('io.report.title')}
      description={<span className="sk-no-print">{t('io.report.description')}</span>}
      actions={
        <div className="sk-io-actions sk-no-print">
          <BasisToggle
            withSubmitted={withSubmitted}
            onChange={(next) => setSearch(next ? { basis: 'submitted' } : {}, { replace: true })}
          />
          <Button onClick={() => window.print()}>{t('io.report.print')}</Button>
          <a
            className="sk-btn sk-btn--secondary"
            href={exportUrls.studyReport(studyId, withSubmitted)}
            download
          >
            {t('io.report.docx')}
          </a>
          <a
            className="sk-btn sk-btn--ghost"
            href={exportUrls.studyRecap(studyId, 'xlsx', withSubmitted)}
            download
          >
            {t('io.report.recapXlsx')}
          </a>
          <a
            className="sk-btn sk-btn--ghost"
            href={exportUrls.studyRecap(studyId, 'csv', withSubmitted)}
            download
          >
            {t('io.report.recapCsv')}
          </a>
        </div>
      }
    />
  );
  if (chapter.isPending)
    return (
      <>
        {header}
        <LoadingState />
      </>
    );
  if (chapter.isError)
    return (
      <>
        {header}
        <ErrorState error={chapter.error} onRetry={() => void chapter.refetch()} />
      </>
    );
  return (
    <>
      {header}
      <ChapterView chapter={chapter.data} />
    </>
  );
}

function Caption({ children }: { children: string }) {
  return <p className="sk-report__caption">{children}</p>;
}

export function ChapterView({ chapter: c }: { chapter: Chapter }) {
  const t = useT();
  return (
    <article className="sk-report" lang="id">
      {c.letterhead && <ChapterLetterhead letterhead={c.letterhead} />}
      <h2 className="sk-report__title">{c.title}</h2>
      <p className="sk-report__study">
        {c.study.title} · {c.study.schoolName} · {c.study.schoolYear}
      </p>
      <h3>A. Hasil Penelitian</h3>
      <p>{c.intro}</p>
      {c.tables.length === 0 && <p>{t('io.report.empty')}</p>}

      {c.instruments ? (
        c.instruments.map((section, k) => (
          <section key={section.key} className="sk-report__section">
            <h4>{section.heading}</h4>
            <ChapterResultsView results={section} heading="h5" downloads={k === 0} />
          </section>
        ))
      ) : (
        <ChapterResultsView results={c} heading="h4" downloads />
      )}

      {c.followUps && <ChapterFollowUpsTable followUps={c.followUps} />}

      <h3>B. Pembahasan</h3>
      <section className="sk-report__section" aria-label={t('io.report.criteriaTitle')}>
        <p>Kriteria keberhasilan penelitian: {c.criteria.description}.</p>
        <ul className="sk-report__criteria">
          {c.criteria.cycles.map((cycle) => (
            <li key={cycle.label}>
              <strong>{cycle.label}</strong>{' '}
              <span className={cycle.met ? 'sk-badge sk-band-3' : 'sk-badge sk-band-0'}>
                {cycle.met === null
                  ? t('workflow.criteria.notJudged')
                  : cycle.met
                    ? t('io.report.met')
                    : t('io.report.notMet')}
              </span>
              : {cycle.message}.
            </li>
          ))}
        </ul>
        {c.conclusion && <p>{c.conclusion}</p>}
      </section>

      <section className="sk-report__section">
        <h4>{t('io.report.stagesTitle')}</h4>
        {c.stages.map((s) => (
          <div key={s.label} className="sk-report__stages">
            <h5>
              {s.label} <span className="sk-muted">({s.status})</span>
            </h5>
            <dl>
              {s.stages.map((st) => (
                <div key={st.key}>
                  <dt>
                    {st.title}
                    {st.date ? ` (${st.date})` : ''}
                  </dt>
                  <dd>{st.notes ?? <span className="sk-muted">{t('io.report.noNotes')}</span>}</dd>
                </div>
              ))}
              {s.reviewComment && (
                <div>
                  <dt>{t('io.report.review')}</dt>
                  <dd>{s.reviewComment}</dd>
                </div>
              )}
            </dl>
          </div>
        ))}
      </section>

      {c.signOff && <ChapterSignOff signOff={c.signOff} />}

      {c.evidence && <ChapterEvidence evidence={c.evidence} />}
    </article>
  );
}

/**
 * One instrument's results: a table per cycle, the recap, the chart and the gains. In a
 * several-instrument study each sits under its instrument's heading, a level down; the
 * per-cycle downloads show with the primary's tables only (each file holds every instrument).
 */
function ChapterResultsView({
  results: r,
  heading: Heading,
  downloads,
}: {
  results: ChapterResultsOf;
  heading: 'h4' | 'h5';
  downloads: boolean;
}) {
  const t = useT();
  return (
    <>
      {r.tables.map((table, i) => (
        <section key={table.cycleId} className="sk-report__section">
          <Heading>
            {i + 1}. {table.label}
          </Heading>
          <p>
            Hasil observasi pada {table.label} terhadap {table.n} guru disajikan pada Tabel{' '}
            {table.number}. Rata-rata {dec(table.mean)} dengan kategori {table.meanBand ?? '-'};{' '}
            {table.bands.map((b) => `${b.count} guru ${b.label}`).join(', ')}.
          </p>
          <ObservationTable
            rows={table.rows.map((r) => ({
              teacherId: String(r.no),
              name: r.name,
              percentage: r.percentage,
              band: r.band,
            }))}
            mean={table.mean}
            meanBand={table.meanBand}
            caption={table.caption}
            captionClassName="sk-report__caption"
            className="sk-report__table"
            lang="id"
          />
          {downloads && (
            <p className="sk-report__downloads sk-no-print">
              {t('io.report.tableDownloads')}:{' '}
              <a href={exportUrls.cycleTable(table.cycleId, 'xlsx')} download>
                XLSX
              </a>{' '}
              ·{' '}
              <a href={exportUrls.cycleTable(table.cycleId, 'csv')} download>
                CSV
              </a>
            </p>
          )}
        </section>
      ))}

      {r.recap && (
        <section className="sk-report__section">
          <Heading>{r.tables.length + 1}. Rekapitulasi Antarsiklus</Heading>
          <Caption>{r.recap.caption}</Caption>
          <table className="sk-report__table">
            <thead>
              <ChapterHeaderRow
                headers={[
                  'No',
                  'Nama Guru',
                  ...r.recap.cycleLabels,
                  ...(r.recap.gainLabel ? r.recap.gainHeaders : []),
                ]}
              />
            </thead>
            <tbody>
              {r.recap.rows.map((row) => (
                <tr key={row.no}>
                  <td className="sk-num">{row.no}</td>
                  <td>{row.name}</td>
                  {row.cells.map((cell, i) => (
                    <td className="sk-num" key={r.recap!.cycleLabels[i]}>
                      {cell ? `${dec(cell.percentage)} (${cell.band})` : '-'}
                    </td>
                  ))}
                  {r.recap!.gainLabel && <GainTds gain={row.gain} order={r.recap!.gainOrder} />}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  Rata-rata
                </th>
                {r.recap.means.map((m, i) => (
                  <td className="sk-num" key={r.recap!.cycleLabels[i]}>
                    {dec(m)} ({r.recap!.meanBands[i] ?? '-'})
                  </td>
                ))}
                {r.recap.gainLabel && <GainTds gain={r.recap.meanGain} order={r.recap.gainOrder} />}
              </tr>
            </tfoot>
          </table>
        </section>
      )}

      {r.chart && <ChapterChart chart={r.chart} />}

      {r.gains && (
        <section className="sk-report__section">
          <Caption>{r.gains.caption}</Caption>
          <table className="sk-report__table">
            <thead>
              <ChapterHeaderRow
                headers={[
                  'Dari',
                  'Ke',
                  'Rata-rata Awal',
                  'Rata-rata Akhir',
                  ...r.gains.gainHeaders,
                ]}
              />
            </thead>
            <tbody>
              {r.gains.rows.map((g) => (
                <tr key={`${g.from}-${g.to}`}>
                  <td>{g.from}</td>
                  <td>{g.to}</td>
                  <td className="sk-num">{dec(g.preMean)}</td>
                  <td className="sk-num">{dec(g.postMean)}</td>
                  <GainTds gain={g} order={r.gains!.gainOrder} />
                </tr>
              ))}
            </tbody>
          </table>
          {r.gains.notes.map((n) => (
            <p key={n} className="sk-report__note">
              {n}
            </p>
          ))}
        </section>
      )}
    </>
  );
}

/** Bars: each teacher per cycle; the line: the cycle's mean. As the DOCX's Word chart. */
function ChapterChart({ chart }: { chart: NonNullable<Chapter['chart']> }) {
  const t = useT();
  const rows = chart.categories.map((category, i) => {
    const row: Record<string, string | number | null> = { category };
    chart.teachers.forEach((teacher, k) => {
      row[`t${k}`] = num(teacher.values[i] ?? null);
    });
    row.mean = num(chart.means[i] ?? null);
    return row;
  });
  return (
    <figure className="sk-report__figure" aria-label={chart.caption}>
      <div className="sk-report__chart">
        <ResponsiveContainer width="100%" height={340}>
          <ComposedChart data={rows} margin={{ top: 16, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="category" tick={{ fontSize: 12 }} />
            <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} width={36} />
            <Tooltip formatter={(value) => dec(value === null ? null : String(value))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {chart.teachers.map((teacher, k) => (
              <Bar
                key={teacher.name}
                dataKey={`t${k}`}
                name={teacher.name}
                fill={SERIES_COLORS[k % SERIES_COLORS.length]}
                isAnimationActive={false}
              />
            ))}
            <Line
              dataKey="mean"
              name={t('io.report.chartMean')}
              stroke="#b91c1c"
              strokeWidth={3}
              dot={{ r: 4 }}
              isAnimationActive={false}
              label={{
                position: 'top',
                fontSize: 12,
                formatter: (v: unknown) => dec(v == null ? null : String(v)),
              }}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sk-report__caption">{chart.caption}</figcaption>
      <p className="sk-visually-hidden">
        {chart.categories.map((cat, i) => `${cat}: ${dec(chart.means[i] ?? null)}`).join('; ')}
      </p>
    </figure>
  );
}

type ChapterGainOf = NonNullable<NonNullable<Chapter['recap']>['meanGain']>;

/** A gain's cells in the study's order (the chapter's gainOrder), then the n-gain category. */
function GainTds({
  gain,
  order,
}: {
  gain: ChapterGainOf | null | undefined;
  order: readonly TGainConvention[];
}) {
  return (
    <>
      {order.map((k) => (
        <td className="sk-num" key={k}>
          {dec(gain?.[k])}
        </td>
      ))}
      <td>{gain?.category ?? '-'}</td>
    </>
  );
}
