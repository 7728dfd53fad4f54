/**
 * Strings of the evidence files (prefix evidence.): attachments of a cycle's stages and of
 * a teacher's observation sheet. Indonesian is the source of keys; English has the same.
 */
export const evidenceId = {
  'evidence.stages.title': 'Lampiran bukti per tahap',
  'evidence.stages.description':
    'Foto kegiatan, RPP (PDF/DOCX) dan lembar bertanda tangan hasil pindaian untuk setiap tahap siklus.',
  'evidence.sheet.title': 'Lampiran lembar observasi {name}',
  'evidence.empty': 'Belum ada lampiran.',
  'evidence.upload': 'Unggah berkas',
  'evidence.camera': 'Ambil foto',
  'evidence.limits':
    'JPEG, PNG, WebP, PDF atau DOCX; paling besar {file} per berkas. Terpakai {used} dari {study} untuk penelitian ini. Lokasi (EXIF) foto dihapus.',
  'evidence.uploading': 'Mengunggah {name}… {percent}%',
  'evidence.uploaded': '{name} terunggah.',
  'evidence.download': 'Unduh',
  'evidence.delete': 'Hapus',
  'evidence.deleteTitle': 'Hapus lampiran {name}?',
  'evidence.deleteBody': 'Lampiran dihapus dari siklus ini. Penghapusan dicatat di log audit.',
  'evidence.deleted': '{name} dihapus.',
  'evidence.meta': '{size} · {by} · {at}',
  'evidence.locked': 'Lampiran terkunci: siklus sudah diajukan atau disetujui.',
  'evidence.thumbAlt': 'Gambar kecil {name}',
  'evidence.kind.pdf': 'PDF',
  'evidence.kind.docx': 'DOCX',
  'evidence.kind.image': 'Foto',
} as const;

export const evidenceEn: Record<keyof typeof evidenceId, string> = {
  'evidence.stages.title': 'Evidence per stage',
  'evidence.stages.description':
    'Photos of the lesson, lesson plans (PDF/DOCX) and the signed sheet as a scan, for each stage of the cycle.',
  'evidence.sheet.title': "Attachments of {name}'s observation sheet",
  'evidence.empty': 'No attachments yet.',
  'evidence.upload': 'Upload a file',
  'evidence.camera': 'Take a photo',
  'evidence.limits':
    'JPEG, PNG, WebP, PDF or DOCX; at most {file} a file. {used} of {study} used for this study. Photo locations (EXIF) are removed.',
  'evidence.uploading': 'Uploading {name}… {percent}%',
  'evidence.uploaded': '{name} uploaded.',
  'evidence.download': 'Download',
  'evidence.delete': 'Delete',
  'evidence.deleteTitle': 'Delete the attachment {name}?',
  'evidence.deleteBody':
    'The attachment is removed from this cycle. The deletion is recorded in the audit log.',
  'evidence.deleted': '{name} deleted.',
  'evidence.meta': '{size} · {by} · {at}',
  'evidence.locked': 'Attachments are locked: the cycle has been submitted or approved.',
  'evidence.thumbAlt': 'Thumbnail of {name}',
  'evidence.kind.pdf': 'PDF',
  'evidence.kind.docx': 'DOCX',
  'evidence.kind.image': 'Photo',
};
