import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type EngineName = 'pglite' | 'postgres';

export interface BenchConfig {
  engines: EngineName[];
  /** autocannon measured run, seconds. */
  durationSeconds: number;
  connections: number;
  /** autocannon warm-up before the measured run (discarded), seconds; 0 to skip. */
  warmupSeconds: number;
  /** Session-lookup floor: measured operations per mode (sequential, concurrent). */
  floorOps: number;
  floorWarmupOps: number;
  /** victim-list-load: victim files seeded through the API before the measured reads. */
  victimFiles: number;
  /** Give up on a server start after this long. */
  startTimeoutMs: number;
  /** Give up waiting for the child to exit after SIGTERM (then SIGKILL). */
  stopTimeoutMs: number;
  /** Health polling interval while waiting for the server. */
  pollIntervalMs: number;
  /** PostgreSQL server (no database part) and the database the bench owns. */
  pgBaseUrl: string;
  pgDatabase: string;
  username: string;
  password: string;
  keepData: boolean;
  /** Let the server serve apps/web/dist as it does by default (off: API only). */
  serveWeb: boolean;
  benchDir: string;
  repoRoot: string;
  resultsDir: string;
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, { allowZero = false } = {}): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new Error(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} number, got "${raw}"`);
  }
  return value;
}

export function loadBenchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const benchDir = path.dirname(fileURLToPath(import.meta.url));
  const engines = (env.BENCH_ENGINES ?? 'pglite,postgres')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const engine of engines) {
    if (engine !== 'pglite' && engine !== 'postgres') throw new Error(`BENCH_ENGINES: unknown engine "${engine}" (use pglite, postgres)`);
  }
  const pgDatabase = env.BENCH_PG_DB ?? 'atmis_bench';
  if (!/^[a-z_][a-z0-9_]*$/.test(pgDatabase)) throw new Error(`BENCH_PG_DB must be a plain lower-case identifier, got "${pgDatabase}"`);
  // The bench drops and recreates its database: never let it near CI's or a real one.
  if (['test', 'postgres', 'template0', 'template1'].includes(pgDatabase))
    throw new Error(`BENCH_PG_DB="${pgDatabase}" is reserved; the bench drops its database`);
  return {
    engines: engines as EngineName[],
    durationSeconds: positiveNumber(env, 'BENCH_DURATION', 10),
    connections: Math.round(positiveNumber(env, 'BENCH_CONNECTIONS', 10)),
    warmupSeconds: positiveNumber(env, 'BENCH_WARMUP', 2, { allowZero: true }),
    floorOps: Math.round(positiveNumber(env, 'BENCH_FLOOR_OPS', 5000)),
    floorWarmupOps: Math.round(positiveNumber(env, 'BENCH_FLOOR_WARMUP_OPS', 200, { allowZero: true })),
    victimFiles: Math.round(positiveNumber(env, 'BENCH_VICTIM_FILES', 1000)),
    startTimeoutMs: positiveNumber(env, 'BENCH_START_TIMEOUT_MS', 240_000),
    stopTimeoutMs: positiveNumber(env, 'BENCH_STOP_TIMEOUT_MS', 15_000),
    pollIntervalMs: 50,
    pgBaseUrl: (env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, ''),
    pgDatabase,
    username: env.BENCH_USERNAME ?? 'tinh.thuongtruc',
    password: env.BENCH_PASSWORD ?? 'Demo@2026',
    keepData: env.BENCH_KEEP_DATA === '1' || env.BENCH_KEEP_DATA === 'true',
    serveWeb: env.BENCH_SERVE_WEB === '1' || env.BENCH_SERVE_WEB === 'true',
    benchDir,
    repoRoot: path.resolve(benchDir, '..'),
    resultsDir: path.join(benchDir, 'results'),
  };
}
