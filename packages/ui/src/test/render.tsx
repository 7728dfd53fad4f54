import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider, type Lang, loadLang } from '../i18n/i18n';

// English loads on demand in the apps (i18n.tsx; tested in i18n.test.tsx). Tests render
// either language at once, so it is fetched here before the first test.
await loadLang('en');

/** Renders inside the providers every component expects (no tRPC: pure components only). */
export function renderWithI18n(ui: ReactElement, { lang = 'id' }: { lang?: Lang } = {}) {
  const queryClient = new QueryClient();
  return render(
    <QueryClientProvider client={queryClient}>
      <I18nProvider defaultLang={lang}>{ui}</I18nProvider>
    </QueryClientProvider>,
  );
}
