export { lyingZip, xfdPerRow, zipBomb } from '../io/crafted-sheets.fixture';
export * from './callers';
export * from './matrix';
export * from './world';
