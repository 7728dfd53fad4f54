import type {
  TBandSet,
  TCyclePrintedFiguresInput,
  TCycleStatus,
  TEmailNotifications,
  TFinalVerdict,
  TFollowUpStatus,
  TFollowUpSupport,
  TGainConvention,
  TLang,
  TNotificationKind,
  TNotificationParams,
  TRole,
  TRubricDefinition,
  TSuccessCriteria,
  TTimeZone,
} from '@siklus/domain';
import type {
  ColumnType,
  Generated,
  GeneratedAlways,
  Insertable,
  Selectable,
  Updateable,
} from 'kysely';

/*
 * Table types for Kysely, matching src/migrations. Rules: Generated<> for columns with a
 * database default, `T | null` for nullable columns, numeric as string (no float ever
 * holds a figure), `date` as 'YYYY-MM-DD' text (createDb pins the parser on both drivers),
 * timestamptz as Date (a string is accepted on insert), jsonb typed by its content.
 */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A jsonb column: select T, insert/update T serialised (Kysely passes objects as JSON). */
type Json<T> = ColumnType<T, T | string, T | string>;

export type VersionStatus = 'draft' | 'published';
export type Semester = 'ganjil' | 'genap';

/*
 * jsonb columns hold the domain's shapes, written only after the domain's schema parsed
 * them (config procedures, studies, cycles): the types are the domain's own, so a reader
 * needs no cast. Roles and cycle statuses are the domain's unions too.
 */
/** Printed band labels per teacher, in the order of the printed table. */
export type PrintedBandsJson = NonNullable<TCyclePrintedFiguresInput['printedBands']>;

export interface DistrictsTable {
  id: Generated<string>;
  name: string;
  province: string;
  /** The district's clock: WIB, WITA or WIT (times shown, calendar days of filters). */
  time_zone: Generated<TTimeZone>;
  /** A submitted cycle waiting longer than this many days notifies the supervisors. */
  review_wait_days: Generated<number>;
  /** The letterhead (kop surat) of reports (issue 20); null until the admin sets it. */
  letterhead_office: string | null;
  letterhead_address: string | null;
  letterhead_phone: string | null;
  letterhead_email: string | null;
  letterhead_website: string | null;
  /** Where reports are signed: "Bogor" in "Bogor, 3 Januari 2024". */
  letterhead_place: string | null;
  /** The logo's key in the file store (a re-encoded PNG). */
  logo_sha256: string | null;
  created_at: GeneratedTimestamp;
}

export interface SchoolsTable {
  id: Generated<string>;
  district_id: string;
  npsn: string;
  name: string;
  subdistrict: string;
  active: Generated<boolean>;
  /** The header last picked as an observation sheet's percentage column (issue 15). */
  import_percent_header: string | null;
  created_at: GeneratedTimestamp;
}

/** A district's kecamatan (issue 15): the list schools pick from; `schools.subdistrict` names one. */
export interface SubdistrictsTable {
  id: Generated<string>;
  district_id: string;
  name: string;
  /** Offered for new or edited schools; a deactivated one stays on the schools that have it. */
  active: Generated<boolean>;
  created_at: GeneratedTimestamp;
}

export interface UsersTable {
  id: Generated<string>;
  district_id: string;
  school_id: string | null;
  username: string;
  email: string | null;
  full_name: string;
  password_hash: string;
  role: TRole;
  active: Generated<boolean>;
  password_changed_at: Timestamp | null;
  /** The language of the user's e-mail. */
  language: Generated<TLang>;
  email_notifications: Generated<TEmailNotifications>;
  /** Set when an admin set the password: nothing but a change until it is changed. */
  must_change_password: Generated<boolean>;
  /** An optional 18-digit NIP, printed in a report's signature block. */
  nip: string | null;
  created_at: GeneratedTimestamp;
}

export interface SessionsTable {
  /** sha256 hex of the cookie token; the token itself is never stored. */
  id: string;
  user_id: string;
  created_at: GeneratedTimestamp;
  last_seen_at: GeneratedTimestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: Generated<number>;
  first_failure_at: GeneratedTimestamp;
  locked_until: Timestamp | null;
}

