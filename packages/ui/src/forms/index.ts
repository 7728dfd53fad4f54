export { useFieldArray } from 'react-hook-form';
export {
  FormFooter,
  FormSelect,
  FormTextArea,
  FormTextField,
  NipField,
  SaveRow,
} from './form-fields';
export {
  type Issues,
  issuesOf,
  messageFor,
  NO_ISSUES,
  type ServerIssue,
  serverIssue,
} from './issues';
export { type DraftFormHandle, useDraftForm } from './use-draft-form';
export {
  fieldErrorIn,
  showApiFieldError,
  type UseZodFormOptions,
  useFieldError,
  useZodForm,
  type ZodForm,
} from './use-zod-form';
export { messageIn } from './zod-messages';
