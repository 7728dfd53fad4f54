export {};
export * from './auth';
