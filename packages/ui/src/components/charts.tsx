import type { ReactElement, ReactNode } from 'react';
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

/** The figure around a chart: title, the chart at its height (or "no data"), description. */
function ChartFigure({
  title,
  hideTitle,
  description,
  height = 320,
  empty,
  children,
}: FigureProps & { empty: boolean; children: ReactElement }) {
  const t = useT();
  return (
    <figure className="sk-chart" aria-label={title}>
      {!hideTitle && <figcaption className="sk-chart__title">{title}</figcaption>}
      {empty ? (
        <p className="sk-chart__empty">{t('chart.noData')}</p>
      ) : (
        <ResponsiveContainer width="100%" height={height}>
          {children}
        </ResponsiveContainer>
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
  /** Horizontal lines such as band lower bounds ("71.00" Baik). */
  references?: Array<{ value: string; label: string }>;
  /** Default 0..100 (percentages). */
  domain?: [number, number];
}

export function MeansBarChart({
  data,
  series,
  references = [],
  domain = PERCENT,
  ...figure
}: MeansBarChartProps) {
  const { lang } = useLang();
  const rows = data.map((d) => {
    const row: Record<string, string | number | null> = { category: d.category };
    for (const s of series) row[s.key] = toNumber(d.values[s.key]);
    return row;
  });
  const raw = new Map(data.map((d) => [d.category, d.values]));
  return (
    <ChartFigure {...figure} empty={data.length === 0}>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="category" tick={AXIS} interval="preserveStartEnd" />
        {valueAxis(domain, lang)}
        <Tooltip
          formatter={(_value, name, item) => {
            const category = rowText(item.payload, 'category');
            const key = String(item.dataKey);
            return [formatDecimal(raw.get(category)?.[key] ?? null, lang), name];
          }}
        />
        <Legend wrapperStyle={{ fontSize: 13 }} />
        {referenceLines(references)}
        {series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={s.color ?? seriesColor(i)}
            radius={[3, 3, 0, 0]}
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
  return (
    <ChartFigure {...figure} empty={cycles.length === 0 || series.length === 0}>
      <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="cycle" tick={AXIS} />
        {valueAxis(domain, lang)}
        <Tooltip
          formatter={(_value, name, item) => [
            formatDecimal(rawOf(String(item.dataKey), rowText(item.payload, 'cycle')), lang),
            name,
          ]}
        />
        <Legend wrapperStyle={{ fontSize: 13 }} />
        {referenceLines(references)}
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
  return (
    <ChartFigure {...figure} height={h} empty={rows.length === 0 || bands.length === 0}>
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
            <YAxis type="category" dataKey="label" tick={AXIS} width={140} />
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
        />
        <Legend wrapperStyle={{ fontSize: 13 }} />
        {bands.map((band, i) => (
          <Bar
            key={band}
            dataKey={`b${i}`}
            name={band}
            stackId="bands"
            fill={bandColor(i, bands.length)}
          />
        ))}
      </BarChart>
    </ChartFigure>
  );
}

/**
 * Band lower bounds as dashed horizontal lines. A function, not a component: Recharts reads
 * its chart's direct children.
 */
function referenceLines(references: readonly { value: string; label: string }[]) {
  return references.map((r) => (
    <ReferenceLine
      key={r.value}
      y={toNumber(r.value) ?? 0}
      stroke="#94a3b8"
      strokeDasharray="4 4"
      label={{ value: r.label, position: 'insideTopRight', fontSize: 11, fill: '#475569' }}
    />
  ));
}

/** The value axis of the bar and line charts, its ticks in the reader's decimals. */
function valueAxis(domain: [number, number], lang: Lang) {
  return (
    <YAxis
      domain={domain}
      tick={AXIS}
      width={40}
      tickFormatter={(v: number) => formatDecimal(String(v), lang)}
    />
  );
}
