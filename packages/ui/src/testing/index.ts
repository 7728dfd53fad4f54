// Test helpers only: import from '@siklus/ui/testing' in *.test.tsx, never in app code.
import './cleanup';
import './dialog-polyfill';

export {
  type FakeApi,
  FakeApiError,
  type FakeOutput,
  fakeApi,
  type Handler,
  type Handlers,
  type ProcedureInput,
  type ProcedureOutput,
  type ProcedurePath,
} from './fake-api';
export { type RenderAppOptions, renderApp } from './render-app';
export { ME } from './users';
