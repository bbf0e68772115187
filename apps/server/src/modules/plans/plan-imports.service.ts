import type { Database } from '@atmis/db';
import {
  canAccess,
  PLAN_IMPORT_MAX_BYTES,
  type Actor,
  type AgencyMatch,
  type CreatePlanImportBody,
  type PlanImportView,
  type UpdatePlanImportBody,
} from '@atmis/domain';
import { applyImportReview, isLikelyPlan, parsePlan, type PlanImportResult } from '@atmis/domain/plans/import/index';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { toIso } from '../../platform/http/pagination.ts';
import { agencyNamesById } from '../agencies/index.ts';
import { matchAgencyNames } from './agency-matcher.ts';
import { ZipRefusedError } from '../../platform/documents/zip-guard.ts';
import { extractPlanText, PlanTextExtractionError } from './extract-text.ts';
import { insertPlanGraph } from './plan-graph.repository.ts';
import { phaseOf, type PlanGraphTask } from './plan-graph.ts';
import {
  findPlanImport,
  insertPlanImport,
  markPlanImportConfirmed,
  updatePendingPlanImport,
  type PlanImportRow,
} from './plan-imports.repository.ts';
import { missingAgencyIds } from './plans.repository.ts';
import type { createPlansService } from './plans.service.ts';

type ImportRow = PlanImportRow;
const invalid = (path: string, message: string) => new AppError('validation.failed', {}, [{ path, message }]);

/** The province (or the nation) an importer works for: its registry is what the plan's names are matched to. */
export function importUnitOf(actor: Actor): string {
  return /^VN\.L?\d{2}/.exec(actor.orgUnitId)?.[0] ?? actor.orgUnitId;
}

/** A calendar date PostgreSQL will accept, or null (the parser's dates are checked, not trusted). */
function validDate(value: string | null | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : null;
}

/** Every agency name of the document, in order of appearance: the issuer, then the tasks'. */
function agencyNamesOf(result: PlanImportResult): string[] {
  const names = new Set<string>();
  if (result.document.issuer) names.add(result.document.issuer);
  for (const task of result.tasks) for (const name of [...task.lead, ...task.coordinating, ...task.requested]) names.add(name);
  return [...names];
}

function unmappedLeadNames(result: PlanImportResult, matches: AgencyMatch[]): string[] {
  const mapped = new Map(matches.map((m) => [m.name, m.agencyId]));
  return [...new Set(result.tasks.flatMap((task) => (task.lead.length && !task.lead.some((name) => mapped.get(name)) ? task.lead : [])))];
}

function present(row: ImportRow): PlanImportView {
  const result = row.result as unknown as PlanImportResult;
  return {
    id: row.id,
    fileName: row.fileName,
    status: row.status,
    orgUnitId: row.orgUnitId,
    parentPlanId: row.parentPlanId,
    planId: row.planId,
    result,
    agencyMatches: row.agencyMatches as AgencyMatch[],
    warnings: result.warnings,
    unmappedLeadNames: unmappedLeadNames(result, row.agencyMatches as AgencyMatch[]),
    createdAt: toIso(row.createdAt) as string,
  };
}

