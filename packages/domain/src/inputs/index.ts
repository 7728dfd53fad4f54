export * from './account';
export * from './auth';
export * from './directory';
export * from './follow-up';
export * from './integrity';
export * from './pts';
export * from './text';
