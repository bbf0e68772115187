import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabase } from '@atmis/db';
import { sql } from 'drizzle-orm';
import type { TestProject } from 'vitest/node';
import { bootstrapDatabase } from '../seed/bootstrap.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templatePath: string | null;
  }
}

/**
 * Builds the test database once: migrations, reference data and demo accounts.
 *  - PGlite (default): into memory, then dumped to a tar that every test file loads (fast, isolated).
 *  - PostgreSQL (DATABASE_URL): the schema is recreated from scratch and shared by the test files,
 *    which use unique data per test.
 */
export default async function setup(project: TestProject) {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const handle = await createDatabase({ databaseUrl });
    await handle.db.execute(sql`drop schema if exists drizzle cascade`);
    await handle.db.execute(sql`drop schema if exists public cascade`);
    await handle.db.execute(sql`create schema public`);
    await bootstrapDatabase(handle, { mode: 'demo', initialAdmin: undefined });
    await handle.close();
    project.provide('templatePath', null);
    return;
  }
  const handle = await createDatabase({ dataDir: 'memory://' });
  await bootstrapDatabase(handle, { mode: 'demo', initialAdmin: undefined });
  const dump = await handle.pglite!.dumpDataDir('none');
  const templatePath = path.join(tmpdir(), `atmis-test-template-${process.pid}.tar`);
  writeFileSync(templatePath, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('templatePath', templatePath);
}
