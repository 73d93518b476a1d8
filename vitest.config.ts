import { defineConfig } from 'vitest/config';

// Test tiers are visible in file names: *.test.ts are pure and fast (unit), *.db.test.ts run
// against SQLite and, when DATABASE_URL is set, PostgreSQL (db), e2e/*.spec.ts start real
// processes and drive Debian's Chromium (e2e).
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // A browser journey is one long test of many steps against a real Chromium; a timing race
          // we have not seen yet should not sink a whole run. One retry, and scripts/test.mjs names
          // every test that needed it, so a flaky journey is seen and fixed rather than hidden.
          retry: 1,
        },
      },
    ],
  },
});
