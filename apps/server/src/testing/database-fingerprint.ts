import { queryRows, type Executor } from '@atmis/db';
import { sql } from 'drizzle-orm';

/** Tables whose content a refused request must leave untouched (sessions only get last-seen bumps). */
const TABLES = [
  'users',
  'roles',
  'user_assignments',
  'agencies',
  'agency_name_history',
  'org_units',
  'audit_events',
  'plans',
  'plan_targets',
  'plan_sections',
  'tasks',
  'task_agencies',
  'task_occurrences',
  'task_updates',
  'files',
  'notifications',
  'plan_imports',
  'report_templates',
  'report_schedules',
  'report_schedule_reporters',
  'report_instances',
  'report_events',
  'victim_files',
  'victim_persons',
  'victim_identification_events',
  'victim_consents',
  'victim_referrals',
  'victim_support_rates',
  'victim_support_services',
  'victim_facilities',
  'victim_facility_stays',
  'victim_follow_up_visits',
  'victim_protection_assessments',
  'victim_threats',
  'victim_exploitation',
  'victim_statements',
  'victim_record_versions',
  'victim_repatriations',
  'victim_attachments',
  'victim_deadline_rules',
  'victim_holidays',
] as const;

/** A digest of every row of the casework and identity tables: equal digests, unchanged data. */
export async function databaseFingerprint(executor: Executor): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await queryRows<{ digest: string | null; count: number }>(
      executor,
      sql`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest, count(*)::int as count from ${sql.identifier(table)} t`,
    );
    result[table] = `${row?.count}:${row?.digest}`;
  }
  return result;
}
