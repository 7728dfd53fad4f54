export * from './bands';
export * from './decimal';
export * from './errors';
export * from './inputs';
export * from './rubric';
export * from './scoring';
export * from './zod-error';
