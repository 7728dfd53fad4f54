// Test helpers only: import from '@siklus/ui/testing' in *.test.tsx, never in app code.
import './cleanup';
import './dialog-polyfill';

export { type FakeApi, FakeApiError, fakeApi, type Handler } from './fake-api';
export { type RenderAppOptions, renderApp } from './render-app';
export { ME } from './users';
