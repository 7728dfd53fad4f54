import { bandIndex, type TBandSet } from '@siklus/domain';
import { BandBadge, useT } from '@siklus/ui';

/** A band label as a colored badge, its tone taken from its place in the study's band set. */
export function Band({ bandSet, label }: { bandSet: TBandSet; label: string | null | undefined }) {
  const t = useT();
  if (!label) return <span className="sk-muted">{t('common.notAvailable')}</span>;
  return <BandBadge label={label} index={bandIndex(bandSet, label)} total={bandSet.bands.length} />;
}

/** Band lower bounds above 0 as chart reference lines ("71.00" Baik). */
export function bandReferences(bandSet: TBandSet): { value: string; label: string }[] {
  return bandSet.bands
    .filter((b) => Number(b.from) > 0)
    .map((b) => ({ value: b.from, label: b.label }));
}

/** A plain download link (the server answers with a file; the session cookie goes along). */
export function DownloadLink({ href, children }: { href: string; children: string }) {
  return (
    <a className="sk-btn sk-btn--secondary sk-btn--sm" href={href} download>
      {children}
    </a>
  );
}
