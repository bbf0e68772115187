import type { BenchConfig, EngineName } from './bench-config.ts';
import type { EngineTarget } from './engine-targets.ts';
import type { LatencySummary } from './latency-stats.ts';
import type { StartedServer } from './server-process.ts';

/** One line of the printed table. Leave a metric out when it does not apply. */
export interface ResultRow {
  /** Short case name within the scenario, e.g. "fresh", "sequential". */
  case: string;
  /** A single duration (cold start). */
  timeMs?: number;
  count?: number;
  opsPerSec?: number;
  /** Per-operation latency in ms. */
  latency?: LatencySummary;
  errors?: number;
  non2xx?: number;
  note?: string;
}

export interface ScenarioOutcome {
  rows: ResultRow[];
  /** Anything else worth keeping in the JSON (raw tool output, console timeline, …). */
  details?: unknown;
  notes?: string[];
}

export interface SessionCredentials {
  token: string;
  cookieHeader: string;
  csrfToken: string;
}

/** What a scenario gets: the engine, the config, and a server it can (re)start or stop. */
export interface BenchContext {
  config: BenchConfig;
  engine: EngineTarget;
  log(message: string): void;
  /** The running server, started (warm) if none is running. */
  ensureServer(): Promise<StartedServer>;
  /** Starts a new server process (fails if one is running). */
  startServer(): Promise<StartedServer>;
  stopServer(): Promise<{ stopMs: number; forced: boolean }>;
  readonly serverRunning: boolean;
  /** Logs in once per engine run (starting the server if needed) and caches the session. */
  session(): Promise<SessionCredentials>;
}

export interface Scenario {
  /** Stable id used in the JSON, kebab-case. */
  id: string;
  title: string;
  /** One paragraph for the README / JSON: what exactly is measured. */
  description: string;
  /** Engines this scenario applies to; all when absent. */
  engines?: EngineName[];
  run(context: BenchContext): Promise<ScenarioOutcome>;
}
