import { cycleLabel } from './cycle-label';
import type { TBilingual } from './errors';
import { formatLongDate, localDate, TIME_ZONE_INFO, type TTimeZone } from './time';

/*
 * Notifications in words (docs/decisions/019): one home for what a notification says, in
 * both languages, read by the bell's list (the UI picks the language) and by the e-mail
 * (the recipient's language). Pure: the facts come from the db's read models.
 */

export const LANGS = ['id', 'en'] as const;
export type TLang = (typeof LANGS)[number];

/** immediate: one mail per notification; daily: one digest a day; off: in-app only. */
export const EMAIL_NOTIFICATION_PREFS = ['immediate', 'daily', 'off'] as const;
export type TEmailNotifications = (typeof EMAIL_NOTIFICATION_PREFS)[number];

export const NOTIFICATION_KINDS = [
  'cycle_submitted',
  'cycle_returned',
  'cycle_approved',
  'cycle_reopened',
  'cycle_waiting',
  'follow_up_due',
  'password_help',
] as const;
export type TNotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a kind needs beyond the cycle, actor and comment (stored as jsonb). */
export interface TNotificationParams {
  /** cycle_waiting: whole days since the submission. */
  days?: number;
  /** follow_up_due: the teacher and the plan's due date ('YYYY-MM-DD'). */
  teacherName?: string;
  dueOn?: string;
  /** password_help: the account that asked (its username). */
  username?: string;
}

/** The local hour (in each district's zone) at which daily digests are made. */
export const DIGEST_LOCAL_HOUR = 7;
/** Days a submitted cycle may wait for review before supervisors are told, by default. */
export const DEFAULT_REVIEW_WAIT_DAYS = 7;

/** Everything a notification's sentence needs (a db read model satisfies it). */
export interface TNotificationFacts {
  kind: TNotificationKind;
  cycleOrdinal: number | null;
  schoolName: string | null;
  studyTitle?: string | null;
  actorName: string | null;
  comment: string | null;
  params: TNotificationParams;
}

function cycleOf(f: TNotificationFacts, lang: TLang): string {
  const label =
    f.cycleOrdinal === null
      ? lang === 'id'
        ? 'Siklus'
        : 'A cycle'
      : cycleLabel(f.cycleOrdinal, lang);
  if (!f.schoolName) return label;
  return lang === 'id' ? `${label} ${f.schoolName}` : `${label} of ${f.schoolName}`;
}

function someone(name: string | null, lang: TLang): string {
  return name ?? (lang === 'id' ? 'Seseorang' : 'Someone');
}

function dateOf(date: string | undefined, lang: TLang): string {
  if (!date) return '';
  return formatLongDate(date, lang);
}

function sentence(f: TNotificationFacts, lang: TLang): string {
  const id = lang === 'id';
  const cycle = cycleOf(f, lang);
  const actor = someone(f.actorName, lang);
  switch (f.kind) {
    case 'cycle_submitted':
      return id
        ? `${actor} mengajukan ${cycle} untuk ditinjau`
        : `${actor} submitted ${cycle} for review`;
    case 'cycle_returned':
      return id
        ? `${actor} mengembalikan ${cycle}: baca komentarnya`
        : `${actor} returned ${cycle}: read the comment`;
    case 'cycle_approved':
      return id ? `${actor} menyetujui ${cycle}` : `${actor} approved ${cycle}`;
    case 'cycle_reopened':
      return id
        ? `${actor} membuka kembali ${cycle}: perbaiki lalu ajukan lagi`
        : `${actor} reopened ${cycle}: correct it and submit again`;
    case 'cycle_waiting': {
      const days = f.params.days ?? 0;
      return id
        ? `${cycle} sudah ${days} hari menunggu tinjauan`
        : `${cycle} has waited ${days} ${days === 1 ? 'day' : 'days'} for review`;
    }
    case 'follow_up_due': {
      const teacher = f.params.teacherName ?? (id ? 'guru' : 'a teacher');
      const due = dateOf(f.params.dueOn, lang);
      return id
        ? `Rencana tindak lanjut ${teacher} jatuh tempo ${due}`.trim()
        : `The follow-up plan for ${teacher} is due ${due}`.trim();
    }
    case 'password_help':
      return id
        ? `${actor} (${f.params.username ?? '?'}) meminta bantuan masuk: atur ulang kata sandinya`
        : `${actor} (${f.params.username ?? '?'}) asked for help signing in: reset their password`;
  }
}

/** The notification as one line, in both languages. */
export function describeNotification(f: TNotificationFacts): TBilingual {
  return { id: sentence(f, 'id'), en: sentence(f, 'en') };
}

export interface TEmail {
  subject: string;
  text: string;
}

const SIGNATURE: TBilingual = {
  id: 'Pesan ini dikirim oleh Siklus. Atur pemberitahuan di halaman Akun Anda.',
  en: 'This message was sent by Siklus. Change your notifications on your Account page.',
};

/** One notification as a mail in the recipient's language; `link` opens its cycle. */
export function notificationEmail(f: TNotificationFacts, lang: TLang, link: string | null): TEmail {
  const line = sentence(f, lang);
  const body = [line];
  if (f.comment) body.push('', `${lang === 'id' ? 'Komentar' : 'Comment'}: ${f.comment}`);
  if (link) body.push('', `${lang === 'id' ? 'Buka' : 'Open'}: ${link}`);
  body.push('', '--', SIGNATURE[lang]);
  return { subject: `Siklus: ${line}`, text: body.join('\n') };
}

/** A day's notifications as one mail; `date` is the recipient district's local day. */
export function digestEmail(
  items: { facts: TNotificationFacts; link: string | null; at: Date }[],
  lang: TLang,
  zone: TTimeZone,
  date: string,
): TEmail {
  const id = lang === 'id';
  const zoneName = TIME_ZONE_INFO[zone].abbreviation;
  const lines = items.map(({ facts, link, at }) => {
    const time = new Date(at.getTime() + TIME_ZONE_INFO[zone].offsetHours * 3_600_000)
      .toISOString()
      .slice(11, 16);
    const day = localDate(at, zone) === date ? '' : `${dateOf(localDate(at, zone), lang)} `;
    return `- ${day}${time} ${zoneName}: ${sentence(facts, lang)}${link ? `\n  ${link}` : ''}`;
  });
  const count = items.length;
  const subject = id
    ? `Siklus: ${count} pemberitahuan (${dateOf(date, lang)})`
    : `Siklus: ${count} ${count === 1 ? 'notification' : 'notifications'} (${dateOf(date, lang)})`;
  const head = id ? 'Ringkasan harian pemberitahuan Anda:' : 'Your daily summary of notifications:';
  return { subject, text: [head, '', ...lines, '', '--', SIGNATURE[lang]].join('\n') };
}

/**
 * Where a notification leads: the cycle's page in the supervision app, or the admin app's
 * users (a request for password help). Apps link to `path` under their base; e-mails to
 * the public URL.
 */
export function notificationTarget(n: {
  kind: TNotificationKind;
  cycleId: string | null;
}): { app: 'supervision' | 'admin'; path: string } | null {
  if (n.kind === 'password_help') return { app: 'admin', path: '/users' };
  return n.cycleId ? { app: 'supervision', path: `/cycles/${n.cycleId}` } : null;
}
