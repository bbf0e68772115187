import { reportTemplates, type Database, type Executor } from '@atmis/db';
import {
  grantsFor,
  parseSort,
  type Actor,
  type CreateReportTemplateBody,
  type PublishReportTemplateBody,
  type ReportTemplateDetail,
  type ReportTemplateView,
} from '@atmis/domain';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { keysetAfter, keysetCursor, keysetOrder, textSortExpression, toIso, type KeysetSort } from '../../platform/http/pagination.ts';
import { searchCondition } from '../../platform/http/search.ts';
import { findTemplate, templateColumns, type TemplateRow } from './reports.repository.ts';

type TemplateListRow = Omit<TemplateRow, 'definition'>;

export function presentTemplate(row: TemplateListRow): ReportTemplateView {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    name: row.name,
    description: row.description,
    status: row.status,
    createdAt: toIso(row.createdAt) as string,
    reportCount: Number(row.reportCount),
  };
}

export function presentTemplateDetail(row: TemplateRow): ReportTemplateDetail {
  return { ...presentTemplate(row), definition: row.definition as unknown as ReportTemplateDetail['definition'] };
}

/**
 * Templates are national: anyone who reads reports sees them; only a national holder of
 * manage:report_templates publishes (a province-level grant of it is refused, 403), like roles.
 */
function assertNationalEditor(actor: Actor): void {
  if (!grantsFor(actor, 'manage:report_templates').some((grant) => grant.scope === 'national')) throw new AppError('auth.forbidden');
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  return code === '23505';
}

export function createReportTemplatesService({ db, clock }: { db: Database; clock: () => Date }) {
  async function list(query: {
    limit: number;
    cursor?: string | undefined;
    q?: string | undefined;
    status?: 'active' | 'retired' | undefined;
    code?: string | undefined;
    sort: 'name' | '-name' | 'createdAt' | '-createdAt';
  }) {
    const conditions: SQL[] = [];
    const search = searchCondition(sql`vn_fold(${reportTemplates.name} || ' ' || ${reportTemplates.code})`, query.q);
    if (search) conditions.push(search);
    if (query.status) conditions.push(eq(reportTemplates.status, query.status));
    if (query.code) conditions.push(eq(reportTemplates.code, query.code));
    const where = conditions.length ? and(...conditions) : undefined;
    const { key, isDescending } = parseSort(query.sort);
    const sort: KeysetSort = {
      key,
      expression: key === 'createdAt' ? sql`${reportTemplates.createdAt}` : textSortExpression(reportTemplates.name, true),
      idColumn: reportTemplates.id,
      isDescending,
      isTimestamp: key === 'createdAt',
    };
    const rows = await db
      .select({ ...templateColumns, sortValue: sql<string | Date>`${sort.expression}` })
      .from(reportTemplates)
      .where(and(where, keysetAfter(sort, query.cursor)))
      .orderBy(...keysetOrder(sort))
      .limit(query.limit + 1);
    const [count] = await db
      .select({ total: sql<number>`count(*)::int` })
      .from(reportTemplates)
      .where(where);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(presentTemplate),
      total: count?.total ?? 0,
      nextCursor: rows.length > query.limit && last ? keysetCursor(sort, last.sortValue, last.id) : null,
    };
  }

  async function get(id: string): Promise<ReportTemplateDetail> {
    const row = await findTemplate(db, id);
    if (!row) throw notFound();
    return presentTemplateDetail(row);
  }

  /** One published version of a template (active). */
  async function insertVersion(tx: Executor, actor: Actor, code: string, version: number, input: PublishReportTemplateBody) {
    const [row] = await tx
      .insert(reportTemplates)
      .values({
        code,
        version,
        name: input.name,
        description: input.description ?? null,
        definition: input.definition as unknown as Record<string, unknown>,
        status: 'active',
        createdBy: actor.userId,
        createdAt: clock(),
      })
      .returning({ id: reportTemplates.id });
    return row;
  }

  async function create(actor: Actor, input: CreateReportTemplateBody, context: AuditContext): Promise<ReportTemplateDetail> {
    assertNationalEditor(actor);
    const [taken] = await db.select({ id: reportTemplates.id }).from(reportTemplates).where(eq(reportTemplates.code, input.code)).limit(1);
    if (taken) throw new AppError('report_template.duplicate_code', { code: input.code });
    let id: string;
    try {
      id = await db.transaction(async (tx) => {
        const row = await insertVersion(tx, actor, input.code, 1, input);
        await recordAudit(
          tx,
          context,
          {
            action: 'report_template.created',
            entityType: 'report_template',
            entityId: row!.id,
            orgUnitId: actor.orgUnitId,
            details: { code: input.code, version: 1, name: input.name },
          },
          clock(),
        );
        return row!.id;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('report_template.duplicate_code', { code: input.code });
      throw error;
    }
    return get(id);
  }

  /** Publishes version n+1 of the active version `id`; `id` is retired, reports keep the version they have. */
  async function publish(actor: Actor, id: string, input: PublishReportTemplateBody, context: AuditContext): Promise<ReportTemplateDetail> {
    assertNationalEditor(actor);
    const current = await findTemplate(db, id);
    if (!current) throw notFound();
    const refuse = () => new AppError('report_template.not_active', { version: current.version, name: current.name });
    if (current.status !== 'active') throw refuse();
    let newId: string;
    try {
      newId = await db.transaction(async (tx) => {
        // Only from the version that is still active: a concurrent publication makes this a conflict.
        const retired = await tx
          .update(reportTemplates)
          .set({ status: 'retired' })
          .where(and(eq(reportTemplates.id, id), eq(reportTemplates.status, 'active')))
          .returning({ id: reportTemplates.id });
        if (!retired.length) throw refuse();
        const row = await insertVersion(tx, actor, current.code, current.version + 1, input);
        await recordAudit(
          tx,
          context,
          {
            action: 'report_template.published',
            entityType: 'report_template',
            entityId: row!.id,
            orgUnitId: actor.orgUnitId,
            details: {
              code: current.code,
              version: current.version + 1,
              previousId: id,
              previousVersion: current.version,
              name: input.name,
            },
          },
          clock(),
        );
        return row!.id;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw refuse();
      throw error;
    }
    return get(newId);
  }

  return { list, get, create, publish };
}
