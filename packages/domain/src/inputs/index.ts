export * from './auth';
export * from './directory';
export * from './pts';
export * from './text';
