import type { ServerIssue } from '@siklus/ui';
import type { ReactNode } from 'react';

/**
 * What an editable card of the cycle page (stage notes, printed figures) is given: a draft
 * the page owns, checked by the card with its procedure's schema before `onSave` runs.
 */
export interface EditableCardProps<D> {
  draft: D;
  onDraftChange: (draft: D) => void;
  readOnly: boolean;
  onSave: () => void;
  saving: boolean;
  dirty: boolean;
  disabled?: boolean;
  footer?: ReactNode;
  /** The cycle's version a save is built on, for the schema's check. */
  version: number;
  /** The last save's refusal of one field, shown under that field. */
  serverError: ServerIssue;
}
