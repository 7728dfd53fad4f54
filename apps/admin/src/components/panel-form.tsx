import { Card, FormFooter } from '@siklus/ui';
import type { FormEventHandler, ReactNode } from 'react';

/** What a panel's form is told by its page: how to close it, and what it saved. */
export interface PanelFormProps<Saved> {
  onCancel: () => void;
  onDone: (saved: Saved) => void;
}

/**
 * A form in a list page's panel (schools, users): a card with the fields in the admin grid,
 * then the footer below.
 */
export function PanelForm({
  title,
  description,
  onSubmit,
  children,
  extraActions,
  ...footer
}: {
  title: string;
  description?: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  children: ReactNode;
  /** Buttons between submit and cancel. */
  extraActions?: ReactNode;
  error: unknown;
  inlineFields: readonly string[];
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
}) {
  return (
    <Card className="adm-panel" title={title} description={description}>
      <form className="sk-form" onSubmit={onSubmit} noValidate>
        <div className="adm-form-grid">{children}</div>
        <FormFooter {...footer}>{extraActions}</FormFooter>
      </form>
    </Card>
  );
}
