import type { Database, Executor } from '@atmis/db';
import {
  grantsFor,
  type Actor,
  type CreateReportTemplateBody,
  type PublishReportTemplateBody,
  type ReportTemplateDetail,
  type ReportTemplateView,
} from '@atmis/domain';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { keysetCursor, toIso } from '../../platform/http/pagination.ts';
import {
  insertTemplate,
  listTemplates,
  retireActiveTemplate,
  templateCodeTaken,
  type TemplateListQuery,
} from './report-templates.repository.ts';
import { findTemplate, type TemplateRow } from './reports.repository.ts';

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
  async function list(query: TemplateListQuery) {
    const { rows, total, sort } = await listTemplates(db, query);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(presentTemplate),
      total,
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
    const id = await insertTemplate(tx, {
      code,
      version,
      name: input.name,
      description: input.description ?? null,
      definition: input.definition as unknown as Record<string, unknown>,
      status: 'active',
      createdBy: actor.userId,
      createdAt: clock(),
    });
    return { id };
  }

  async function create(actor: Actor, input: CreateReportTemplateBody, context: AuditContext): Promise<ReportTemplateDetail> {
    assertNationalEditor(actor);
    if (await templateCodeTaken(db, input.code)) throw new AppError('report_template.duplicate_code', { code: input.code });
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
        if (!(await retireActiveTemplate(tx, id))) throw refuse();
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
