import { type ReactElement, type ReactNode, useEffect, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDecimal } from '../i18n/format';
import { type Lang, useLang, useT } from '../i18n/i18n';
import { bandColor } from './badges';
import { TableScroll } from './table-scroll';

/**
 * Chart wrappers on Recharts. Inputs are the API's decimal strings; a chart needs numbers
 * to place a bar, but every label and tooltip prints the original string, so the figure a
 * person reads is the one computed.
 */

/** A calm palette with enough contrast between neighbours (teal first, the brand). */
export const SERIES_COLORS = [
  '#0f766e',
  '#b45309',
  '#4f46e5',
  '#be123c',
  '#0369a1',
  '#4d7c0f',
  '#7e22ce',
  '#a16207',
  '#334155',
  '#c2410c',
] as const;

function seriesColor(i: number): string {
  return SERIES_COLORS[i % SERIES_COLORS.length] ?? '#0f766e';
}

function toNumber(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

interface FigureProps {
  /** The chart's accessible name, and its visible title unless `hideTitle`. */
  title: string;
  hideTitle?: boolean;
  /** A sentence under the chart: what it shows, or the figures in words. */
  description?: ReactNode;
  height?: number;
}

/** The figures a chart draws, as a table: one row per category, one column per series. */
interface ChartTable {
  columns: string[];
  rows: Array<{ label: string; cells: string[] }>;
}

/**
 * True when charts must not move: the reader asked for reduced motion, or the page is being
 * printed (a bar caught mid-animation would print short).
 */
function useStillCharts(): boolean {
  const [still, setStill] = useState(() => stillNow());
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const queries = ['(prefers-reduced-motion: reduce)', 'print'].map((q) => window.matchMedia(q));
    const update = () => setStill(stillNow());
    for (const q of queries) q.addEventListener('change', update);
    window.addEventListener('beforeprint', update);
    return () => {
      for (const q of queries) q.removeEventListener('change', update);
      window.removeEventListener('beforeprint', update);
    };
  }, []);
  return still;
}

function stillNow(): boolean {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return true;
  return (
    window.matchMedia('(prefers-reduced-motion: reduce)').matches ||
    window.matchMedia('print').matches
  );
}

/**
 * Legend and tooltip items in the order the series were given (bands lowest first, teachers
 * in table order); Recharts would sort them alphabetically by name.
 */
function bySeriesOrder(keys: readonly string[]) {
  const order = new Map(keys.map((k, i) => [k, i]));
  return (item: { dataKey?: unknown }) => order.get(String(item.dataKey)) ?? keys.length;
}

/**
 * The figure around a chart: title, the chart at its height (or "no data"), description,
 * and the figures it draws as a table (folded away; screen readers and print read it).
 */
