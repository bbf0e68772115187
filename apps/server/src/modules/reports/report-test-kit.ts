/**
 * Shared helpers of the reports tests (not a test file itself): agency ids of the demo province,
 * the seeded default template, schedules made through the API and report content builders.
 */
import { agencies, reportTemplates } from '@atmis/db';
import { DEFAULT_TEMPLATE_CODE, type ReportDetail, type ReportScheduleDetail, type ReportView } from '@atmis/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { expect } from 'vitest';
import { uniqueName, type Agent, type TestApp } from '../../testing/test-app.ts';

export const AGENCY_CODES = ['T31.CA', 'T31.SYT', 'T31.SNV', 'T31.SGDDT', 'T31.TAND', 'T31.UBND', 'TW.VPTT138'] as const;
export type AgencyCode = (typeof AGENCY_CODES)[number];

export async function agencyIds(t: TestApp, extra: string[] = []): Promise<Record<string, string>> {
  const rows = await t.database.db
    .select({ id: agencies.id, code: agencies.code })
    .from(agencies)
    .where(inArray(agencies.code, [...AGENCY_CODES, ...extra]));
  return Object.fromEntries(rows.map((row) => [row.code, row.id]));
}

/** The seeded programme report, version 1 (the tests never publish a new version of it). */
export async function defaultTemplateId(t: TestApp): Promise<string> {
  const [row] = await t.database.db
    .select({ id: reportTemplates.id })
    .from(reportTemplates)
    .where(and(eq(reportTemplates.code, DEFAULT_TEMPLATE_CODE), eq(reportTemplates.version, 1)));
  return row!.id;
}

/** A Hải Phòng schedule (quarterly, Decree 09 windows, 3 working days) of its own name, through the API. */
export async function createSchedule(
  office: Agent,
  input: { templateId: string; recipientAgencyId: string; reporterAgencyIds: string[] } & Record<string, unknown>,
): Promise<ReportScheduleDetail> {
  const response = await office.post('/api/v1/report-schedules', {
    name: uniqueName('Báo cáo quý kiểm thử '),
    periodType: 'quarter',
    dueRule: { kind: 'working_days_after_window', days: 3 },
    firstPeriodId: '2026Q3',
    lastPeriodId: '2026Q3',
    orgUnitId: 'VN.31',
    ...input,
  });
  expect(response.statusCode, response.body.slice(0, 500)).toBe(201);
  return response.json<ReportScheduleDetail>();
}

/** The schedule's report of a period for an agency, as `agent` sees it in its list. */
export async function reportOf(agent: Agent, scheduleId: string, agencyId: string, periodId = '2026Q3'): Promise<ReportView> {
  const response = await agent.get(`/api/v1/reports?scheduleId=${scheduleId}&periodId=${periodId}&limit=100`);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  const found = response.json<{ items: ReportView[] }>().items.find((item) => item.agencyId === agencyId && item.kind === 'unit');
  expect(found, `report of ${agencyId} in ${scheduleId}`).toBeDefined();
  return found!;
}

export async function detail(agent: Agent, id: string): Promise<ReportDetail> {
  const response = await agent.get(`/api/v1/reports/${id}`);
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return response.json<ReportDetail>();
}

type Cells = Record<string, Record<string, Record<string, number | string | null>>>;

/**
 * Consistent figures for the default template, scaled by `k`: victims received and identified
 * (by sex and age, complete breakdowns), tip-offs (classified and resolved below received).
 */
export function figures(k = 1): Cells {
  return {
    victims_received: {
      received: { total: 5 * k, female: 3 * k, male: 2 * k, age_under_16: 1 * k, age_16_17: 1 * k, age_18_plus: 3 * k },
      identified: { total: 4 * k, female: 3 * k, male: 1 * k, age_under_16: 1 * k, age_16_17: 1 * k, age_18_plus: 2 * k },
    },
    tipoffs: { received: { total: 10 * k }, classified: { total: 8 * k }, resolved: { total: 6 * k } },
  };
}

/** Saves content as the reporter sees it (version from the detail) and expects success. */
export async function save(agent: Agent, report: { id: string; version: number }, tables: Cells, narratives: Record<string, string> = {}) {
  const response = await agent.request('PUT', `/api/v1/reports/${report.id}/content`, {
    version: report.version,
    content: { narratives, tables },
  });
  expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
  return response.json<ReportDetail>();
}

export async function submit(agent: Agent, report: { id: string; version: number }) {
  const response = await agent.post(`/api/v1/reports/${report.id}/submit`, { version: report.version });
  expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
  return response.json<ReportDetail>();
}
