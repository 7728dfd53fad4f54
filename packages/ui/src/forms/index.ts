export { FormSelect, FormTextArea, FormTextField, NipField, SaveRow } from './form-fields';
export {
  type Issues,
  issuesOf,
  messageFor,
  NO_ISSUES,
  type ServerIssue,
  serverIssue,
} from './issues';
export {
  showApiFieldError,
  type UseZodFormOptions,
  useFieldError,
  useZodForm,
  type ZodForm,
} from './use-zod-form';
export { messageIn } from './zod-messages';
