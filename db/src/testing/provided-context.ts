export interface PostgresTestServer {
  /** A database on the test server to connect to while creating and dropping test databases. */
  adminUrl: string;
  /** Every database this run creates starts with it, so teardown can drop them all. */
  databasePrefix: string;
}

declare module 'vitest' {
  interface ProvidedContext {
    pgliteSnapshotPath: string;
    postgresTestServer: PostgresTestServer;
  }
}
