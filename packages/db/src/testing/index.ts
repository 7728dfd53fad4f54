export { createTestDb, type TestDb } from './create-test-db';
export {
  checkDistrictPredicates,
  type DistrictViolation,
  normalizeSql,
  QUERY_LOG_ENV,
  readRecordedQueries,
  recordingQueries,
} from './district-predicates';
export {
  bandSetOfCycle,
  DEFAULT_CRITERIA,
  makeBandSetVersion,
  makeCriteriaVersion,
  makeCycle,
  makeDistrict,
  makeObservation,
  makeRubricVersion,
  makeSchool,
  makeStudy,
  makeTeacher,
  makeUser,
  uniqueNpsn,
} from './factories';
export { type PgSession, pgQuery, pgSession } from './pg-admin';
export { startS3Server, type TestS3Server } from './s3-server';
