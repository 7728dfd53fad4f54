export * from './auth';
export * from './directory';
