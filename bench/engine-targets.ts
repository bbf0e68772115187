import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, type DatabaseHandle } from '@atmis/db';
import pg from 'pg';
import type { BenchConfig, EngineName } from './bench-config.ts';

/** Where one engine's data lives and how to reset / open it. */
export interface EngineTarget {
  name: EngineName;
  /** Human-readable location (data dir, or URL without password). */
  location: string;
  /** Environment for the server child. */
  serverEnv: Record<string, string>;
  /** Makes the next server start a "fresh" one: empty data dir / recreated database. */
  reset(): Promise<void>;
  /** Opens the same data in-process (the server must be stopped for PGlite: one process per data dir). */
  open(maxConnections: number): Promise<DatabaseHandle>;
  /** Removes bench data (PGlite temp dir); the postgres database is kept for inspection. */
  dispose(): Promise<void>;
}

/** PGlite temp roots still on disk, removed synchronously if the runner exits early. */
const tempRoots = new Set<string>();

export function removeTempDataSync(): void {
  for (const root of tempRoots) rmSync(root, { recursive: true, force: true });
  tempRoots.clear();
}

export function pgliteTarget(config: BenchConfig): EngineTarget {
  const root = mkdtempSync(path.join(os.tmpdir(), 'atmis-bench-'));
  if (!config.keepData) tempRoots.add(root);
  const dataDir = path.join(root, 'pglite');
  return {
    name: 'pglite',
    location: dataDir,
    serverEnv: { ATMIS_DATA_DIR: dataDir },
    async reset() {
      rmSync(dataDir, { recursive: true, force: true });
    },
    open: () => createDatabase({ dataDir }),
    async dispose() {
      if (!config.keepData) rmSync(root, { recursive: true, force: true });
      tempRoots.delete(root);
    },
  };
}

async function withAdminClient<T>(config: BenchConfig, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${config.pgBaseUrl}/postgres`, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Null when reachable, else the reason (the engine is then skipped with that note). */
export async function postgresUnreachableReason(config: BenchConfig): Promise<string | null> {
  try {
    await withAdminClient(config, (client) => client.query('select 1'));
    return null;
  } catch (error) {
    return `PostgreSQL at ${config.pgBaseUrl} unreachable: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export function postgresTarget(config: BenchConfig): EngineTarget {
  const databaseUrl = `${config.pgBaseUrl}/${config.pgDatabase}`;
  return {
    name: 'postgres',
    location: databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
    serverEnv: { DATABASE_URL: databaseUrl },
    async reset() {
      await withAdminClient(config, async (client) => {
        // The name is validated in loadBenchConfig (plain identifier, never `test`).
        await client.query(`drop database if exists "${config.pgDatabase}" with (force)`);
        await client.query(`create database "${config.pgDatabase}"`);
      });
    },
    open: (maxConnections) => createDatabase({ databaseUrl, maxConnections }),
    async dispose() {},
  };
}
