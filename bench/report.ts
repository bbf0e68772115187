import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EngineName } from './bench-config.ts';
import { round } from './latency-stats.ts';
import type { ResultRow } from './scenario-types.ts';

export interface ScenarioReport {
  id: string;
  title: string;
  description: string;
  status: 'ok' | 'failed';
  error?: string;
  elapsedMs: number;
  rows: ResultRow[];
  notes?: string[];
  details?: unknown;
}

export interface EngineReport {
  engine: EngineName;
  status: 'ok' | 'skipped' | 'failed';
  skipReason?: string;
  location?: string;
  scenarios: ScenarioReport[];
}

export function machineFacts() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    availableParallelism: os.availableParallelism(),
    cpuModel: cpus[0]?.model ?? 'unknown',
    totalMemoryGiB: round(os.totalmem() / 2 ** 30, 1),
    platform: os.platform(),
    arch: os.arch(),
    osRelease: os.release(),
    node: process.version,
    hostname: os.hostname(),
  };
}

const fmt = (value: number | undefined, digits = 2): string =>
  value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
const int = (value: number | undefined): string =>
  value === undefined || !Number.isFinite(value) ? '—' : Math.round(value).toLocaleString('en-US');

/** First line of the error, plus the child's own error line when it crashed. */
function failureSummary(error: string): string {
  const lines = error.split('\n');
  const childError = lines.find((line) => /^\[stderr\] \w*Error\b/.test(line));
  return [lines[0] ?? '', childError?.replace('[stderr] ', 'server: ')].filter(Boolean).join(' — ');
}

export function renderTable(engines: EngineReport[]): string {
  const header = ['engine', 'scenario', 'case', 'time ms', 'n', 'ops/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'err', 'non2xx', 'note'];
  const lines: string[][] = [];
  for (const engine of engines) {
    if (engine.status === 'skipped') {
      lines.push([engine.engine, '(skipped)', '', '', '', '', '', '', '', '', '', '', engine.skipReason ?? '']);
      continue;
    }
    for (const scenario of engine.scenarios) {
      if (scenario.status === 'failed') {
        lines.push([engine.engine, scenario.id, 'FAILED', '', '', '', '', '', '', '', '', '', failureSummary(scenario.error ?? '')]);
      }
      for (const row of scenario.rows) {
        lines.push([
          engine.engine,
          scenario.id,
          row.case,
          row.timeMs === undefined ? '—' : int(row.timeMs),
          row.count === undefined ? '—' : int(row.count),
          row.opsPerSec === undefined ? '—' : int(row.opsPerSec),
          fmt(row.latency?.p50, 3),
          fmt(row.latency?.p95, 3),
          fmt(row.latency?.p99, 3),
          fmt(row.latency?.max, 2),
          row.errors === undefined ? '—' : String(row.errors),
          row.non2xx === undefined ? '—' : String(row.non2xx),
          row.note ?? '',
        ]);
      }
    }
  }
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)));
  const numeric = new Set([3, 4, 5, 6, 7, 8, 9, 10, 11]);
  const render = (cells: string[]) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        if (column === cells.length - 1) return cell;
        return numeric.has(column) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const separator = widths
    .map((width, column) => (column === widths.length - 1 ? '-'.repeat(Math.min(width, 40)) : '-'.repeat(width)))
    .join('  ');
  return [render(header), separator, ...lines.map(render)].join('\n');
}

/** Writes `results/<timestamp>.json` and `results/latest.json`; returns both paths. */
export function writeResults(resultsDir: string, startedAt: Date, report: unknown): { timestamped: string; latest: string } {
  mkdirSync(resultsDir, { recursive: true });
  const stamp = startedAt.toISOString().replace(/:/g, '-');
  const json = `${JSON.stringify(report, (_key, value: unknown) => (typeof value === 'number' && !Number.isInteger(value) ? round(value, 3) : value), 2)}\n`;
  const timestamped = path.join(resultsDir, `${stamp}.json`);
  const latest = path.join(resultsDir, 'latest.json');
  writeFileSync(timestamped, json);
  writeFileSync(latest, json);
  return { timestamped, latest };
}
