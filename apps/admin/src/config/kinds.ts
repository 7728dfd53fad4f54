import {
  PTS_DEFAULT_BANDS,
  type TBandSet,
  type TRubricDefinition,
  type TSuccessCriteria,
} from '@siklus/domain';
import type { PlainMessageKey } from '@siklus/ui';
import { emptyDraft } from '../rubrics/draft';

/** The three versioned things an admin configures; one lifecycle, one page shape. */
export type ConfigKindId = 'rubrics' | 'bandSets' | 'criteriaSets';

export interface ConfigKindSpec {
  id: ConfigKindId;
  /** The kind named in exported documents. */
  documentKind: 'rubric' | 'bandSet' | 'criteriaSet';
  /** Route of the section (`/rubrics`). */
  path: string;
  title: PlainMessageKey;
  body: PlainMessageKey;
  newLabel: PlainMessageKey;
  listCaption: PlainMessageKey;
  empty: () => unknown;
}

export const KINDS: Record<ConfigKindId, ConfigKindSpec> = {
  rubrics: {
    id: 'rubrics',
    documentKind: 'rubric',
    path: '/rubrics',
    title: 'adm.section.rubrics',
    body: 'adm.section.rubrics.body',
    newLabel: 'adm.config.newRubric',
    listCaption: 'adm.config.rubricsCaption',
    empty: (): TRubricDefinition => emptyDraft(),
  },
  bandSets: {
    id: 'bandSets',
    documentKind: 'bandSet',
    path: '/bands',
    title: 'adm.section.bands',
    body: 'adm.section.bands.body',
    newLabel: 'adm.config.newBandSet',
    listCaption: 'adm.config.bandSetsCaption',
    empty: (): TBandSet => structuredClone(PTS_DEFAULT_BANDS),
  },
  criteriaSets: {
    id: 'criteriaSets',
    documentKind: 'criteriaSet',
    path: '/criteria',
    title: 'adm.section.criteria',
    body: 'adm.section.criteria.body',
    newLabel: 'adm.config.newCriteria',
    listCaption: 'adm.config.criteriaCaption',
    empty: (): TSuccessCriteria => ({
      criteria: [
        { kind: 'mean', op: '>=', value: '71' },
        { kind: 'bandShare', op: '>=', percent: '80', band: 'Baik' },
      ],
    }),
  },
};

/** Saves a JSON document as a file in the browser. */
export function downloadJson(fileName: string, value: unknown): void {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "Instrumen Kolaboratif v2" -> "instrumen-kolaboratif-v2.json" */
export function fileNameFor(name: string, version: number): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .slice(0, 60);
  return `${slug || 'siklus'}-v${version}.json`;
}
