import type { RouterOutputs } from '@siklus/client';

/** The API's shapes the supervisor's pages read (from the router, never redeclared). */
export type ComparisonPage = RouterOutputs['reports']['districtComparison'];
export type ComparisonRow = ComparisonPage['rows'][number];
export type BandCount = NonNullable<ComparisonRow['bandCounts']>[number];
export type Headline = RouterOutputs['reports']['districtHeadline'];
export type CompareResult = RouterOutputs['reports']['compareSchools'];
export type SchoolDetail = RouterOutputs['reports']['schoolDetail'];
export type QueueItem = RouterOutputs['review']['queue']['items'][number];
export type CycleView = RouterOutputs['cycles']['get'];
export type StudyListItem = RouterOutputs['studies']['list'][number];
