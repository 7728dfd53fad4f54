import { type MessageKey, NotBuiltYet, PageHeader, useT } from '@siklus/ui';

/**
 * TODO(issue 5): a route whose API procedure (`feature`) does not exist yet. It shows no
 * invented data; replace the route's element with the real page.
 */
export function ComingSoon({ titleKey, feature }: { titleKey: MessageKey; feature: string }) {
  const t = useT();
  // Titles used here take no parameters; the cast keeps t() from asking for them.
  const title = (t as (key: MessageKey) => string)(titleKey);
  return (
    <>
      <PageHeader title={title} />
      <NotBuiltYet feature={feature} />
    </>
  );
}
