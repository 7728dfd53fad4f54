import type { RouterOutputs } from '@siklus/client';

/** The API's shapes these pages read (from the router, never redeclared). */
export type CalibrationRow = RouterOutputs['coObservation']['calibration'][number];
export type CoObservationItem = RouterOutputs['coObservation']['mine'][number];
export type CoObservationView = RouterOutputs['coObservation']['get'];
export type IntegrityList = RouterOutputs['integrity']['district'];
export type IntegritySignal = IntegrityList['signals'][number];