function ChartFigure({
  title,
  hideTitle,
  description,
  height = 320,
  empty,
  table,
  children,
}: FigureProps & { empty: boolean; table: ChartTable; children: ReactElement }) {
  const t = useT();
  return (
    <figure className="sk-chart" aria-label={title}>
      {!hideTitle && <figcaption className="sk-chart__title">{title}</figcaption>}
      {empty ? (
        <p className="sk-chart__empty">{t('chart.noData')}</p>
      ) : (
        <>
          <div className="sk-chart__canvas">
            <ResponsiveContainer width="100%" height={height}>
              {children}
            </ResponsiveContainer>
          </div>
          <details className="sk-chart__table">
            <summary>{t('chart.table')}</summary>
            <TableScroll label={title}>
              <table className="sk-table">
                <caption className="sk-visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('chart.category')}</th>
                    {table.columns.map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((r) => (
                    <tr key={r.label}>
                      <th scope="row">{r.label}</th>
                      {r.cells.map((cell, i) => (
                        <td key={table.columns[i]} className="sk-num">
                          {cell}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </details>
        </>
      )}
      {description && <p className="sk-chart__description">{description}</p>}
    </figure>
  );
}

/**
 * A text field of the chart row behind a tooltip item. Recharts types the row loosely, so
 * read it with a check; a missing field gives '' (no row has it, so the figure reads as none).
 */
function rowText(row: unknown, key: string): string {
  const value: unknown =
    typeof row === 'object' && row !== null ? Reflect.get(row, key) : undefined;
  return typeof value === 'string' ? value : '';
}

const AXIS = { fontSize: 12, fill: '#475569' };
/** The default value axis: percentages. */
const PERCENT: [number, number] = [0, 100];

// ---------------------------------------------------------------------------------------

export interface MeansBarChartProps extends FigureProps {
  /** One group of bars per category, e.g. a school. */
  data: Array<{ category: string; values: Record<string, string | null> }>;
  /** One bar per series within a group, e.g. baseline and latest mean. */
  series: Array<{ key: string; label: string; color?: string }>;
  /** Lines such as band lower bounds ("71.00" Baik). */
  references?: Array<{ value: string; label: string }>;
  /** Default 0..100 (percentages). */
  domain?: [number, number];
  /**
   * 'horizontal' puts the categories on the y axis, one labelled row each: every school of
   * a district is named, however many there are.
   */
  layout?: 'vertical' | 'horizontal';
}

export function MeansBarChart({
  data,
  series,
  references = [],
  domain = PERCENT,
  layout = 'vertical',
  height,
  ...figure
}: MeansBarChartProps) {
  const { lang } = useLang();
  const still = useStillCharts();
  const rows = data.map((d) => {
    const row: Record<string, string | number | null> = { category: d.category };
    for (const s of series) row[s.key] = toNumber(d.values[s.key]);
    return row;
  });
  const raw = new Map(data.map((d) => [d.category, d.values]));
  const order = bySeriesOrder(series.map((s) => s.key));
  const horizontal = layout === 'horizontal';
  const h =
    height ?? (horizontal ? Math.max(160, (14 * series.length + 14) * data.length + 90) : 320);
  const table: ChartTable = {
    columns: series.map((s) => s.label),
    rows: data.map((d) => ({
      label: d.category,
      cells: series.map((s) => formatDecimal(d.values[s.key] ?? null, lang)),
    })),
  };
  return (
    <ChartFigure {...figure} height={h} table={table} empty={data.length === 0}>
      <BarChart
        data={rows}
        layout={horizontal ? 'vertical' : 'horizontal'}
        margin={{
          top: horizontal ? 20 : 8,
          right: horizontal ? 16 : REFERENCE_GUTTER,
          bottom: 8,
          left: 0,
        }}
      >
        <CartesianGrid
          strokeDasharray="3 3"
          vertical={horizontal}
          horizontal={!horizontal}
          stroke="#e2e8f0"
        />
        {horizontal ? (
          <>
            <XAxis type="number" domain={domain} tick={AXIS} tickFormatter={decimalTick(lang)} />
            <YAxis type="category" dataKey="category" tick={AXIS} width={150} interval={0} />
          </>
        ) : (
          <>
            <XAxis dataKey="category" tick={AXIS} interval="preserveStartEnd" />
            {valueAxis(domain, lang)}
          </>
        )}
        <Tooltip
          itemSorter={order}
          formatter={(_value, name, item) => {
            const category = rowText(item.payload, 'category');
            const key = String(item.dataKey);
            return [formatDecimal(raw.get(category)?.[key] ?? null, lang), name];
          }}
        />
        <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={order} />
        {referenceLines(references, horizontal)}
        {series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={s.color ?? seriesColor(i)}
            radius={horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0]}
            isAnimationActive={!still}
          />
        ))}
      </BarChart>
    </ChartFigure>
  );
}

// ---------------------------------------------------------------------------------------

export interface TrajectoryLineChartProps extends FigureProps {
  /** The x axis in order: "Kondisi Awal", "Siklus I", ... */
  cycles: string[];
  /** One line per teacher; `values[i]` belongs to `cycles[i]` (null = not observed). */
  series: Array<{ key: string; label: string; values: Array<string | null> }>;
  /** The mean per cycle, drawn thick and dashed; omit to leave it out. */
  mean?: Array<string | null>;
  references?: Array<{ value: string; label: string }>;
  domain?: [number, number];
}

export function TrajectoryLineChart({
  cycles,
  series,
  mean,
  references = [],
  domain = PERCENT,
  ...figure
}: TrajectoryLineChartProps) {
  const t = useT();
  const { lang } = useLang();
  const still = useStillCharts();
  const MEAN = '__mean';
  const rows = cycles.map((cycle, i) => {
    const row: Record<string, string | number | null> = { cycle };
    for (const s of series) row[s.key] = toNumber(s.values[i]);
    if (mean) row[MEAN] = toNumber(mean[i]);
    return row;
  });
  const rawOf = (key: string, cycle: string): string | null => {
    const i = cycles.indexOf(cycle);
    if (key === MEAN) return mean?.[i] ?? null;
    return series.find((s) => s.key === key)?.values[i] ?? null;
  };
  const order = bySeriesOrder([...series.map((s) => s.key), MEAN]);
  // The table reads like the chart: one row per teacher (and the mean), one column per cycle.
  const table: ChartTable = {
    columns: cycles,
    rows: [
      ...series.map((s) => ({
        label: s.label,
        cells: s.values.map((v) => formatDecimal(v, lang)),
      })),
      ...(mean ? [{ label: t('chart.mean'), cells: mean.map((v) => formatDecimal(v, lang)) }] : []),
    ],
  };
  return (
    <ChartFigure {...figure} table={table} empty={cycles.length === 0 || series.length === 0}>
      <LineChart data={rows} margin={{ top: 8, right: REFERENCE_GUTTER, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="cycle" tick={AXIS} />
        {valueAxis(domain, lang)}
        <Tooltip
          formatter={(_value, name, item) => [
            formatDecimal(rawOf(String(item.dataKey), rowText(item.payload, 'cycle')), lang),
            name,
          ]}
          itemSorter={order}
        />
        <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={order} />
        {referenceLines(references, false)}
        {series.map((s, i) => (
          <Line
            key={s.key}
            type="monotone"
            dataKey={s.key}
            name={s.label}
            stroke={seriesColor(i)}
            strokeWidth={1.5}
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={!still}
          />
        ))}
        {mean && (
          <Line
            type="monotone"
            dataKey={MEAN}
            name={t('chart.mean')}
            stroke="#0f172a"
            strokeWidth={3}
            strokeDasharray="6 3"
            dot={{ r: 4 }}
            connectNulls
            isAnimationActive={!still}
          />
        )}
      </LineChart>
    </ChartFigure>
  );
}

// ---------------------------------------------------------------------------------------

export interface BandDistributionChartProps extends FigureProps {
  /** The band set's labels, lowest first ("Kurang", "Cukup", "Baik", "Sangat Baik"). */
  bands: string[];
  /** One stacked bar per row (a school, a cycle); shares are percentages ("33.33"). */
  rows: Array<{ label: string; shares: Record<string, string | null> }>;
  /** 'horizontal' puts rows on the y axis, better for many long school names. */
  layout?: 'vertical' | 'horizontal';
}

export function BandDistributionChart({
  bands,
  rows,
  layout = 'vertical',
  height,
  ...figure
}: BandDistributionChartProps) {
  const { lang } = useLang();
  const still = useStillCharts();
  const data = rows.map((r) => {
    const row: Record<string, string | number | null> = { label: r.label };
    bands.forEach((band, i) => {
      row[`b${i}`] = toNumber(r.shares[band]) ?? 0;
    });
    return row;
  });
  const raw = new Map(rows.map((r) => [r.label, r.shares]));
  const horizontal = layout === 'horizontal';
  const h = height ?? (horizontal ? Math.max(160, 36 * rows.length + 80) : 320);
  const percent = (v: number) => `${formatDecimal(String(v), lang)}%`;
  const order = bySeriesOrder(bands.map((_, i) => `b${i}`));
  const table: ChartTable = {
    columns: bands,
    rows: rows.map((r) => ({
      label: r.label,
      cells: bands.map((b) => `${formatDecimal(r.shares[b] ?? null, lang)}%`),
    })),
  };
  return (
    <ChartFigure
      {...figure}
      height={h}
      table={table}
      empty={rows.length === 0 || bands.length === 0}
    >
      <BarChart
        data={data}
        layout={horizontal ? 'vertical' : 'horizontal'}
        margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
      >
        <CartesianGrid
          strokeDasharray="3 3"
          stroke="#e2e8f0"
          vertical={horizontal}
          horizontal={!horizontal}
        />
        {horizontal ? (
          <>
            <XAxis type="number" domain={[0, 100]} tick={AXIS} tickFormatter={percent} />
            <YAxis type="category" dataKey="label" tick={AXIS} width={150} interval={0} />
          </>
        ) : (
          <>
            <XAxis dataKey="label" tick={AXIS} />
            <YAxis domain={[0, 100]} tick={AXIS} width={48} tickFormatter={percent} />
          </>
        )}
        <Tooltip
          formatter={(_value, name, item) => {
            const label = rowText(item.payload, 'label');
            return [`${formatDecimal(raw.get(label)?.[String(name)] ?? null, lang)}%`, name];
          }}
          itemSorter={order}
        />
        <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={order} />
        {bands.map((band, i) => (
          <Bar
            key={band}
            dataKey={`b${i}`}
            name={band}
            stackId="bands"
            fill={bandColor(i, bands.length)}
            isAnimationActive={!still}
          />
        ))}
      </BarChart>
    </ChartFigure>
  );
}

/** Room right of the plot for the reference lines' labels, so no bar covers them. */
const REFERENCE_GUTTER = 76;

/**
 * Band lower bounds as dashed lines, labelled outside the plot (right of a horizontal line,
 * above a vertical one) where no bar or line can hide the label. A function, not a
 * component: Recharts reads its chart's direct children.
 */
function referenceLines(
  references: readonly { value: string; label: string }[],
  vertical: boolean,
) {
  return references.map((r) => {
    const at = toNumber(r.value) ?? 0;
    const label = {
      value: r.label,
      position: vertical ? ('top' as const) : ('right' as const),
      fontSize: 11,
      fill: '#475569',
    };
    return vertical ? (
      <ReferenceLine key={r.value} x={at} stroke="#94a3b8" strokeDasharray="4 4" label={label} />
    ) : (
      <ReferenceLine key={r.value} y={at} stroke="#94a3b8" strokeDasharray="4 4" label={label} />
    );
  });
}

/** A tick of a value axis in the reader's decimals. */
function decimalTick(lang: Lang) {
  return (v: number) => formatDecimal(String(v), lang);
}

/** The value axis of the bar and line charts, its ticks in the reader's decimals. */
function valueAxis(domain: [number, number], lang: Lang) {
  return <YAxis domain={domain} tick={AXIS} width={40} tickFormatter={decimalTick(lang)} />;
}
