import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Unit tests (packages/domain, the web app's pure modules) run without a database. Integration tests (apps/server, packages/db)
// run against the real engine: embedded PGlite by default (each test file gets its own copy of a
// migrated, seeded template), PostgreSQL when DATABASE_URL is set (one shared database, so the
// files run one after another).
const isPostgres = Boolean(process.env.DATABASE_URL);

export default defineConfig({
  test: {
    include: ['packages/**/*.test.ts', 'apps/server/**/*.test.ts', 'apps/web/src/**/*.test.ts'],
    globalSetup: ['./apps/server/src/testing/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: !isPostgres,
    // The audit checkpoints a local `npm start` writes to data/ belong to that database, not to the test's.
    env: { ATMIS_AUDIT_CHECKPOINTS_FILE: path.join(tmpdir(), `atmis-test-audit-checkpoints-${process.pid}.jsonl`) },
  },
});
