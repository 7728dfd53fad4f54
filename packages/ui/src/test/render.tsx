import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider, type Lang } from '../i18n/i18n';

/** Renders inside the providers every component expects (no tRPC: pure components only). */
export function renderWithI18n(ui: ReactElement, { lang = 'id' }: { lang?: Lang } = {}) {
  const queryClient = new QueryClient();
  return render(
    <QueryClientProvider client={queryClient}>
      <I18nProvider defaultLang={lang}>{ui}</I18nProvider>
    </QueryClientProvider>,
  );
}
