/**
 * Strings of the review workflow's history, withdraw, approve confirmation, the figures'
 * basis (approved only or with submitted cycles) and the district's time zone
 * (prefix workflow.). Indonesian is the source of keys; English has exactly the same keys.
 */
export const workflowId = {
  'workflow.timeline.title': 'Riwayat tinjauan',
  'workflow.timeline.empty': 'Siklus ini belum pernah diajukan.',
  'workflow.event.submit': 'Diajukan',
  'workflow.event.withdraw': 'Pengajuan ditarik kembali',
  'workflow.event.return': 'Dikembalikan',
  'workflow.event.approve': 'Disetujui dan dikunci',
  'workflow.event.reopen': 'Dibuka kembali oleh admin',
  'workflow.event.by': '{name} ({role})',
  'workflow.event.unknownActor': 'pelaku tidak tercatat',
  'workflow.event.comment': 'Komentar',
  'workflow.event.reason': 'Alasan',
  'workflow.withdraw.button': 'Tarik kembali pengajuan',
  'workflow.withdraw.title': 'Tarik kembali pengajuan {label}?',
  'workflow.withdraw.body':
    'Siklus kembali menjadi draf dan keluar dari antrean tinjauan pengawas. Anda dapat memperbaikinya lalu mengajukannya lagi.',
  'workflow.withdraw.reason': 'Alasan (opsional)',
  'workflow.withdraw.confirm': 'Tarik kembali',
  'workflow.withdraw.done': '{label} ditarik kembali dan menjadi draf.',
  'workflow.approve.title': 'Setujui {cycle} {school}?',
  'workflow.approve.body':
    'Siklus yang disetujui terkunci: kepala sekolah tidak dapat mengubahnya lagi, dan hanya admin yang dapat membukanya kembali. Angkanya menjadi hasil resmi di dasbor dan laporan.',
  'workflow.approve.confirm': 'Setujui dan kunci',
  'workflow.basis.label': 'Sertakan siklus yang diajukan (belum ditinjau)',
  'workflow.basis.approved': 'Angka dihitung dari siklus yang sudah disetujui pengawas.',
  'workflow.basis.submitted':
    'Angka termasuk siklus yang diajukan dan belum ditinjau; angka tersebut sementara.',
  'workflow.headline.inProgress':
    '{count} penelitian memiliki siklus yang belum disetujui; angkanya belum masuk rata-rata.',
  'workflow.criteria.notJudged': 'Belum dapat dinilai',
  'workflow.result.none': 'Belum ada siklus yang disetujui.',
  'workflow.tz.title': 'Zona waktu kabupaten',
  'workflow.tz.help':
    'Semua waktu ditampilkan dalam zona ini, dan filter tanggal memakai hari kalendernya.',
  'workflow.tz.save': 'Simpan zona waktu',
  'workflow.tz.saved': 'Zona waktu disimpan: {zone}.',
} as const;

export const workflowEn = {
  'workflow.timeline.title': 'Review history',
  'workflow.timeline.empty': 'This cycle has never been submitted.',
  'workflow.event.submit': 'Submitted',
  'workflow.event.withdraw': 'Submission withdrawn',
  'workflow.event.return': 'Returned',
  'workflow.event.approve': 'Approved and locked',
  'workflow.event.reopen': 'Reopened by an admin',
  'workflow.event.by': '{name} ({role})',
  'workflow.event.unknownActor': 'actor not recorded',
  'workflow.event.comment': 'Comment',
  'workflow.event.reason': 'Reason',
  'workflow.withdraw.button': 'Withdraw submission',
  'workflow.withdraw.title': 'Withdraw the submission of {label}?',
  'workflow.withdraw.body':
    'The cycle goes back to draft and leaves the supervisor’s review queue. You can correct it and submit it again.',
  'workflow.withdraw.reason': 'Reason (optional)',
  'workflow.withdraw.confirm': 'Withdraw',
  'workflow.withdraw.done': '{label} was withdrawn and is a draft again.',
  'workflow.approve.title': 'Approve {cycle} of {school}?',
  'workflow.approve.body':
    'An approved cycle is locked: the principal can no longer change it, and only an admin can reopen it. Its figures become the official result on the dashboard and in reports.',
  'workflow.approve.confirm': 'Approve and lock',
  'workflow.basis.label': 'Include submitted cycles (not yet reviewed)',
  'workflow.basis.approved': 'Figures are computed from cycles a supervisor has approved.',
  'workflow.basis.submitted':
    'Figures include cycles submitted and not yet reviewed; those figures are provisional.',
  'workflow.headline.inProgress':
    '{count:one=# study has|other=# studies have} a cycle not yet approved; its figures are not in the mean.',
  'workflow.criteria.notJudged': 'Cannot be judged yet',
  'workflow.result.none': 'No approved cycle yet.',
  'workflow.tz.title': 'District time zone',
  'workflow.tz.help': 'Every time is shown in this zone, and date filters use its calendar days.',
  'workflow.tz.save': 'Save time zone',
  'workflow.tz.saved': 'Time zone saved: {zone}.',
} satisfies Record<keyof typeof workflowId, string>;
