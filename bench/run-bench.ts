/**
 * ATMIS benchmark runner: for each engine (PGlite, PostgreSQL) run every scenario in
 * `scenarios/index.ts`, print a table and write JSON to bench/results/.
 * Usage: `npm run bench` (env: BENCH_DURATION, BENCH_CONNECTIONS, … — see README.md).
 */
import { performance } from 'node:perf_hooks';
import { loadBenchConfig, type BenchConfig, type EngineName } from './bench-config.ts';
import { pgliteTarget, postgresTarget, postgresUnreachableReason, removeTempDataSync, type EngineTarget } from './engine-targets.ts';
import { machineFacts, renderTable, writeResults, type EngineReport, type ScenarioReport } from './report.ts';
import type { BenchContext, Scenario, SessionCredentials } from './scenario-types.ts';
import { scenarios as allScenarios } from './scenarios/index.ts';
import { killAllChildrenSync, ServerProcess, type StartedServer } from './server-process.ts';

const SESSION_COOKIE = 'atmis_session';

function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Never leave a server child behind, whatever ends the runner. */
process.on('exit', () => {
  killAllChildrenSync();
  removeTempDataSync();
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    console.error(`\n[bench] ${signal}: stopping server children and exiting`);
    killAllChildrenSync();
    process.exit(130);
  });
}

async function login(baseUrl: string, config: BenchConfig): Promise<SessionCredentials> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username: config.username, password: config.password }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await response.json()) as { status?: unknown; csrfToken?: unknown };
  if (response.status !== 200 || body.status !== 'ok') {
    throw new Error(`login as ${config.username} failed: HTTP ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  }
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith(`${SESSION_COOKIE}=`));
  const raw = cookie?.split(';')[0]?.slice(SESSION_COOKIE.length + 1);
  if (!raw) throw new Error(`login answered 200 without a ${SESSION_COOKIE} cookie`);
  return { token: decodeURIComponent(raw), cookieHeader: `${SESSION_COOKIE}=${raw}`, csrfToken: String(body.csrfToken) };
}

function createContext(config: BenchConfig, engine: EngineTarget): BenchContext & { close(): Promise<void> } {
  const server = new ServerProcess();
  let current: StartedServer | null = null;
  let credentials: SessionCredentials | null = null;
  const startOptions = {
    repoRoot: config.repoRoot,
    env: engine.serverEnv,
    startTimeoutMs: config.startTimeoutMs,
    pollIntervalMs: config.pollIntervalMs,
    serveWeb: config.serveWeb,
  };
  const context = {
    config,
    engine,
    log: (message: string) => log(`${engine.name}: ${message}`),
    get serverRunning() {
      return current !== null && server.running;
    },
    async startServer() {
      current = await server.start(startOptions);
      return current;
    },
    async ensureServer() {
      if (current && server.running) return current;
      current = null;
      return context.startServer();
    },
    async stopServer() {
      current = null;
      return server.stop(config.stopTimeoutMs);
    },
    async session() {
      if (!credentials) credentials = await login((await context.ensureServer()).baseUrl, config);
      return credentials;
    },
    async close() {
      await context.stopServer();
    },
  };
  return context;
}

async function runScenario(scenario: Scenario, context: BenchContext): Promise<ScenarioReport> {
  const begin = performance.now();
  log(`${context.engine.name}: ▶ ${scenario.title}`);
  try {
    const outcome = await scenario.run(context);
    return {
      id: scenario.id,
      title: scenario.title,
      description: scenario.description,
      status: 'ok',
      elapsedMs: performance.now() - begin,
      ...outcome,
    };
  } catch (error) {
    log(`${context.engine.name}: ✖ ${scenario.id} failed: ${errorText(error)}`);
    return {
      id: scenario.id,
      title: scenario.title,
      description: scenario.description,
      status: 'failed',
      error: errorText(error),
      elapsedMs: performance.now() - begin,
      rows: [],
    };
  }
}

async function runEngine(name: EngineName, config: BenchConfig, scenarios: Scenario[]): Promise<EngineReport> {
  if (name === 'postgres') {
    const reason = await postgresUnreachableReason(config);
    if (reason) {
      log(`postgres: SKIPPED — ${reason}`);
      return { engine: name, status: 'skipped', skipReason: reason, scenarios: [] };
    }
  }
  const engine = name === 'pglite' ? pgliteTarget(config) : postgresTarget(config);
  const context = createContext(config, engine);
  const reports: ScenarioReport[] = [];
  try {
    for (const scenario of scenarios) {
      if (scenario.engines && !scenario.engines.includes(name)) continue;
      reports.push(await runScenario(scenario, context));
    }
  } finally {
    await context.close();
    await engine.dispose();
  }
  return {
    engine: name,
    status: reports.some((r) => r.status === 'failed') ? 'failed' : 'ok',
    location: engine.location,
    scenarios: reports,
  };
}

async function main(): Promise<number> {
  const config = loadBenchConfig();
  const wanted = process.env.BENCH_SCENARIOS?.split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const scenarios = wanted ? allScenarios.filter((scenario) => wanted.includes(scenario.id)) : allScenarios;
  if (wanted && scenarios.length !== wanted.length) {
    throw new Error(`BENCH_SCENARIOS: unknown id in "${wanted.join(',')}"; known: ${allScenarios.map((s) => s.id).join(', ')}`);
  }
  const startedAt = new Date();
  const machine = machineFacts();
  log(
    `engines ${config.engines.join(', ')}; scenarios ${scenarios.map((s) => s.id).join(', ')}; ${config.connections} connections × ${config.durationSeconds}s; ${machine.cpus} CPUs, node ${machine.node}`,
  );

  const engines: EngineReport[] = [];
  for (const name of config.engines) engines.push(await runEngine(name, config, scenarios));
  const finishedAt = new Date();

  const table = renderTable(engines);
  console.log(`\n${table}\n`);
  const report = {
    tool: 'atmis-bench',
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    elapsedSeconds: (finishedAt.getTime() - startedAt.getTime()) / 1000,
    machine,
    config: {
      engines: config.engines,
      durationSeconds: config.durationSeconds,
      connections: config.connections,
      warmupSeconds: config.warmupSeconds,
      floorOps: config.floorOps,
      floorWarmupOps: config.floorWarmupOps,
      victimFiles: config.victimFiles,
      pollIntervalMs: config.pollIntervalMs,
      username: config.username,
      pgDatabase: config.pgDatabase,
      serveWeb: config.serveWeb,
      serverCommand: 'node --import tsx apps/server/src/main.ts',
    },
    scenarios: scenarios.map(({ id, title, description }) => ({ id, title, description })),
    engines,
    table,
  };
  const paths = writeResults(config.resultsDir, startedAt, report);
  log(`results: ${paths.timestamped} (and ${paths.latest})`);
  return engines.some((engine) => engine.status === 'failed') ? 1 : 0;
}

main()
  .then((code) => {
    killAllChildrenSync();
    process.exit(code);
  })
  .catch((error: unknown) => {
    console.error(`[bench] fatal: ${errorText(error)}`);
    killAllChildrenSync();
    process.exit(1);
  });
