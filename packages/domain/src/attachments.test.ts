import { describe, expect, test } from 'vitest';
import {
  ATTACHMENT_MESSAGES,
  attachmentFileName,
  formatBytes,
  MIB,
  ZAttachmentTarget,
} from './attachments';

describe('attachment file names', () => {
  test.each([
    ['foto kelas.jpeg', 'jpg', 'foto kelas.jpg'],
    ['C:\\Users\\guru\\RPP Siklus I.PDF', 'pdf', 'RPP Siklus I.pdf'],
    ['../../etc/passwd', 'pdf', 'passwd.pdf'],
    ['setup.exe', 'jpg', 'setup.jpg'],
    ['.htaccess', 'png', 'htaccess.png'],
    ['', 'pdf', 'lampiran.pdf'],
    ['lembar\u202Egpj.exe', 'jpg', 'lembar_gpj.jpg'],
    ['a\u0000b.docx', 'docx', 'a_b.docx'],
  ])('%j as %s -> %j', (sent, ext, kept) => {
    expect(attachmentFileName(sent, ext)).toBe(kept);
  });

  test('long names are cut to 200 characters, extension kept', () => {
    const name = attachmentFileName(`${'x'.repeat(500)}.pdf`, 'pdf');
    expect(name).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('sizes in messages', () => {
  test.each([
    [10 * MIB, 'id', '10 MB'],
    [200 * MIB, 'en', '200 MB'],
    [1.5 * MIB, 'id', '1,5 MB'],
    [1.5 * MIB, 'en', '1.5 MB'],
    [300 * 1024, 'en', '300 KB'],
    [10, 'en', '1 KB'],
    [0, 'id', '0 KB'],
  ] as const)('%d bytes in %s: %s', (bytes, lang, text) => {
    expect(formatBytes(bytes, lang)).toBe(text);
  });

  test('the limits are named in both languages', () => {
    expect(ATTACHMENT_MESSAGES.fileTooLarge()).toEqual({
      id: 'Berkas terlalu besar: paling besar 10 MB per berkas.',
      en: 'The file is too large: at most 10 MB a file.',
    });
    expect(ATTACHMENT_MESSAGES.studyFull(199 * MIB, 2 * MIB).id).toContain('200 MB');
    expect(ATTACHMENT_MESSAGES.studyFull(199 * MIB, 2 * MIB).en).toContain('199 MB used');
  });
});

test('a target is a stage or a teacher, never both', () => {
  expect(ZAttachmentTarget.safeParse({ stage: 'planning' }).success).toBe(true);
  expect(
    ZAttachmentTarget.safeParse({ teacherId: '6f1c2f4e-8a52-4c55-9c1e-1d2a3b4c5d6e' }).success,
  ).toBe(true);
  expect(
    ZAttachmentTarget.safeParse({
      stage: 'planning',
      teacherId: '6f1c2f4e-8a52-4c55-9c1e-1d2a3b4c5d6e',
    }).success,
  ).toBe(false);
  expect(ZAttachmentTarget.safeParse({ stage: 'refleksi' }).success).toBe(false);
});
