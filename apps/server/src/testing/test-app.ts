import { readFileSync } from 'node:fs';
import { createDatabase, type DatabaseHandle } from '@atmis/db';
import type { Me } from '@atmis/domain';
import type { LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp, type App } from '../app.ts';
import { loadConfig, type AppConfig } from '../config.ts';
import { bootstrapDatabase, DEMO_PASSWORD } from '../seed/bootstrap.ts';
import { createFreshDatabase } from './fresh-database.ts';

export const DEMO_USERNAMES = ['admin', 'tinh.thuongtruc', 'so.yte', 'xa.a', 'xa.b', 'toaan'] as const;
export type DemoUsername = (typeof DEMO_USERNAMES)[number];

let sharedPostgres: DatabaseHandle | undefined;

/** A database for one test file: its own PGlite copy of the template, or the shared PostgreSQL. */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) {
    sharedPostgres ??= await createDatabase({ databaseUrl: process.env.DATABASE_URL, maxConnections: 4 });
    return { ...sharedPostgres, close: async () => {} };
  }
  const templatePath = inject('templatePath');
  if (!templatePath) throw new Error('test template missing: is the global setup configured?');
  return createDatabase({ dataDir: 'memory://', loadDataDir: new Blob([readFileSync(templatePath)]) });
}

export interface TestApp {
  app: App;
  database: DatabaseHandle;
  config: AppConfig;
  clock: { now: Date };
  close(): Promise<void>;
}

/**
 * A database no other test file writes to: the PGlite copy already is one; on PostgreSQL, a
 * throwaway database with the demo data (for tests that must own every row, e.g. a key rotation).
 */
async function openIsolatedDatabase(): Promise<DatabaseHandle> {
  if (!process.env.DATABASE_URL) return openTestDatabase();
  const fresh = await createFreshDatabase();
  await bootstrapDatabase(fresh.handle, { mode: 'demo', initialAdmin: undefined });
  return { ...fresh.handle, close: fresh.drop };
}

export async function createTestApp(overrides: Partial<AppConfig> = {}, options: { isolated?: boolean } = {}): Promise<TestApp> {
  const database = await (options.isolated ? openIsolatedDatabase() : openTestDatabase());
  const config: AppConfig = {
    ...loadConfig({}),
    mode: 'demo',
    enforceSecondFactor: false,
    secureCookies: false,
    webDistDir: undefined,
    ...overrides,
  };
  const clock = { now: new Date() };
  const app = await buildApp({ database, config, clock: () => clock.now });
  await app.ready();
  return {
    app,
    database,
    config,
    clock,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in user agent: keeps the cookies and sends the CSRF header, like the browser does. */
export class Agent {
  private cookies = new Map<string, string>();
  csrfToken = '';
  me: Me | null = null;
  constructor(private readonly app: App) {}

  /** The headers the browser would send: session cookie and, for writes, the CSRF token. */
  authHeaders(): Record<string, string> {
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': this.csrfToken };
  }

  async request(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method,
      url,
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(method !== 'GET' && this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.maxAge !== undefined && cookie.maxAge <= 0)) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', url, body ?? {}, headers);
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body ?? {});
  delete = (url: string) => this.request('DELETE', url);

  async login(username: string, password: string = DEMO_PASSWORD): Promise<LightMyRequestResponse> {
    const response = await this.post('/api/v1/auth/login', { username, password });
    if (response.statusCode === 200) {
      const body = response.json<{ csrfToken: string; me: Me | null }>();
      this.csrfToken = body.csrfToken;
      this.me = body.me;
    }
    return response;
  }
}

export async function loginAs(app: App, username: string, password?: string): Promise<Agent> {
  const agent = new Agent(app);
  const response = await agent.login(username, password);
  if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
  return agent;
}

export function uniqueName(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}
