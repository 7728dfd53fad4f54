// i18n and formatting

// react-hook-form's own pieces a form may need, so apps share the one copy ui depends on
export {
  Controller,
  type FieldValues,
  type Path,
  type UseFormReturn,
  useWatch,
} from 'react-hook-form';
// accounts and notifications (decision 019)
export { AccountPage } from './account/account-page';
export { ForgotPasswordLink } from './account/forgot-password-link';
export { type AppKind, NotificationBell, NotificationsPage } from './account/notifications';
export { PasswordChangeForm } from './account/password-change';
export { accountRoutes } from './account/routes';
// app frame and auth
export { ApiErrorMessage, type ApiErrorMessageProps, fieldErrorOf } from './components/api-error';
export { AppShell, type AppShellProps, type NavItem, scopeLabel } from './components/app-shell';
export {
  Forbidden,
  type LoginLocationState,
  RequireAuth,
  type RequireAuthProps,
  RequireRole,
  type SignOutGuard,
  setSignOutGuard,
  useCurrentUser,
  useMe,
  useSignOut,
} from './components/auth';
// building blocks
export {
  BAND_COLORS,
  BandBadge,
  bandColor,
  bandTone,
  type CycleStatus,
  StatusBadge,
} from './components/badges';
export { Button, type ButtonProps, type ButtonVariant } from './components/button';
export { Card, type CardProps, PageHeader, type PageHeaderProps, Stat } from './components/card';
// tables (charts: '@siklus/ui/charts', so apps can load recharts with the pages that draw)
export { ConfirmDialog, type ConfirmDialogProps } from './components/confirm-dialog';
export { cx } from './components/cx';
export {
  DataTable,
  type DataTableColumn,
  type DataTableProps,
  decimalSorting,
  EmptyRow,
  QueryTable,
  type WhenEmpty,
} from './components/data-table';
export {
  FieldError,
  Select,
  type SelectOption,
  type SelectProps,
  TextArea,
  type TextAreaProps,
  TextField,
  type TextFieldProps,
} from './components/fields';
export { LanguageSwitch } from './components/language-switch';
export { lazyRoute } from './components/lazy-route';
export { LoginPage, type LoginPageProps } from './components/login-page';
export { Logo } from './components/logo';
export { AppProviders, startApp } from './components/providers';
export { ProvisionalLabel, type ProvisionalLabelProps } from './components/provisional-label';
export {
  EmptyState,
  ErrorState,
  LoadingState,
  type QueryLike,
  QueryState,
} from './components/states';
export {
  StudyClosedBadge,
  StudyClosure,
  type StudyClosureProps,
} from './components/study-closure';
export { TableScroll } from './components/table-scroll';
export {
  ActionStatus,
  TOAST_MS,
  type ToastApi,
  ToastProvider,
  type ToastTone,
  useToast,
} from './components/toast';
export { UnsavedChangesGuard } from './components/unsaved-changes';
export { NotFoundPage, WhoAmICard } from './components/who-am-i';
// forms: react-hook-form over the domain's zod schemas
export * from './forms';
export { en } from './i18n/en';
export {
  compareDecimalStrings,
  type FormatDecimalOptions,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatInteger,
  formatLongDate,
  formatPercent,
  formatScore,
} from './i18n/format';
export {
  I18nProvider,
  isLangLoaded,
  LANG_STORAGE_KEY,
  LANGS,
  type Lang,
  loadLang,
  type MessageParams,
  type PlainMessageKey,
  pluralForm,
  type TFunction,
  translate,
  useLang,
  useLocalized,
  useT,
} from './i18n/i18n';
export { type Dictionary, id, type MessageKey } from './i18n/id';
export {
  decimalIn,
  integerIn,
  type MessageParam,
  messageText,
  msg,
  type TMessage,
  useMessageText,
} from './i18n/message';
export { TimeZoneContext, useFormat, useTimeZone } from './i18n/use-format';
export { SHEET_ACCEPT, SheetFileField, sheetProblemPlace } from './io/sheet-file-field';
export { readAsBase64 } from './read-file';
export { TeacherRoster, type TeacherRosterProps } from './roster/teacher-roster';
export {
  missingIndicatorsMessage,
  type RubricScores,
  RubricSheet,
  type RubricSheetHandle,
  type RubricSheetProps,
} from './rubric-sheet';
