import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The lint rule that keeps SQL in repositories and modules behind their index.ts (eslint.config.js)
 * fails on a deliberate violation and lets the allowed forms through.
 */
const root = path.resolve(import.meta.dirname, '../../../..');
const eslint = new ESLint({ cwd: root });

async function problemsOf(relativePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, relativePath) });
  return result!.messages
    .filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((message) => message.message);
}

const RUNS_SQL = `import { tasks, type Database } from '@atmis/db';
import { eq } from 'drizzle-orm';
export const byId = (db: Database, id: string) => db.select().from(tasks).where(eq(tasks.id, id));
`;

describe('SQL only in repositories', () => {
  it('a service that builds a statement fails lint, naming the rule', async () => {
    const problems = await problemsOf('apps/server/src/modules/tasks/example.service.ts', RUNS_SQL);
    expect(problems).toHaveLength(2);
    for (const problem of problems) expect(problem).toContain('SQL chỉ nằm trong *.repository.ts');
  });

  it('the same code in a repository passes; a service may import types only', async () => {
    expect(await problemsOf('apps/server/src/modules/tasks/example.repository.ts', RUNS_SQL)).toEqual([]);
    const typesOnly = `import type { Database } from '@atmis/db';
import { type SQL } from 'drizzle-orm';
export type Deps = { db: Database; where: SQL };
`;
    expect(await problemsOf('apps/server/src/modules/tasks/example.service.ts', typesOnly)).toEqual([]);
  });

  it("a module reaching into another module's files fails lint; through its index.ts it passes", async () => {
    const inside = `import { findPlanInScope } from '../plans/plans.repository.ts';\nexport const f = findPlanInScope;\n`;
    expect(await problemsOf('apps/server/src/modules/tasks/example.service.ts', inside)).toEqual([expect.stringContaining('qua index.ts')]);
    const throughIndex = `import { planRoutes } from '../plans/index.ts';\nexport const f = planRoutes;\n`;
    expect(await problemsOf('apps/server/src/modules/tasks/example.service.ts', throughIndex)).toEqual([]);
  });
});

describe('outside the modules', () => {
  it("app.ts or the CLI reaching into a module's files fails lint; through its index.ts it passes", async () => {
    const inside = `import { victimRoutes } from './modules/victims/victims.routes.ts';\nexport const f = victimRoutes;\n`;
    expect(await problemsOf('apps/server/src/app.ts', inside)).toEqual([expect.stringContaining('qua index.ts')]);
    const cli = `import { victimPersonIndexes } from '../modules/victims/victim-index-rebuild.ts';\nexport const f = victimPersonIndexes;\n`;
    expect(await problemsOf('apps/server/src/cli/example.ts', cli)).toEqual([expect.stringContaining('qua index.ts')]);
    const throughIndex = `import { victimRoutes } from './modules/victims/index.ts';\nexport const f = victimRoutes;\n`;
    expect(await problemsOf('apps/server/src/app.ts', throughIndex)).toEqual([]);
  });
});

describe("the web's features behind their index.ts", () => {
  it("a feature reaching into another feature's files fails lint; through its index.ts it passes", async () => {
    const inside = `import { usePlan } from '../../plans/api/plans-api.ts';\nexport const f = usePlan;\n`;
    expect(await problemsOf('apps/web/src/features/tasks/pages/example-page.tsx', inside)).toEqual([
      expect.stringContaining('qua index.ts'),
    ]);
    const throughIndex = `import { usePlan } from '../../plans/index.ts';\nexport const f = usePlan;\n`;
    expect(await problemsOf('apps/web/src/features/tasks/pages/example-page.tsx', throughIndex)).toEqual([]);
    const ownFiles = `import { TaskTable } from '../components/task-table.tsx';\nexport const f = TaskTable;\n`;
    expect(await problemsOf('apps/web/src/features/tasks/pages/example-page.tsx', ownFiles)).toEqual([]);
  });

  it("the app shell reaches a feature through its index.ts; the shell's own folders are not features", async () => {
    const inside = `import { NotificationBell } from '../../features/notifications/components/notification-bell.tsx';\nexport const f = NotificationBell;\n`;
    expect(await problemsOf('apps/web/src/app/layout/example.tsx', inside)).toEqual([expect.stringContaining('qua index.ts')]);
    const shell = `import { useMe } from '../auth/use-me.ts';\nexport const f = useMe;\n`;
    expect(await problemsOf('apps/web/src/app/layout/example.tsx', shell)).toEqual([]);
  });
});
