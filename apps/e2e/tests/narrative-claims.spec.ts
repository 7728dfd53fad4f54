import { expect, test } from '@playwright/test';
import { shot, signInAs } from './helpers';

/*
 * Narrative claims that contradict the data (issue 18), on the seed paper's own words:
 * SD Negeri Lulut 2's published PTS says teachers 1-4 reached "Baik" in Siklus II while its
 * Table 3 shows them Cukup, and prints a mean of 65,05 for 65,08. The principal withdraws
 * Siklus II, writes the paper's claim in the reflection and is warned as they type ("perlu
 * dicek", never a block); the note saves and the cycle is submitted again, as it was. The
 * supervisor then finds the claim among the district's integrity signals, with its evidence.
 */

const CLAIM =
  'Pada siklus II guru 1-4 mencapai kategori Baik. Rata-rata capaian guru sebesar 65,05.';

test('a principal is warned as they type a claim the data contradicts; the supervisor sees it as a signal', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const principal = await signInAs(browser, '/login', 'kepsek.lulut2', /\/my-school$/);
  const p = principal.page;
  await p.getByRole('link', { name: 'Penelitian (PTS)' }).click();
  await p.getByRole('link', { name: /^Meningkatkan Kinerja Guru SD/ }).click();
  await p.getByRole('link', { name: 'Siklus II', exact: true }).click();
  await expect(p).toHaveURL(/\/cycles\/[0-9a-f-]{36}$/);

  // Submitted, so read-only: the principal takes the submission back to correct it.
  await p.getByRole('button', { name: 'Tarik kembali pengajuan' }).click();
  await p.getByRole('alertdialog').getByRole('button', { name: 'Tarik kembali' }).click();
  const reflection = p.getByLabel('Catatan tahap Refleksi');
  await expect(reflection).toBeEditable();

  await reflection.fill(CLAIM);
  const warning = p.getByTestId('claim-warning');
  await expect(warning).toContainText('Perlu dicek');
  await expect(warning).toContainText('"guru 1-4 mencapai kategori Baik"');
  await expect(warning).toContainText('Ismiati, S.Pd Cukup (53,50)');
  await expect(warning).toContainText('Selviani Ayu S.Pd Cukup (68,65)');
  await expect(warning).toContainText('rata-rata yang dihitung dari skor adalah 65,08');
  await shot(p, 'narrative-claim-warning', '[data-testid="claim-warning"]');

  // A warning, not a block: the note saves and the cycle goes back for review.
  await p.getByRole('button', { name: 'Simpan catatan tahapan' }).click();
  await expect(p.getByText('Catatan tahapan tersimpan.')).toBeVisible();
  await p.getByRole('button', { name: 'Ajukan siklus' }).click();
  await p.getByRole('alertdialog').getByRole('button', { name: 'Ya, ajukan' }).click();
  await expect(p.getByText('Siklus II telah diajukan untuk ditinjau.')).toBeVisible();
  // Read-only again, the warning stays next to the saved note.
  await expect(p.getByTestId('claim-warning')).toContainText('guru 1-4 mencapai kategori Baik');

  const supervisor = await signInAs(browser, '/login', 'pengawas', /\/dashboard$/);
  const s = supervisor.page;
  await s.goto('/integrity');
  const signal = s
    .locator('section')
    .filter({ hasText: 'Catatan menyebut hasil yang berbeda dari data' })
    .filter({ hasText: 'SD Negeri Lulut 2' });
  await expect(signal).toHaveCount(1);
  await expect(signal).toContainText(
    'Siklus II: Catatan refleksi: Catatan menyebut "guru 1-4 mencapai kategori Baik", tetapi data siklus ini:',
  );
  await expect(signal).toContainText('Perlu dicek.');
  await shot(s, 'narrative-claim-signal', 'h1');

  await principal.context.close();
  await supervisor.context.close();
});
