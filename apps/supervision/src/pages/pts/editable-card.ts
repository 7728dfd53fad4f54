import type { ReactNode } from 'react';

/** What an editable card of the cycle page (stage notes, printed figures) is given. */
export interface EditableCardProps<D> {
  draft: D;
  onDraftChange: (draft: D) => void;
  readOnly: boolean;
  onSave: () => void;
  saving: boolean;
  dirty: boolean;
  disabled?: boolean;
  footer?: ReactNode;
}
