import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** Every server child the bench started and has not seen exit yet. */
const liveChildren = new Set<ChildProcess>();

/** Last resort: synchronous kill of whatever is still running when the runner exits. */
export function killAllChildrenSync(): void {
  for (const child of liveChildren) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  liveChildren.clear();
}

export function liveChildCount(): number {
  return liveChildren.size;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not get a free port'))));
    });
  });
}

export interface StartOptions {
  repoRoot: string;
  /** Engine-specific variables (ATMIS_DATA_DIR or DATABASE_URL). */
  env: Record<string, string>;
  startTimeoutMs: number;
  pollIntervalMs: number;
  /** Serve the built web app too (the server's default); off = API only. */
  serveWeb: boolean;
}

export interface ConsoleLine {
  /** Milliseconds since spawn. */
  atMs: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface StartedServer {
  baseUrl: string;
  port: number;
  pid: number;
  /** Spawn → first 200 from /api/health. */
  readyMs: number;
  /** Spawn → the "đang chạy" (listening) console line, when seen before ready. */
  listeningMs: number | null;
  healthPolls: number;
  engineReported: string;
  /** `ATMIS:` lines (and stderr) with their offset from spawn. */
  lines: ConsoleLine[];
}

export class ServerProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private output: ConsoleLine[] = [];
  private tail: string[] = [];
  private spawnedAt = 0;

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /**
   * Spawns `node --import tsx apps/server/src/main.ts` — what `npx tsx` runs, minus npx's own
   * package resolution and tsx's extra wrapper process, so the timing is the server's and SIGTERM
   * reaches the server directly — and polls /api/health until it answers 200.
   */
  async start(options: StartOptions): Promise<StartedServer> {
    if (this.child) throw new Error('server already started');
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    this.output = [];
    this.tail = [];
    const state: { listeningMs: number | null; exitInfo: string | null } = { listeningMs: null, exitInfo: null };
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ATMIS_LOG: 'false',
      // API only by default: the bench measures the API, not static files (BENCH_SERVE_WEB=1 keeps the built web app).
      ...(options.serveWeb ? {} : { ATMIS_WEB_DIST: '' }),
      ...options.env,
    };
    // The engine is chosen by DATABASE_URL's presence: never inherit one meant for something else.
    if (!options.env.DATABASE_URL) delete childEnv.DATABASE_URL;
    delete childEnv.NODE_ENV;
    delete childEnv.ATMIS_MODE;

    this.spawnedAt = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('apps', 'server', 'src', 'main.ts')], {
      cwd: options.repoRoot,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    liveChildren.add(child);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        state.exitInfo = `exit code ${code ?? 'null'}, signal ${signal ?? 'none'}`;
        liveChildren.delete(child);
        resolve();
      });
      child.once('error', (error) => {
        state.exitInfo = `spawn error: ${error.message}`;
        liveChildren.delete(child);
        resolve();
      });
    });
    const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const atMs = performance.now() - this.spawnedAt;
      for (const text of chunk.toString('utf8').split('\n')) {
        if (!text.trim()) continue;
        this.tail.push(`[${stream}] ${text}`);
        if (this.tail.length > 40) this.tail.shift();
        if (stream === 'stderr' || text.startsWith('ATMIS')) this.output.push({ atMs, stream, text });
        if (state.listeningMs === null && text.startsWith('ATMIS đang chạy')) state.listeningMs = atMs;
      }
    };
    child.stdout?.on('data', collect('stdout'));
    child.stderr?.on('data', collect('stderr'));

    const deadline = this.spawnedAt + options.startTimeoutMs;
    let polls = 0;
    for (;;) {
      if (state.exitInfo !== null) {
        this.child = null;
        throw new Error(`server exited before becoming healthy (${state.exitInfo}). Last output:\n${this.tail.join('\n')}`);
      }
      polls += 1;
      try {
        const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
        if (response.status === 200) {
          const readyMs = performance.now() - this.spawnedAt;
          const body = (await response.json()) as { engine?: unknown };
          return {
            baseUrl,
            port,
            pid: child.pid ?? -1,
            readyMs,
            listeningMs: state.listeningMs,
            healthPolls: polls,
            engineReported: typeof body.engine === 'string' ? body.engine : 'unknown',
            lines: [...this.output],
          };
        }
        await response.body?.cancel();
      } catch {
        // not listening yet
      }
      if (performance.now() > deadline) {
        await this.stop(options.startTimeoutMs);
        throw new Error(`server not healthy within ${options.startTimeoutMs} ms. Last output:\n${this.tail.join('\n')}`);
      }
      await sleep(options.pollIntervalMs);
    }
  }

  /** SIGTERM, wait for exit; SIGKILL after the timeout. Returns how long the shutdown took. */
  async stop(timeoutMs: number): Promise<{ stopMs: number; forced: boolean }> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return { stopMs: 0, forced: false };
    const begin = performance.now();
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      this.exited.then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      child.kill('SIGKILL');
      await this.exited;
    }
    return { stopMs: performance.now() - begin, forced: timedOut };
  }
}
