export { openTestDb, type TestDatabase, type TestDriver, testDriver } from './open-test-db';
export { testDatabaseUrl, withDatabase } from './test-database-url';
