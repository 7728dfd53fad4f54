import type { Migration } from 'kysely';
import * as m20261128T0900 from './2026-11-28T0900-initial';
import * as m20261128T1800 from './2026-11-28T1800-cycle-aggregates';
import * as m20261201T2300 from './2026-12-01T2300-co-observation-integrity';
import * as m20261201T2330 from './2026-12-01T2330-note-trigrams';
import * as m20261201T2345 from './2026-12-01T2345-teacher-roster';
import * as m20261201T2350 from './2026-12-01T2350-printed-mean-as-typed';
import * as m20261201T2355 from './2026-12-01T2355-import-percent-column';
import * as m20261202T0000 from './2026-12-02T0000-cycle-events-time-zones';
import * as m20261202T0010 from './2026-12-02T0010-score-vectors';
import * as m20261202T0200 from './2026-12-02T0200-study-closing';
import * as m20261202T0300 from './2026-12-02T0300-subdistrict-list';
import * as m20261202T0400 from './2026-12-02T0400-criteria-clauses';
import * as m20261202T0400b from './2026-12-02T0400-study-gain-first';
import * as m20261202T0500 from './2026-12-02T0500-follow-up-plans';
import * as m20261202T0600 from './2026-12-02T0600-accounts-notifications';
import * as m20261202T0700 from './2026-12-02T0700-attachments';
import * as m20261202T0800 from './2026-12-02T0800-study-figures';
import * as m20261202T0900 from './2026-12-02T0900-study-instruments';
import * as m20261202T1000 from './2026-12-02T1000-letterhead-nip';
import * as m20261202T1100 from './2026-12-02T1100-offline-changes';
import * as m20261202T1200 from './2026-12-02T1200-comparison-top-n';
import * as m20261202T1500 from './2026-12-02T1500-instrument-printed-figures';

/**
 * Every migration, listed by hand so no bundler or glob can lose one. Names sort in the
 * order they run (ISO date first). Add new files at the end; never edit or rename one
 * that has shipped.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-28T0900-initial': m20261128T0900,
  '2026-11-28T1800-cycle-aggregates': m20261128T1800,
  '2026-12-01T2300-co-observation-integrity': m20261201T2300,
  '2026-12-01T2330-note-trigrams': m20261201T2330,
  '2026-12-01T2345-teacher-roster': m20261201T2345,
  '2026-12-01T2350-printed-mean-as-typed': m20261201T2350,
  '2026-12-01T2355-import-percent-column': m20261201T2355,
  // Written beside 2026-12-01T2345-teacher-roster on another branch; named to sort after
  // the roster's migrations, so a database already at 2355 applies it in order.
  '2026-12-02T0000-cycle-events-time-zones': m20261202T0000,
  '2026-12-02T0010-score-vectors': m20261202T0010,
  '2026-12-02T0200-study-closing': m20261202T0200,
  '2026-12-02T0300-subdistrict-list': m20261202T0300,
  '2026-12-02T0400-criteria-clauses': m20261202T0400,
  '2026-12-02T0400-study-gain-first': m20261202T0400b,
  '2026-12-02T0500-follow-up-plans': m20261202T0500,
  '2026-12-02T0600-accounts-notifications': m20261202T0600,
  '2026-12-02T0700-attachments': m20261202T0700,
  '2026-12-02T0800-study-figures': m20261202T0800,
  '2026-12-02T0900-study-instruments': m20261202T0900,
  '2026-12-02T1000-letterhead-nip': m20261202T1000,
  '2026-12-02T1100-offline-changes': m20261202T1100,
  '2026-12-02T1200-comparison-top-n': m20261202T1200,
  '2026-12-02T1500-instrument-printed-figures': m20261202T1500,
};
