import autocannon, { type AutocannonResult } from 'autocannon';
import { round, summarize } from '../latency-stats.ts';
import type { Scenario } from '../scenario-types.ts';

/** The parts of autocannon's result kept in the JSON (shared with victim-list-load). */
export function pickAutocannonSummary(result: AutocannonResult) {
  return {
    durationSeconds: result.duration,
    requestsPerSecond: {
      mean: result.requests.average,
      stddev: result.requests.stddev,
      min: result.requests.min,
      max: result.requests.max,
    },
    totalRequests: result.requests.total,
    sent: result.requests.sent,
    /** autocannon's own latency histogram: whole-millisecond buckets, no p95. */
    latencyMs: {
      mean: result.latency.average,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodeStats: result.statusCodeStats,
  };
}

/**
 * Authenticated GET /api/v1/auth/me under concurrent load (autocannon, keep-alive connections).
 * Latency percentiles are computed exactly from every response's own timing (autocannon's
 * `response` event: process.hrtime from request write to full response), because autocannon's
 * summary has no p95 and rounds to whole milliseconds.
 */
export const authMeLoadScenario: Scenario = {
  id: 'auth-me-load',
  title: 'Authenticated GET /api/v1/auth/me under load',
  description:
    'One login, then autocannon drives GET /api/v1/auth/me with the session cookie over BENCH_CONNECTIONS keep-alive connections for ' +
    'BENCH_DURATION seconds (after a discarded BENCH_WARMUP-second warm-up). Each request runs the request guard (loadSession: one SQL ' +
    "query) and the handler (two more queries: user/org-unit/agency names and assignment names). req/s is autocannon's mean of per-second " +
    "samples; p50/p95/p99 are exact nearest-rank percentiles over every response's latency as timed by autocannon (hrtime, sub-ms).",
  async run(context) {
    const { config } = context;
    const server = await context.ensureServer();
    const credentials = await context.session();
    const url = `${server.baseUrl}/api/v1/auth/me`;
    const headers = { cookie: credentials.cookieHeader, accept: 'application/json' };

    const probe = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
    const probeBody = (await probe.json()) as { user?: { username?: unknown } };
    if (probe.status !== 200 || probeBody.user?.username !== config.username) {
      throw new Error(`GET /auth/me with the bench session answered ${probe.status}: ${JSON.stringify(probeBody).slice(0, 300)}`);
    }

    const base = { url, connections: config.connections, headers, timeout: 10 };
    if (config.warmupSeconds > 0) {
      context.log(`warm-up ${config.warmupSeconds}s…`);
      await autocannon({ ...base, duration: config.warmupSeconds });
    }
    context.log(`load: ${config.connections} connections × ${config.durationSeconds}s…`);
    const latencies: number[] = [];
    const statusCounts = new Map<number, number>();
    const instance = autocannon({ ...base, duration: config.durationSeconds, title: `${context.engine.name} auth/me` });
    instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
      latencies.push(responseTimeMs);
      statusCounts.set(statusCode, (statusCounts.get(statusCode) ?? 0) + 1);
    });
    // Hard stop if autocannon somehow overruns (it should end on its own at `duration`).
    const guard = setTimeout(() => instance.stop(), (config.durationSeconds + 30) * 1000);
    let result: AutocannonResult;
    try {
      result = await instance;
    } finally {
      clearTimeout(guard);
    }

    const latency = summarize(latencies);
    const ok = statusCounts.get(200) ?? 0;
    const autocannonSummary = pickAutocannonSummary(result);
    return {
      rows: [
        {
          case: `${config.connections} conn × ${config.durationSeconds}s`,
          count: latency.count,
          opsPerSec: result.requests.average,
          latency,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
          note: `autocannon p50/p97.5/p99 = ${result.latency.p50}/${result.latency.p97_5}/${result.latency.p99} ms; ${ok}×200`,
        },
      ],
      details: {
        url,
        connections: config.connections,
        durationSeconds: config.durationSeconds,
        warmupSeconds: config.warmupSeconds,
        latencySource: 'per-response hrtime from autocannon `response` events, exact nearest-rank percentiles (ms)',
        latencyMs: Object.fromEntries(Object.entries(latency).map(([key, value]) => [key, round(value, 3)])),
        statusCounts: Object.fromEntries(statusCounts),
        autocannon: autocannonSummary,
      },
    };
  },
};
