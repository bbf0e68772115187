import { reportTemplates, type Executor } from '@atmis/db';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { keysetAfter, keysetOrder } from '../../platform/http/pagination.ts';
import { searchCondition } from '../../platform/http/search.ts';
import { nameOrCreatedSort, templateColumns } from './reports.repository.ts';

export interface TemplateListQuery {
  limit: number;
  cursor?: string | undefined;
  q?: string | undefined;
  status?: 'active' | 'retired' | undefined;
  code?: string | undefined;
  sort: 'name' | '-name' | 'createdAt' | '-createdAt';
}

/**
 * A page of templates (search on name and code, status, code), in the asked order after the
 * cursor, one more than `limit` to tell whether another page follows; with the total and the sort
 * (for the next cursor).
 */
export async function listTemplates(executor: Executor, query: TemplateListQuery) {
  const conditions: SQL[] = [];
  const search = searchCondition(sql`vn_fold(${reportTemplates.name} || ' ' || ${reportTemplates.code})`, query.q);
  if (search) conditions.push(search);
  if (query.status) conditions.push(eq(reportTemplates.status, query.status));
  if (query.code) conditions.push(eq(reportTemplates.code, query.code));
  const where = conditions.length ? and(...conditions) : undefined;
  const sort = nameOrCreatedSort(query.sort, { name: reportTemplates.name, createdAt: reportTemplates.createdAt, id: reportTemplates.id });
  const rows = await executor
    .select({ ...templateColumns, sortValue: sql<string | Date>`${sort.expression}` })
    .from(reportTemplates)
    .where(and(where, keysetAfter(sort, query.cursor)))
    .orderBy(...keysetOrder(sort))
    .limit(query.limit + 1);
  const [count] = await executor
    .select({ total: sql<number>`count(*)::int` })
    .from(reportTemplates)
    .where(where);
  return { rows, total: count?.total ?? 0, sort };
}

/** Whether some version of a template carries this code. */
export async function templateCodeTaken(executor: Executor, code: string): Promise<boolean> {
  const [taken] = await executor.select({ id: reportTemplates.id }).from(reportTemplates).where(eq(reportTemplates.code, code)).limit(1);
  return Boolean(taken);
}

/** Inserts a template version; its id. */
export async function insertTemplate(executor: Executor, values: typeof reportTemplates.$inferInsert): Promise<string> {
  const [row] = await executor.insert(reportTemplates).values(values).returning({ id: reportTemplates.id });
  return row!.id;
}

/** Retires a template version if it is still active; whether it was (false: a concurrent publication won). */
export async function retireActiveTemplate(executor: Executor, id: string): Promise<boolean> {
  const retired = await executor
    .update(reportTemplates)
    .set({ status: 'retired' })
    .where(and(eq(reportTemplates.id, id), eq(reportTemplates.status, 'active')))
    .returning({ id: reportTemplates.id });
  return retired.length > 0;
}
