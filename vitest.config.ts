import { defineConfig } from 'vitest/config';

// Tests that touch a database are named *.db.test.ts and run twice: once on the embedded PGlite
// database and once on the PostgreSQL server, so both drivers stay equally supported. Tests of
// what only a server can do (several relay processes on one database) are *.pg.test.ts.
const packages = '{db,relay,plugin,rules,scripts,tests}';
const dbTests = [`${packages}/**/*.db.test.ts`];
const serverTests = [`${packages}/**/*.pg.test.ts`];
const exclude = ['**/node_modules/**', '**/dist/**'];
const slow = { testTimeout: 60_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [`${packages}/**/*.test.ts`],
          exclude: [...exclude, ...dbTests, ...serverTests],
          ...slow,
        },
      },
      {
        test: {
          name: 'pglite',
          include: dbTests,
          exclude,
          env: { K2C_TEST_DRIVER: 'pglite' },
          globalSetup: ['./db/src/testing/pglite-global-setup.ts'],
          ...slow,
        },
      },
      {
        test: {
          name: 'postgres',
          include: [...dbTests, ...serverTests],
          exclude,
          env: { K2C_TEST_DRIVER: 'postgres' },
          globalSetup: ['./db/src/testing/postgres-global-setup.ts'],
          ...slow,
        },
      },
    ],
  },
});
