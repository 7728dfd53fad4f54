/**
 * The charts, an entry of their own ('@siklus/ui/charts'): recharts is most of an app's
 * JavaScript, and only some pages draw, so the pages that import this load it lazily
 * (route-level code splitting) instead of every visitor downloading it up front.
 */
export {
  BandDistributionChart,
  type BandDistributionChartProps,
  MeansBarChart,
  type MeansBarChartProps,
  SERIES_COLORS,
  TrajectoryLineChart,
  type TrajectoryLineChartProps,
} from './components/charts';
