import { victimDeadlineRules, victimFacilities, victimHolidays, victimSupportRates, type Executor } from '@atmis/db';
import { eq } from 'drizzle-orm';
import type { FacilityViewRow, NewFacility, NewSupportRate, SupportRateRow } from './victim-support.repository.ts';
import { selectFacilities } from './victims.repository.ts';

// ── Deadline rules and days off ───────────────────────────────────────────────────────────────────
export type DeadlineRuleRow = typeof victimDeadlineRules.$inferSelect;
/** The columns of a national override of a deadline rule, as a change writes them. */
export type DeadlineRuleChanges = Omit<typeof victimDeadlineRules.$inferInsert, 'code'>;

/** The national override of a deadline rule, or null when the domain default applies. */
export async function deadlineRuleOverride(executor: Executor, code: string): Promise<DeadlineRuleRow | null> {
  const [row] = await executor.select().from(victimDeadlineRules).where(eq(victimDeadlineRules.code, code));
  return row ?? null;
}

/** Writes the override of a deadline rule, replacing the one there is. */
export async function upsertDeadlineRule(executor: Executor, code: string, changes: DeadlineRuleChanges): Promise<void> {
  await executor
    .insert(victimDeadlineRules)
    .values({ code, ...changes })
    .onConflictDoUpdate({ target: victimDeadlineRules.code, set: changes });
}

/** Removes the override of a deadline rule (the domain default applies again). */
export async function deleteDeadlineRule(executor: Executor, code: string): Promise<void> {
  await executor.delete(victimDeadlineRules).where(eq(victimDeadlineRules.code, code));
}

export type HolidayRow = typeof victimHolidays.$inferSelect;

/** The day off an administrator added on that day, or null. */
export async function holidayOn(executor: Executor, date: string): Promise<HolidayRow | null> {
  const [row] = await executor.select().from(victimHolidays).where(eq(victimHolidays.date, date));
  return row ?? null;
}

/** Adds a day off, or renames the one on that day (who added it and when stay those of the first entry). */
export async function upsertHoliday(executor: Executor, values: typeof victimHolidays.$inferInsert): Promise<void> {
  await executor
    .insert(victimHolidays)
    .values(values)
    .onConflictDoUpdate({ target: victimHolidays.date, set: { name: values.name } });
}

/** Removes the day off on that day. */
export async function deleteHoliday(executor: Executor, date: string): Promise<void> {
  await executor.delete(victimHolidays).where(eq(victimHolidays.date, date));
}

// ── Registry edits ────────────────────────────────────────────────────────────────────────────────
/** Ends a rate or corrects its legal basis (a rate is never re-priced); the row as written, or null when there is none. */
export async function updateSupportRate(
  executor: Executor,
  id: string,
  changes: Pick<NewSupportRate, 'validTo' | 'legalBasis'>,
): Promise<SupportRateRow | null> {
  const [row] = await executor.update(victimSupportRates).set(changes).where(eq(victimSupportRates.id, id)).returning();
  return row ?? null;
}

/** The columns an edit of a facility writes. */
export type FacilityChanges = Pick<NewFacility, 'name' | 'capacity' | 'isActive' | 'updatedAt'>;

/** Writes a facility's edited fields. */
export async function writeFacilityChanges(executor: Executor, id: string, changes: FacilityChanges): Promise<void> {
  await executor.update(victimFacilities).set(changes).where(eq(victimFacilities.id, id));
}

/** One facility as the facility view shows it, or null. */
export async function facilityViewById(executor: Executor, id: string): Promise<FacilityViewRow | null> {
  const [row] = await selectFacilities(executor).where(eq(victimFacilities.id, id));
  return row ?? null;
}