export function createPlanImportsService(
  { db, clock }: { db: Database; clock: () => Date },
  plansService: ReturnType<typeof createPlansService>,
) {
  async function readText(body: CreatePlanImportBody): Promise<string> {
    const buffer = 'contentBase64' in body ? Buffer.from(body.contentBase64, 'base64') : Buffer.from(body.text, 'utf8');
    if (buffer.length > PLAN_IMPORT_MAX_BYTES) throw new AppError('plan_import.too_large', { limit: PLAN_IMPORT_MAX_BYTES / 1024 / 1024 });
    try {
      // Pasted text goes through the same checks as an uploaded .txt (empty, binary, unreadable).
      return await extractPlanText(buffer, 'contentBase64' in body ? body.fileName : 'noi-dung-dan.txt');
    } catch (error) {
      if (error instanceof PlanTextExtractionError) throw new AppError('plan_import.unreadable', { detail: error.message });
      if (error instanceof ZipRefusedError) throw error.toAppError();
      throw error;
    }
  }

  async function create(actor: Actor, body: CreatePlanImportBody, context: AuditContext): Promise<PlanImportView> {
    const orgUnitId = importUnitOf(actor);
    if (!canAccess(actor, 'manage:plans', { orgUnitId })) throw new AppError('auth.forbidden');
    if (body.parentPlanId)
      await plansService.requireVisible(actor, body.parentPlanId).catch(() => {
        throw invalid('parentPlanId', 'Kế hoạch cấp trên không tồn tại hoặc ngoài phạm vi.');
      });
    const text = await readText(body);
    const result = parsePlan(text);
    if (!isLikelyPlan(result)) throw new AppError('plan_import.not_a_plan');
    const agencyMatches = await matchAgencyNames(db, agencyNamesOf(result), orgUnitId);
    const row = await db.transaction(async (tx) => {
      const created = await insertPlanImport(tx, {
        fileName: body.fileName,
        extractedText: text,
        result: result as unknown as Record<string, unknown>,
        agencyMatches,
        orgUnitId,
        parentPlanId: body.parentPlanId ?? null,
        createdBy: actor.userId,
      });
      await recordAudit(
        tx,
        context,
        {
          action: 'plan_import.created',
          entityType: 'plan_import',
          entityId: created.id,
          orgUnitId,
          details: {
            fileName: body.fileName,
            title: result.document.title,
            tasks: result.tasks.length,
            warnings: result.warnings.length,
            unmatched: agencyMatches.filter((m) => !m.agencyId).length,
          },
        },
        clock(),
      );
      return created;
    });
    return present(row);
  }

  async function requireImport(actor: Actor, id: string): Promise<ImportRow> {
    const row = await findPlanImport(db, id);
    if (!row || !(row.createdBy === actor.userId || canAccess(actor, 'manage:plans', { orgUnitId: row.orgUnitId }))) throw notFound();
    return row;
  }

  async function get(actor: Actor, id: string): Promise<PlanImportView> {
    return present(await requireImport(actor, id));
  }

  async function update(actor: Actor, id: string, input: UpdatePlanImportBody, context: AuditContext): Promise<PlanImportView> {
    const row = await requireImport(actor, id);
    if (row.status !== 'pending') throw new AppError('plan_import.not_pending');
    const original = row.result as unknown as PlanImportResult;
    const review = applyImportReview(original, input);
    if (review.errors.length) throw new AppError('validation.failed', {}, review.errors);
    const { result, changed, before } = review;
    // The names the reviewed plan uses: those new to it are matched like parsed ones (same
    // registry), those no longer used are dropped; earlier matches and mappings are kept.
    const previous = new Map((row.agencyMatches as AgencyMatch[]).map((m) => [m.name, m]));
    const names = agencyNamesOf(result);
    const fresh = await matchAgencyNames(
      db,
      names.filter((name) => !previous.has(name)),
      row.orgUnitId,
    );
    const matched = new Map([...previous, ...fresh.map((m) => [m.name, m] as const)]);
    const matches = names.map((name) => structuredClone(matched.get(name)!));
    if (fresh.length || matches.length !== previous.size) changed.push('agencyMatches');
    if (input.agencyMappings?.length) {
      const ids = input.agencyMappings.map((m) => m.agencyId).filter((v): v is string => Boolean(v));
      const missing = await missingAgencyIds(db, ids);
      if (missing.length) throw invalid('agencyMappings', `Cơ quan không tồn tại hoặc đã hết hiệu lực: ${missing.join(', ')}`);
      const agencyNames = await agencyNamesById(db, ids);
      for (const mapping of input.agencyMappings) {
        const match = matches.find((m) => m.name === mapping.name);
        if (!match) throw invalid('agencyMappings', `Tên cơ quan "${mapping.name}" không có trong văn bản.`);
        match.agencyId = mapping.agencyId;
        match.agencyName = mapping.agencyId ? (agencyNames.get(mapping.agencyId) ?? null) : null;
        match.score = mapping.agencyId ? 1 : 0;
        match.source = mapping.agencyId ? 'manual' : 'none';
      }
      changed.push('agencyMappings');
    }
    let parentPlanId = row.parentPlanId;
    if (input.parentPlanId !== undefined) {
      if (input.parentPlanId)
        await plansService.requireVisible(actor, input.parentPlanId).catch(() => {
          throw invalid('parentPlanId', 'Kế hoạch cấp trên không tồn tại hoặc ngoài phạm vi.');
        });
      parentPlanId = input.parentPlanId;
      changed.push('parentPlanId');
    }
    if (!changed.length) return present(row);
    const updated = await db.transaction(async (tx) => {
      const saved = await updatePendingPlanImport(tx, id, {
        result: result as unknown as Record<string, unknown>,
        agencyMatches: matches,
        parentPlanId,
        updatedAt: clock(),
      });
      if (!saved) throw new AppError('plan_import.not_pending');
      await recordAudit(
        tx,
        context,
        {
          action: 'plan_import.updated',
          entityType: 'plan_import',
          entityId: id,
          orgUnitId: row.orgUnitId,
          details: {
            changed,
            before: { ...before, ...(input.parentPlanId !== undefined ? { parentPlanId: row.parentPlanId } : {}) },
            after: input,
            addedMatches: fresh,
            warnings: { before: original.warnings.length, after: result.warnings.length },
          },
        },
        clock(),
      );
      return saved;
    });
    return present(updated);
  }

  /**
   * Creates the plan and its tasks from the reviewed import. Anything still uncertain (parser
   * warnings, lead agencies not mapped to the registry) makes it a draft, never a silent "issued".
   */
  async function confirm(actor: Actor, id: string, context: AuditContext) {
    const row = await requireImport(actor, id);
    if (row.status !== 'pending') throw new AppError('plan_import.not_pending');
    if (!canAccess(actor, 'manage:plans', { orgUnitId: row.orgUnitId })) throw notFound();
    const view = present(row);
    const { result } = view;
    const mapping = new Map(view.agencyMatches.map((m) => [m.name, m.agencyId]));
    const warnings = [
      ...result.warnings,
      ...view.unmappedLeadNames.map((name) => ({
        code: 'unmapped_lead_agency',
        message: `Cơ quan chủ trì "${name}" chưa được gắn với danh mục cơ quan.`,
      })),
    ];
    const status = warnings.length ? 'draft' : 'issued';
    const phases = result.phases.map((phase) => ({ label: phase.label, from: validDate(phase.from), to: validDate(phase.to) }));
    const graphTasks: PlanGraphTask[] = result.tasks.map((task) => {
      const deadline = validDate(task.deadline);
      return {
        sectionPath: task.sectionPath,
        sectionTitle: task.section,
        content: task.text,
        context: task.context,
        agencies: [
          ...task.lead.map((name) => ({ agencyId: mapping.get(name) ?? null, nameAsWritten: name, role: 'lead' as const })),
          ...task.coordinating.map((name) => ({ agencyId: mapping.get(name) ?? null, nameAsWritten: name, role: 'coordinating' as const })),
          ...task.requested.map((name) => ({ agencyId: mapping.get(name) ?? null, nameAsWritten: name, role: 'requested' as const })),
        ],
        phase: phaseOf(phases, deadline),
        deadline,
        deadlineText: task.deadlineText,
        recurrence: task.recurrence,
        campaignFrom: validDate(task.campaign?.from),
        campaignTo: validDate(task.campaign?.to),
      };
    });
    const planId = await db.transaction(async (tx) => {
      const { planId: created, taskIds } = await insertPlanGraph(tx, {
        plan: {
          number: result.document.number,
          symbol: result.document.symbol,
          issuerAgencyId: result.document.issuer ? (mapping.get(result.document.issuer) ?? null) : null,
          issuerName: result.document.issuer,
          place: result.document.place,
          issueDate: validDate(result.document.date),
          title: result.document.title ?? row.fileName,
          legalBasis: result.legalBasis.map((ref) => ({ ...ref, date: validDate(ref.date) })),
          periodFrom: validDate(result.period.from),
          periodTo: validDate(result.period.to),
          orientationTo: validDate(result.period.orientationTo),
          phases,
          reporting: result.reporting as unknown as Record<string, unknown>[],
          status,
          issuedAt: status === 'issued' ? clock() : null,
          signer: { title: result.signer.title, name: result.signer.name },
          recipients: result.recipients,
          parentPlanId: row.parentPlanId,
          orgUnitId: row.orgUnitId,
          importWarnings: warnings,
          importId: row.id,
          createdBy: actor.userId,
        },
        targets: result.targets.map((target) => ({
          text: target.text,
          comparator: target.comparator,
          value: target.value,
          unit: target.unit,
          noun: target.noun,
          sectionPath: target.section,
        })),
        sections: result.sections,
        tasks: graphTasks,
      });
      await markPlanImportConfirmed(tx, id, created, clock());
      await recordAudit(
        tx,
        context,
        {
          action: 'plan_import.confirmed',
          entityType: 'plan_import',
          entityId: id,
          orgUnitId: row.orgUnitId,
          details: { planId: created, status, warnings: warnings.length },
        },
        clock(),
      );
      await recordAudit(
        tx,
        context,
        {
          action: 'plan.created',
          entityType: 'plan',
          entityId: created,
          orgUnitId: row.orgUnitId,
          details: { title: result.document.title, importId: id, status, tasks: taskIds.length },
        },
        clock(),
      );
      return created;
    });
    return plansService.get(actor, planId);
  }

  return { create, get, update, confirm };
}
