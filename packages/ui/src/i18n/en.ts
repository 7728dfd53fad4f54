import type { MessageKey } from './id';

/** English. `satisfies` makes a missing or an extra key a compile error. */
export const en = {
  // common
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.back': 'Back',
  'common.close': 'Close',
  'common.empty': 'Nothing here yet.',
  'common.errorTitle': 'Something went wrong',
  'common.requestId': 'Request id: {id}',
  'common.required': 'required',
  'common.notAvailable': '–',
  'common.todoTitle': 'Coming soon',
  'common.todoBody':
    'The "{feature}" section is being built. This page will show real data once its service is available.',

  // languages
  'lang.label': 'Language',
  'lang.id': 'Bahasa Indonesia',
  'lang.en': 'English',

  // roles and cycle statuses
  'role.admin': 'Administrator',
  'role.supervisor': 'School supervisor',
  'role.principal': 'Principal',
  'status.draft': 'Draft',
  'status.submitted': 'Submitted',
  'status.returned': 'Returned',
  'status.approved': 'Approved',

  // app shell
  'shell.product': 'Siklus',
  'shell.tagline': 'School Action Research Supervision',
  'shell.signOut': 'Sign out',
  'shell.signingOut': 'Signing out…',
  'shell.mainNav': 'Main navigation',
  'shell.skipToContent': 'Skip to content',
  'shell.userMenu': 'Account',
  'shell.district': '{name} District',

  // authentication
  'auth.title': 'Sign in to Siklus',
  'auth.subtitle': "Use the account your district's education office gave you.",
  'auth.login': 'Username or email',
  'auth.password': 'Password',
  'auth.submit': 'Sign in',
  'auth.submitting': 'Checking…',
  'auth.loginRequired': 'Enter your username or email.',
  'auth.passwordRequired': 'Enter your password.',
  'auth.checking': 'Checking your session…',
  'auth.forbiddenTitle': 'No access',
  'auth.forbiddenBody': 'This page is only for: {roles}. You are signed in as {role}.',
  'auth.switchAccount': 'Sign in with another account',

  // tables
  'table.sortAscending': 'Sort ascending',
  'table.sortDescending': 'Sort descending',
  'table.filter': 'Filter {column}',
  'table.filterAll': 'All',
  'table.rowsPerPage': 'Rows per page',
  'table.range': '{from}–{to} of {total}',
  'table.previous': 'Previous',
  'table.next': 'Next',
  'table.page': 'Page {page} of {pages}',
  'table.noRows': 'No matching rows.',

  // charts
  'chart.mean': 'Mean',
  'chart.noData': 'No data for this chart yet.',
} satisfies Record<MessageKey, string>;
