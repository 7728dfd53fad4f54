export * from './account';
export * from './auth';
export * from './directory';
export * from './follow-up';
export * from './integrity';
export * from './letterhead';
export * from './pts';
export * from './text';
