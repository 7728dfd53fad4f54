export * from './callers';
export * from './matrix';
export * from './world';