export interface TeachersTable {
  id: Generated<string>;
  district_id: string;
  school_id: string;
  name: string;
  class_name: string | null;
  nip: string | null;
  nuptk: string | null;
  /** 'L' | 'P' (laki-laki, perempuan), for reports. */
  gender: 'L' | 'P' | null;
  active: Generated<boolean>;
  sort_order: Generated<number>;
  created_at: GeneratedTimestamp;
}

interface VersionParentTable {
  id: Generated<string>;
  district_id: string;
  name: string;
  description: string | null;
  created_at: GeneratedTimestamp;
}

interface VersionTable {
  id: Generated<string>;
  district_id: string;
  version: number;
  status: Generated<VersionStatus>;
  published_at: Timestamp | null;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export type RubricsTable = VersionParentTable;
export interface RubricVersionsTable extends VersionTable {
  rubric_id: string;
  definition: Json<TRubricDefinition>;
}
export type BandSetsTable = VersionParentTable;
export interface BandSetVersionsTable extends VersionTable {
  band_set_id: string;
  bands: Json<TBandSet>;
}
export type CriteriaSetsTable = VersionParentTable;
export interface CriteriaSetVersionsTable extends VersionTable {
  criteria_set_id: string;
  criteria: Json<TSuccessCriteria>;
}

export interface StudiesTable {
  id: Generated<string>;
  district_id: string;
  school_id: string;
  title: string;
  focus: string;
  /** '2024/2025' */
  school_year: string;
  semester: Semester | null;
  rubric_version_id: string;
  band_set_version_id: string;
  criteria_set_version_id: string;
  /** Where a historical study was published, e.g. a journal citation. */
  source: string | null;
  /** The primary instrument's key (number 0; migration 2026-12-02T0900, decision 022). */
  instrument_key: Generated<string>;
  /** The gain convention shown first (migration 2026-12-02T0400-study-gain-first). */
  gain_first: Generated<TGainConvention>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  /** Closed ("selesai", migration 2026-12-02T0200): read-only until an admin reopens it. */
  closed_at: Timestamp | null;
  closed_by: string | null;
  /** The criteria verdict it was closed with; set exactly when closed_at is. */
  final_verdict: Json<TFinalVerdict> | null;
}

export type StudyEventAction = 'close' | 'reopen';

/** A study closed or reopened (migration 2026-12-02T0200). */
export interface StudyEventsTable {
  id: Generated<string>;
  district_id: string;
  study_id: string;
  action: StudyEventAction;
  actor_id: string | null;
  actor_role: TRole | null;
  reason: string | null;
  verdict: Json<TFinalVerdict> | null;
  created_at: GeneratedTimestamp;
}

export interface CyclesTable {
  id: Generated<string>;
  district_id: string;
  study_id: string;
  /** 0 = Kondisi Awal, 1 = Siklus I, ... */
  ordinal: number;
  status: Generated<TCycleStatus>;
  planning_notes: string | null;
  planning_date: string | null;
  action_notes: string | null;
  action_date: string | null;
  observation_notes: string | null;
  observation_date: string | null;
  reflection_notes: string | null;
  reflection_date: string | null;
  review_comment: string | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  submitted_at: Timestamp | null;
  approved_at: Timestamp | null;
  /** Optimistic lock: every update sets version = version + 1 where version = the read one. */
  version: Generated<number>;
  /** Figures as printed in an existing report (historical studies), for the consistency check. */
  printed_mean: string | null;
  /** The printed mean as typed ("75,289", "68,96%"); printed_mean is its rounded value. */
  printed_mean_text: string | null;
  printed_mean_band: string | null;
  printed_bands: Json<PrintedBandsJson> | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface ObservationsTable {
  id: Generated<string>;
  district_id: string;
  cycle_id: string;
  teacher_id: string;
  observer_id: string | null;
  observed_on: string | null;
  notes: string | null;
  /** numeric(5,2), computed by the domain package only. */
  percentage: string;
  band: string;
  /** Which of the study's instruments the sheet scores: 0 the primary (decision 022). */
  instrument: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

/** A study's further instruments, 1 to 4; number 0 is the study's own rubric (decision 022). */
export interface StudyInstrumentsTable {
  district_id: string;
  study_id: string;
  instrument: number;
  key: string;
  rubric_version_id: string;
  band_set_version_id: string;
}

/**
 * A further instrument's (1 to 4) printed figures of a cycle, for its consistency check;
 * the primary's are the cycle row's `printed_*` columns (decision 022).
 */
export interface CyclePrintedFiguresTable {
  district_id: string;
  cycle_id: string;
  instrument: number;
  printed_mean: string | null;
  printed_mean_text: string | null;
  printed_mean_band: string | null;
  printed_bands: Json<PrintedBandsJson> | null;
}

export interface IndicatorScoresTable {
  district_id: string;
  observation_id: string;
  indicator_key: string;
  score: number | null;
  not_applicable: Generated<boolean>;
}

/**
 * Per-cycle aggregates of observations, written only by triggers on observations
 * (migration 2026-11-28T1800-cycle-aggregates): every column is GeneratedAlways so the
 * app cannot write them. A cycle without a row has no observation.
 */
export interface CycleAggregatesTable {
  cycle_id: GeneratedAlways<string>;
  /** Per instrument since migration 2026-12-02T0900; 0 is the primary. */
  instrument: GeneratedAlways<number>;
  district_id: GeneratedAlways<string>;
  n: GeneratedAlways<number>;
  /** numeric, the exact sum of the cycle's percentages. */
  sum_percentage: GeneratedAlways<string>;
  /** numeric(5,2): round(sum_percentage / n, 2); null when n = 0. */
  mean: GeneratedAlways<string | null>;
}

/**
 * Each scored observation's score vector, written only by triggers on indicator_scores
 * (migration 2026-12-02T0010-score-vectors); equal to the domain's scoreVector.
 */
export interface ObservationScoreVectorsTable {
  observation_id: GeneratedAlways<string>;
  district_id: GeneratedAlways<string>;
  /** Scores in indicator-key order, 'na' for not applicable: "3,3,2,na,4". */
  vector: GeneratedAlways<string>;
  indicators: GeneratedAlways<number>;
  scored: GeneratedAlways<number>;
  distinct_scores: GeneratedAlways<number>;
  /** The one score of a sheet whose every scored indicator has it; null otherwise. */
  flat_score: GeneratedAlways<number | null>;
}

/**
 * Per study, the figures the comparison, the headline and the exports read, written only
 * by triggers (migration 2026-12-02T0800-study-figures, decision 021). `approved_*` count
 * approved cycles only, `submitted_*` approved and submitted ones (the domain's
 * countedStatuses); numeric columns are strings.
 */
export interface StudyFiguresTable {
  study_id: GeneratedAlways<string>;
  district_id: GeneratedAlways<string>;
  cycle_count: GeneratedAlways<number>;
  newest_cycle_id: GeneratedAlways<string | null>;
  newest_ordinal: GeneratedAlways<number | null>;
  newest_status: GeneratedAlways<TCycleStatus | null>;
  newest_n: GeneratedAlways<number | null>;
  newest_updated_at: GeneratedAlways<Date | null>;
  approved_latest_cycle_id: GeneratedAlways<string | null>;
  approved_latest_ordinal: GeneratedAlways<number | null>;
  approved_latest_status: GeneratedAlways<TCycleStatus | null>;
  approved_latest_n: GeneratedAlways<number | null>;
  approved_latest_mean: GeneratedAlways<string | null>;
  approved_baseline_mean: GeneratedAlways<string | null>;
  /** The latest cycle's stored band label -> count, no zero entries. */
  approved_band_counts: GeneratedAlways<Record<string, number> | null>;
  approved_gain_points: GeneratedAlways<string | null>;
  approved_normalized_gain: GeneratedAlways<string | null>;
  submitted_latest_cycle_id: GeneratedAlways<string | null>;
  submitted_latest_ordinal: GeneratedAlways<number | null>;
  submitted_latest_status: GeneratedAlways<TCycleStatus | null>;
  submitted_latest_n: GeneratedAlways<number | null>;
  submitted_latest_mean: GeneratedAlways<string | null>;
  submitted_baseline_mean: GeneratedAlways<string | null>;
  submitted_band_counts: GeneratedAlways<Record<string, number> | null>;
  submitted_gain_points: GeneratedAlways<string | null>;
  submitted_normalized_gain: GeneratedAlways<string | null>;
}

/** Observations per cycle and stored band label; no zero counts. Trigger-maintained. */
export interface CycleBandCountsTable {
  cycle_id: GeneratedAlways<string>;
  instrument: GeneratedAlways<number>;
  band: GeneratedAlways<string>;
  district_id: GeneratedAlways<string>;
  count: GeneratedAlways<number>;
}

export type CycleEventAction = 'submit' | 'withdraw' | 'return' | 'approve' | 'reopen';

/** One move of a cycle's review workflow (migration 2026-12-02T0000). */
export interface CycleEventsTable {
  id: Generated<string>;
  district_id: string;
  cycle_id: string;
  action: CycleEventAction;
  from_status: TCycleStatus | null;
  to_status: TCycleStatus;
  actor_id: string | null;
  actor_role: TRole | null;
  comment: string | null;
  created_at: GeneratedTimestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  district_id: string | null;
  user_id: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  reason: string | null;
  ip: string | null;
  created_at: GeneratedTimestamp;
}

/** A second observer's independent sheet of the same lesson (issue 18). */
export interface CoObservationsTable {
  id: Generated<string>;
  district_id: string;
  school_id: string;
  cycle_id: string;
  teacher_id: string;
  /** The school's observer being calibrated (the principal). */
  first_observer_id: string;
  /** The independent observer (a supervisor, or someone the principal names). */
  second_observer_id: string;
  observed_on: string | null;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export type CoObservationSide = 'first' | 'second';
/** The domain's observation input, stored as given. */
export type ObservationInputJson =
  | { kind: 'indicators'; scores: Record<string, number | 'na'> }
  | { kind: 'summary'; percentage: string };

export interface CoObservationSheetsTable {
  co_observation_id: string;
  district_id: string;
  side: CoObservationSide;
  observer_id: string;
  input: Json<ObservationInputJson>;
  /** numeric(5,2), computed by the domain package only. */
  percentage: string;
  band: string;
  saved_at: GeneratedTimestamp;
}

/** A supervisor set an integrity signal aside, with the reason (also in audit_log). */
export interface IntegrityDismissalsTable {
  id: Generated<string>;
  district_id: string;
  school_id: string | null;
  signal_key: string;
  reason: string;
  dismissed_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface IntegritySettingsTable {
  district_id: string;
  /** numeric(5,2): a jump of more than this many points in one cycle is a signal. */
  jump_points: Generated<string>;
  updated_by: string | null;
  updated_at: GeneratedTimestamp;
}

/** A follow-up plan (RTL) for one teacher, written from a cycle's sheet (issue 17). */
export interface FollowUpPlansTable {
  id: Generated<string>;
  district_id: string;
  school_id: string;
  study_id: string;
  /** The cycle whose sheet the plan was written from; the study's next cycle checks it. */
  cycle_id: string;
  teacher_id: string;
  /** Indicator keys of the study's rubric, in the order picked; empty for a summary rubric. */
  indicator_keys: Json<string[]>;
  actions: string;
  support: TFollowUpSupport;
  /** The peer teacher when support = 'peer', else null. */
  support_teacher_id: string | null;
  /** A calendar day of the district. */
  due_on: string;
  status: Generated<TFollowUpStatus>;
  closing_note: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  /** The plan this one continues (closed as carried over). */
  carried_from_id: string | null;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

/** One recipient's notice of an event (migration 2026-12-02T0600, decision 019). */
export interface NotificationsTable {
  id: Generated<string>;
  district_id: string;
  user_id: string;
  kind: TNotificationKind;
  cycle_id: string | null;
  cycle_event_id: string | null;
  actor_id: string | null;
  comment: string | null;
  params: ColumnType<
    TNotificationParams,
    TNotificationParams | string | undefined,
    TNotificationParams | string
  >;
  dedupe_key: string | null;
  created_at: GeneratedTimestamp;
  read_at: Timestamp | null;
  outbox_id: string | null;
}

export type OutboxKind = 'immediate' | 'digest';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'expired';

/** Mail the server process sends (claimed with FOR UPDATE SKIP LOCKED). */
export interface EmailOutboxTable {
  id: Generated<string>;
  district_id: string;
  user_id: string;
  kind: OutboxKind;
  /** The recipient's local day of a digest; null for an immediate mail. */
  digest_date: string | null;
  notification_id: string | null;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: GeneratedTimestamp;
  claimed_until: Timestamp | null;
  last_error: string | null;
  message_id: string | null;
  created_at: GeneratedTimestamp;
  sent_at: Timestamp | null;
}

export type AttachmentKind = 'image' | 'pdf' | 'docx';
export type AttachmentStage = 'planning' | 'action' | 'observation' | 'reflection';

/** Evidence files (migration 2026-12-02T0700-attachments); bytes are in the file store. */
export interface AttachmentsTable {
  id: Generated<string>;
  district_id: string;
  cycle_id: string;
  /** Exactly one of stage / teacher_id is set. */
  stage: AttachmentStage | null;
  teacher_id: string | null;
  file_name: string;
  kind: AttachmentKind;
  content_type: string;
  size_bytes: number;
  /** The stored bytes' SHA-256 (hex): the file store's key. */
  sha256: string;
  thumb_sha256: string | null;
  width: number | null;
  height: number | null;
  uploaded_by: string | null;
  created_at: GeneratedTimestamp;
}

/** A save sent from a device's outbox, remembered by its change id (decision 024). */
export interface ObservationChangesTable {
  district_id: string;
  change_id: string;
  observation_id: string;
  version: number;
  created_at: GeneratedTimestamp;
}

export interface DB {
  districts: DistrictsTable;
  schools: SchoolsTable;
  subdistricts: SubdistrictsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  teachers: TeachersTable;
  rubrics: RubricsTable;
  rubric_versions: RubricVersionsTable;
  band_sets: BandSetsTable;
  band_set_versions: BandSetVersionsTable;
  criteria_sets: CriteriaSetsTable;
  criteria_set_versions: CriteriaSetVersionsTable;
  studies: StudiesTable;
  study_instruments: StudyInstrumentsTable;
  cycles: CyclesTable;
  cycle_printed_figures: CyclePrintedFiguresTable;
  observations: ObservationsTable;
  indicator_scores: IndicatorScoresTable;
  cycle_aggregates: CycleAggregatesTable;
  observation_score_vectors: ObservationScoreVectorsTable;
  cycle_band_counts: CycleBandCountsTable;
  study_figures: StudyFiguresTable;
  audit_log: AuditLogTable;
  cycle_events: CycleEventsTable;
  study_events: StudyEventsTable;
  co_observations: CoObservationsTable;
  co_observation_sheets: CoObservationSheetsTable;
  integrity_dismissals: IntegrityDismissalsTable;
  integrity_settings: IntegritySettingsTable;
  follow_up_plans: FollowUpPlansTable;
  notifications: NotificationsTable;
  email_outbox: EmailOutboxTable;
  attachments: AttachmentsTable;
  observation_changes: ObservationChangesTable;
}

export type District = Selectable<DistrictsTable>;
export type School = Selectable<SchoolsTable>;
export type NewSchool = Insertable<SchoolsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Teacher = Selectable<TeachersTable>;
export type NewTeacher = Insertable<TeachersTable>;
export type RubricVersion = Selectable<RubricVersionsTable>;
export type BandSetVersion = Selectable<BandSetVersionsTable>;
export type CriteriaSetVersion = Selectable<CriteriaSetVersionsTable>;
export type Study = Selectable<StudiesTable>;
export type NewStudy = Insertable<StudiesTable>;
export type Cycle = Selectable<CyclesTable>;
export type CycleUpdate = Updateable<CyclesTable>;
export type Observation = Selectable<ObservationsTable>;
export type NewObservation = Insertable<ObservationsTable>;
export type IndicatorScore = Selectable<IndicatorScoresTable>;
export type AuditEntry = Selectable<AuditLogTable>;
