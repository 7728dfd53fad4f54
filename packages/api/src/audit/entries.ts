import type { AuditListItem } from '@siklus/db';
import {
  auditChanges,
  auditChangesText,
  cycleLabel,
  describeAuditEntry,
  endOfLocalDay,
  formatLongDateTimeId,
  startOfLocalDay,
  TIME_ZONE_INFO,
  type TTimeZone,
} from '@siklus/domain';
import type { SheetTable } from '../io/spreadsheet';

/*
 * The audit log as people read it, for `audit.list` and its CSV export: each entry as a
 * sentence in both languages naming the actor and what it touched, its before/after as
 * field-by-field changes in words, and the date filters as the district's calendar days.
 */

/**
 * A bare date is a calendar day of the district's zone: "from 2 Dec" in WIB starts at
 * 2 Dec 00:00 WIB (1 Dec 17:00 UTC), the day the list shows for those entries; a bare "to"
 * runs through that day. A date-time carries its own offset and is taken as written.
 */
export function auditRange(
  input: { from?: string | undefined; to?: string | undefined },
  zone: TTimeZone,
): { from: Date | undefined; to: Date | undefined } {
  const at = (when: string) => new Date(when);
  return {
    from: input.from
      ? input.from.length === 10
        ? startOfLocalDay(input.from, zone)
        : at(input.from)
      : undefined,
    to: input.to
      ? input.to.length === 10
        ? endOfLocalDay(input.to, zone)
        : at(input.to)
      : undefined,
  };
}

export function readableEntry({ target, ...item }: AuditListItem) {
  const targetName = (lang: 'id' | 'en') =>
    target === null
      ? null
      : target.kind === 'name'
        ? target.name
        : `${cycleLabel(target.ordinal, lang)}, ${target.schoolName}`;
  const words = (lang: 'id' | 'en') =>
    describeAuditEntry({
      action: item.action,
      actorName: item.actorName ?? item.username,
      targetName: targetName(lang),
    })[lang];
  return {
    ...item,
    targetName: targetName('id'),
    summary: { id: words('id'), en: words('en') },
    /** Before/after field by field, names and values in words. */
    changes: auditChanges(item.before, item.after),
  };
}

export type ReadableAuditEntry = ReturnType<typeof readableEntry>;

/**
 * The entries as a table for CSV: headers in both languages, times as the district's wall
 * clock ("3 Desember 2026 00.30.15", the zone named in the header), the sentence and the
 * changes in both languages.
 */
export function auditSheet(entries: readonly ReadableAuditEntry[], zone: TTimeZone): SheetTable {
  const tz = TIME_ZONE_INFO[zone].abbreviation;
  return {
    name: 'Log audit',
    columns: [
      { header: `Waktu (${tz}) / Time (${tz})`, kind: 'text' },
      { header: 'Pengguna / User', kind: 'text' },
      { header: 'Nama / Name', kind: 'text' },
      { header: 'Kode tindakan / Action code', kind: 'text' },
      { header: 'Uraian / Description (id)', kind: 'text' },
      { header: 'Uraian / Description (en)', kind: 'text' },
      { header: 'Sekolah / School', kind: 'text' },
      { header: 'Perubahan / Changes (id)', kind: 'text' },
      { header: 'Perubahan / Changes (en)', kind: 'text' },
      { header: 'Alasan / Reason', kind: 'text' },
      { header: 'Alamat IP / IP address', kind: 'text' },
    ],
    rows: entries.map((e) => [
      formatLongDateTimeId(new Date(e.createdAt), zone),
      e.username,
      e.actorName,
      e.action,
      e.summary.id,
      e.summary.en,
      e.schoolName,
      auditChangesText(e.changes, 'id'),
      auditChangesText(e.changes, 'en'),
      e.reason,
      e.ip,
    ]),
  };
}
