import { round } from '../latency-stats.ts';
import type { Scenario } from '../scenario-types.ts';
import type { StartedServer } from '../server-process.ts';

function timeline(server: StartedServer) {
  return {
    readyMs: round(server.readyMs, 1),
    listeningMs: server.listeningMs === null ? null : round(server.listeningMs, 1),
    healthPolls: server.healthPolls,
    engineReported: server.engineReported,
    lines: server.lines.map((line) => ({ atMs: round(line.atMs, 1), stream: line.stream, text: line.text })),
  };
}

/**
 * Splits the start into phases from the server's own console lines (offsets from spawn): process +
 * module load until the database is open, migrations + reference data, roles + demo users, app
 * build + listen, first health answer. Phases whose line is missing are left out.
 */
function phases(server: StartedServer): string {
  const at = (prefix: string) => server.lines.find((line) => line.text.startsWith(prefix))?.atMs;
  const marks: [string, number | undefined][] = [
    ['db open', at('ATMIS: CSDL')],
    ['migrate+ref data', at('ATMIS: Dữ liệu danh mục')],
    ['demo users', at('ATMIS: Đã tạo tài khoản mẫu')],
    ['listen', server.listeningMs ?? undefined],
    ['health', server.readyMs],
  ];
  const parts: string[] = [];
  let previous = 0;
  for (const [name, mark] of marks) {
    if (mark === undefined) continue;
    parts.push(`${name} +${Math.round(mark - previous)}`);
    previous = mark;
  }
  return parts.join(', ');
}

/**
 * Spawn → first 200 from /api/health, on empty data (migrations + reference data + demo users)
 * and then again on the same data. Leaves the warm server running for the next scenarios.
 */
export const coldStartScenario: Scenario = {
  id: 'cold-start',
  title: 'Cold start to healthy',
  description:
    'Time from spawning the server process to the first 200 from GET /api/health (polled every 50 ms). ' +
    '"fresh" starts on an empty PGlite data dir / freshly recreated PostgreSQL database, so it includes migrations and seeding ' +
    '(~14k administrative units, ~4.9k agencies, system roles, demo users with argon2 hashes); "warm" is the next start on the same data.',
  async run(context) {
    const { config, engine } = context;
    if (context.serverRunning) await context.stopServer();
    context.log(`resetting ${engine.name} data (${engine.location})`);
    await engine.reset();

    context.log('fresh start…');
    const fresh = await context.startServer();
    if (fresh.engineReported !== engine.name) throw new Error(`server reports engine ${fresh.engineReported}, expected ${engine.name}`);
    context.log(`fresh: healthy after ${fresh.readyMs.toFixed(0)} ms`);
    const freshStop = await context.stopServer();

    context.log('warm start…');
    const warm = await context.startServer();
    context.log(`warm: healthy after ${warm.readyMs.toFixed(0)} ms`);

    const stopNote = (stop: { stopMs: number; forced: boolean }) =>
      `SIGTERM→exit ${stop.stopMs.toFixed(0)} ms${stop.forced ? ' (SIGKILL needed)' : ''}`;
    return {
      rows: [
        { case: 'fresh', timeMs: fresh.readyMs, note: `${phases(fresh)}; ${stopNote(freshStop)}` },
        { case: 'warm', timeMs: warm.readyMs, note: phases(warm) },
      ],
      details: {
        pollIntervalMs: config.pollIntervalMs,
        phasesNote: 'ms since the previous mark, from the server console lines',
        fresh: { phases: phases(fresh), ...timeline(fresh), stopMs: round(freshStop.stopMs, 1), stopForced: freshStop.forced },
        warm: { phases: phases(warm), ...timeline(warm) },
      },
    };
  },
};
