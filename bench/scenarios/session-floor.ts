import { performance } from 'node:perf_hooks';
import type { DatabaseHandle } from '@atmis/db';
import { loadSession } from '../../apps/server/src/platform/auth/session-store.ts';
import { summarize } from '../latency-stats.ts';
import type { ResultRow, Scenario } from '../scenario-types.ts';

type Db = DatabaseHandle['db'];

async function lookupOnce(db: Db, token: string, now: Date): Promise<number> {
  const begin = performance.now();
  const session = await loadSession(db, token, now);
  const elapsed = performance.now() - begin;
  if (!session) throw new Error('loadSession returned null for the bench session token');
  return elapsed;
}

/** `total` lookups spread over `concurrency` workers; returns per-op latencies and wall time. */
async function runLookups(db: Db, token: string, total: number, concurrency: number): Promise<{ latencies: number[]; wallMs: number }> {
  const latencies: number[] = [];
  const now = new Date();
  let next = 0;
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      while (next < total) {
        next += 1;
        latencies.push(await lookupOnce(db, token, now));
      }
    }),
  );
  return { latencies, wallMs: performance.now() - begin };
}

/**
 * The database floor under auth/me: the guard's session query alone, called in-process with the
 * server's own `loadSession` on the same data, with no HTTP and no framework.
 */
export const sessionFloorScenario: Scenario = {
  id: 'session-floor',
  title: 'Raw session lookup (loadSession) floor',
  description:
    "The request guard's session lookup — loadSession(db, token, now) from apps/server/src/platform/auth/session-store.ts, the one SQL " +
    'query every authenticated request runs — called directly through @atmis/db createDatabase on the same data with the token from the ' +
    'login, BENCH_FLOOR_OPS times sequentially and BENCH_FLOOR_OPS times with BENCH_CONNECTIONS concurrent callers (after ' +
    'BENCH_FLOOR_WARMUP_OPS discarded calls). The server is stopped first (a PGlite data dir can be opened by one process only; for ' +
    'PostgreSQL this keeps the machine quiet). PostgreSQL uses a pool of BENCH_CONNECTIONS connections; PGlite is one in-process ' +
    'single-threaded engine, so its "concurrent" calls queue.',
  async run(context) {
    const { config, engine } = context;
    const credentials = await context.session();
    if (context.serverRunning) await context.stopServer();

    const handle = await engine.open(config.connections);
    try {
      context.log(
        `floor: warm-up ${config.floorWarmupOps}, then ${config.floorOps} sequential + ${config.floorOps} × ${config.connections} concurrent…`,
      );
      await runLookups(handle.db, credentials.token, Math.max(1, config.floorWarmupOps), config.connections);
      const sequential = await runLookups(handle.db, credentials.token, config.floorOps, 1);
      const concurrent = await runLookups(handle.db, credentials.token, config.floorOps, config.connections);
      const row = (name: string, run: { latencies: number[]; wallMs: number }): ResultRow => ({
        case: name,
        count: run.latencies.length,
        opsPerSec: (run.latencies.length / run.wallMs) * 1000,
        latency: summarize(run.latencies),
        errors: 0,
      });
      return {
        rows: [
          row('sequential', sequential),
          {
            ...row(`${config.connections} concurrent`, concurrent),
            ...(engine.name === 'pglite' ? { note: 'single-threaded engine: calls queue' } : { note: `pool of ${config.connections}` }),
          },
        ],
        details: {
          ops: config.floorOps,
          warmupOps: config.floorWarmupOps,
          concurrency: config.connections,
          sequentialWallMs: sequential.wallMs,
          concurrentWallMs: concurrent.wallMs,
          latencySource: 'performance.now() around each loadSession call, exact nearest-rank percentiles (ms)',
        },
      };
    } finally {
      await handle.close();
    }
  },
};
