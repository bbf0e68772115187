import { agencies, reportEvents, reportInstances, reportSchedules, type Executor } from '@atmis/db';
import { and, asc, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { CONSOLIDATED_STATUSES } from '@atmis/domain';
import type { ReportChanges, ReportInsert } from './reports.repository.ts';

/** The reports (unit and consolidated) of a schedule in these periods, with what a cell of the matrix shows. */
export async function matrixReports(executor: Executor, scheduleId: string, periodIds: readonly string[]) {
  if (!periodIds.length) return [];
  return executor
    .select({
      id: reportInstances.id,
      kind: reportInstances.kind,
      periodId: reportInstances.periodId,
      agencyId: reportInstances.agencyId,
      agencyName: agencies.name,
      orgUnitId: reportInstances.orgUnitId,
      status: reportInstances.status,
      dueDate: reportInstances.dueDate,
      firstSubmittedAt: reportInstances.firstSubmittedAt,
    })
    .from(reportInstances)
    .innerJoin(agencies, eq(agencies.id, reportInstances.agencyId))
    .where(and(eq(reportInstances.scheduleId, scheduleId), inArray(reportInstances.periodId, [...periodIds])));
}

/** The accepted (or locked) unit reports of a schedule's period, by agency name: what a consolidation sums. */
export async function consolidationSources(executor: Executor, scheduleId: string, periodId: string) {
  return executor
    .select({
      id: reportInstances.id,
      agencyId: reportInstances.agencyId,
      agencyName: agencies.name,
      content: reportInstances.content,
    })
    .from(reportInstances)
    .innerJoin(agencies, eq(agencies.id, reportInstances.agencyId))
    .where(
      and(
        eq(reportInstances.scheduleId, scheduleId),
        eq(reportInstances.periodId, periodId),
        eq(reportInstances.kind, 'unit'),
        inArray(reportInstances.status, [...CONSOLIDATED_STATUSES]),
      ),
    )
    .orderBy(asc(agencies.name), asc(reportInstances.id));
}

/** The consolidated report of a schedule's period (null when none yet), and whether its office has saved it by hand. */
export async function consolidatedReportOf(executor: Executor, scheduleId: string, periodId: string) {
  const [row] = await executor
    .select({
      id: reportInstances.id,
      status: reportInstances.status,
      content: reportInstances.content,
      version: reportInstances.version,
      // Qualified by hand: inside the subquery a bare "id" would be the event's.
      edited: sql<boolean>`exists (select 1 from ${reportEvents} e where e.instance_id = report_instances.id and e.action = 'save')`,
    })
    .from(reportInstances)
    .where(
      and(eq(reportInstances.scheduleId, scheduleId), eq(reportInstances.periodId, periodId), eq(reportInstances.kind, 'consolidated')),
    );
  return row ?? null;
}

/** Writes a report from the version given, bumping it; false when the report moved on since (nothing written). */
export async function updateReportAtVersion(executor: Executor, id: string, version: number, changes: ReportChanges): Promise<boolean> {
  const saved = await executor
    .update(reportInstances)
    .set({ ...changes, version: version + 1 })
    .where(and(eq(reportInstances.id, id), eq(reportInstances.version, version)))
    .returning({ id: reportInstances.id });
  return saved.length > 0;
}

/** Inserts a report unless one exists for its schedule, period and agency; its id, or null when one existed. */
export async function insertReportIfAbsent(executor: Executor, values: ReportInsert): Promise<string | null> {
  const [inserted] = await executor.insert(reportInstances).values(values).onConflictDoNothing().returning({ id: reportInstances.id });
  return inserted?.id ?? null;
}

const candidateColumns = {
  id: reportInstances.id,
  kind: reportInstances.kind,
  agencyId: reportInstances.agencyId,
  agencyName: agencies.name,
  status: reportInstances.status,
  dueDate: reportInstances.dueDate,
  scheduleName: reportSchedules.name,
  periodId: reportInstances.periodId,
  window: reportSchedules.window,
};
const awaiting = inArray(reportInstances.status, ['not_started', 'draft', 'returned']);

function reminderCandidates(executor: Executor, where: SQL | undefined) {
  return executor
    .select(candidateColumns)
    .from(reportInstances)
    .innerJoin(agencies, eq(agencies.id, reportInstances.agencyId))
    .innerJoin(reportSchedules, eq(reportSchedules.id, reportInstances.scheduleId))
    .where(where)
    .orderBy(asc(agencies.name));
}

/** The unit reports of a schedule awaiting (re)submission, of one period or all, by agency name: whom a reviewer may remind. */
export async function scheduleReminderCandidates(executor: Executor, scheduleId: string, periodId: string | null) {
  return reminderCandidates(
    executor,
    and(
      eq(reportInstances.scheduleId, scheduleId),
      eq(reportInstances.kind, 'unit'),
      awaiting,
      periodId ? eq(reportInstances.periodId, periodId) : undefined,
    ),
  );
}

/** Every report (unit or consolidated) of an active schedule awaiting (re)submission and due by `until`, by agency name. */
export async function dueReminderCandidates(executor: Executor, until: string) {
  return reminderCandidates(executor, and(eq(reportSchedules.active, true), awaiting, lte(reportInstances.dueDate, until)));
}
