/**
 * Strings of the report to sign (issue 20): the admin's letterhead (kop surat) card, the
 * NIP field of accounts, and the printable report's letterhead and signature block
 * (prefixes letterhead., nip.). Indonesian is the source of keys; English has the same.
 */
export const letterheadId = {
  'letterhead.title': 'Kop surat laporan',
  'letterhead.description':
    'Dicetak di kepala setiap laporan (Bab IV dan DOCX) sekolah di kabupaten ini, bersama logo dan tempat penandatanganan.',
  'letterhead.office': 'Nama instansi',
  'letterhead.officeHint':
    'Satu baris per baris kop, paling banyak 4, misalnya "PEMERINTAH KABUPATEN BOGOR" lalu "DINAS PENDIDIKAN".',
  'letterhead.address': 'Alamat',
  'letterhead.phone': 'Telepon',
  'letterhead.email': 'Email',
  'letterhead.website': 'Situs web',
  'letterhead.place': 'Tempat penandatanganan',
  'letterhead.placeHint':
    'Kota tempat laporan ditandatangani: "Bogor" menjadi "Bogor, 3 Januari 2024".',
  'letterhead.saved': 'Kop surat tersimpan.',
  'letterhead.logo': 'Logo',
  'letterhead.logoHint': 'Gambar JPEG, PNG atau WebP, paling besar 512 KB. Disimpan sebagai PNG.',
  'letterhead.logoNone': 'Belum ada logo.',
  'letterhead.logoAlt': 'Logo {office}',
  'letterhead.logoUpload': 'Unggah logo',
  'letterhead.logoRemove': 'Hapus logo',
  'letterhead.logoSaved': 'Logo tersimpan.',
  'letterhead.logoRemoved': 'Logo dihapus.',
  'letterhead.logoTooLarge': 'Logo paling besar 512 KB; perkecil gambarnya lalu unggah lagi.',
  'letterhead.preview': 'Pratinjau',
  'nip.label': 'NIP',
  'nip.hint':
    '18 angka, boleh diberi spasi seperti tercetak. Dicetak di bawah nama pada tanda tangan laporan.',
} as const;

export const letterheadEn: Record<keyof typeof letterheadId, string> = {
  'letterhead.title': 'Report letterhead',
  'letterhead.description':
    'Printed at the head of every report (chapter IV and DOCX) of the district’s schools, with the logo and the place of signing.',
  'letterhead.office': 'Office name',
  'letterhead.officeHint':
    'One line per line of the letterhead, at most 4, e.g. "PEMERINTAH KABUPATEN BOGOR" then "DINAS PENDIDIKAN".',
  'letterhead.address': 'Address',
  'letterhead.phone': 'Phone',
  'letterhead.email': 'E-mail',
  'letterhead.website': 'Website',
  'letterhead.place': 'Place of signing',
  'letterhead.placeHint':
    'The town reports are signed in: "Bogor" becomes "Bogor, 3 Januari 2024".',
  'letterhead.saved': 'Letterhead saved.',
  'letterhead.logo': 'Logo',
  'letterhead.logoHint': 'A JPEG, PNG or WebP image of at most 512 KB. Kept as a PNG.',
  'letterhead.logoNone': 'No logo yet.',
  'letterhead.logoAlt': 'Logo of {office}',
  'letterhead.logoUpload': 'Upload logo',
  'letterhead.logoRemove': 'Remove logo',
  'letterhead.logoSaved': 'Logo saved.',
  'letterhead.logoRemoved': 'Logo removed.',
  'letterhead.logoTooLarge':
    'The logo may be at most 512 KB; make the image smaller and upload it again.',
  'letterhead.preview': 'Preview',
  'nip.label': 'NIP',
  'nip.hint':
    '18 digits, spaces as printed allowed. Printed under the name in a report’s signature block.',
};
