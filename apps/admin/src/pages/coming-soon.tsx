import { type MessageKey, NotBuiltYet, PageHeader, useT } from '@siklus/ui';
import { type SectionId, sectionBody, sectionTitle } from '../sections';

/**
 * TODO(issue 6): a section whose API procedure (`feature`) does not exist yet. It shows
 * no invented data; replace the route's element with the real page.
 */
export function ComingSoon({ section, feature }: { section: SectionId; feature: string }) {
  const t = useT();
  const tx = t as (key: MessageKey) => string;
  return (
    <>
      <PageHeader title={tx(sectionTitle(section))} description={tx(sectionBody(section))} />
      <NotBuiltYet feature={feature} />
    </>
  );
}
