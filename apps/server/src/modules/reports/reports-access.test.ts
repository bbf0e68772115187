import { users } from '@atmis/db';
import type { ReportDetail, ReportView } from '@atmis/domain';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../testing/database-fingerprint.ts';
import { createTestApp, loginAs, type Agent, type TestApp } from '../../testing/test-app.ts';
import { agencyIds, createSchedule, defaultTemplateId, figures } from './report-test-kit.ts';

/**
 * Who sees and edits which report (report-policy.ts as SQL): a department only its own, the city's
 * standing office all of the city's but edits none of the departments', the court none of them, a
 * commune only its own. Out of scope is 404; visible but not one's own to write is 403.
 */
let t: TestApp;
const agents: Record<string, Agent> = {};
let ids: Record<string, string>;
let scheduleId: string;
const reportByAgency: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-10-05T02:00:00Z');
  for (const username of ['tinh.thuongtruc', 'so.yte', 'so.noivu', 'toaan', 'xa.a', 'xa.b', 'tw.thuongtruc'])
    agents[username] = await loginAs(t.app, username);
  ids = await agencyIds(t);
  const communes = await t.database.db
    .select({ username: users.username, agencyId: users.agencyId })
    .from(users)
    .where(inArray(users.username, ['xa.a', 'xa.b']));
  for (const commune of communes) ids[commune.username] = commune.agencyId!;
  const schedule = await createSchedule(agents['tinh.thuongtruc']!, {
    templateId: await defaultTemplateId(t),
    recipientAgencyId: ids['T31.CA']!,
    reporterAgencyIds: [ids['T31.SYT']!, ids['T31.SNV']!, ids['xa.a']!, ids['xa.b']!],
  });
  scheduleId = schedule.id;
  const all = (await agents['tinh.thuongtruc']!.get(`/api/v1/reports?scheduleId=${scheduleId}&limit=100`)).json<{ items: ReportView[] }>();
  for (const item of all.items) reportByAgency[item.agencyId] = item.id;
});
afterAll(() => t.close());

async function listed(username: string): Promise<{ items: ReportView[]; total: number }> {
  const response = await agents[username]!.get(`/api/v1/reports?scheduleId=${scheduleId}&limit=100`);
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function refusedWithoutWrites(status: number, call: () => Promise<{ statusCode: number; headers: Record<string, unknown> }>) {
  const before = await databaseFingerprint(t.database.db);
  const response = await call();
  expect(response.statusCode).toBe(status);
  expect(String(response.headers['content-type'])).toContain('application/problem+json');
  expect(await databaseFingerprint(t.database.db)).toEqual(before);
}

const saveBody = (version = 1) => ({ version, content: { tables: figures(1) } });

describe('report visibility and editing', () => {
  it('the schedule created one report per reporting agency', () => {
    expect(Object.keys(reportByAgency).sort()).toEqual([ids['T31.SYT'], ids['T31.SNV'], ids['xa.a'], ids['xa.b']].sort());
  });

  it('a department sees and edits only its own report; another department’s is 404', async () => {
    const health = agents['so.yte']!;
    const list = await listed('so.yte');
    expect(list.total).toBe(1);
    expect(list.items.map((item) => item.agencyId)).toEqual([ids['T31.SYT']]);
    expect(list.items[0]!.allowedActions).toContain('edit');
    // Its whole list (any schedule) holds only its own agency's reports.
    const everything = (await health.get('/api/v1/reports?limit=100')).json<{ items: ReportView[] }>();
    for (const item of everything.items) expect(item.agencyId).toBe(ids['T31.SYT']);

    const other = reportByAgency[ids['T31.SNV']!]!;
    expect((await health.get(`/api/v1/reports/${other}`)).statusCode).toBe(404);
    await refusedWithoutWrites(404, () => health.request('PUT', `/api/v1/reports/${other}/content`, saveBody()));
    await refusedWithoutWrites(404, () => health.post(`/api/v1/reports/${other}/submit`, { version: 1 }));
    // Reviewing is not a department's business at all (no review:reports: 403 before anything is read).
    await refusedWithoutWrites(403, () => health.post(`/api/v1/reports/${reportByAgency[ids['T31.SYT']!]}/accept`, {}));

    const own = await health.request('PUT', `/api/v1/reports/${reportByAgency[ids['T31.SYT']!]}/content`, saveBody());
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json<ReportDetail>().status).toBe('draft');
    // It sees the schedule it reports under, without managing it; the matrix is for reviewers.
    const schedule = await health.get(`/api/v1/report-schedules/${scheduleId}`);
    expect(schedule.statusCode).toBe(200);
    expect(schedule.json().allowedActions).toEqual([]);
    expect((await health.get(`/api/v1/report-schedules/${scheduleId}/matrix`)).statusCode).toBe(403);
  });

  it('the city’s standing office sees every report of the city but edits none of the departments’ (403)', async () => {
    const office = agents['tinh.thuongtruc']!;
    const list = await listed('tinh.thuongtruc');
    expect(list.total).toBe(4);
    for (const item of list.items) {
      expect(item.allowedActions).not.toContain('edit');
      expect(item.allowedActions).toContain('extend');
    }
    const health = reportByAgency[ids['T31.SYT']!]!;
    expect((await office.get(`/api/v1/reports/${health}`)).statusCode).toBe(200);
    await refusedWithoutWrites(403, () => office.request('PUT', `/api/v1/reports/${health}/content`, saveBody(2)));
    await refusedWithoutWrites(403, () => office.post(`/api/v1/reports/${health}/submit`, { version: 2 }));
  });

  it('the court sees none of the departments’ reports, nor the schedule', async () => {
    const court = agents.toaan!;
    expect((await listed('toaan')).total).toBe(0);
    expect((await court.get(`/api/v1/reports/${reportByAgency[ids['T31.SYT']!]}`)).statusCode).toBe(404);
    expect((await court.get(`/api/v1/report-schedules/${scheduleId}`)).statusCode).toBe(404);
    const schedules = (await court.get('/api/v1/report-schedules?limit=100')).json<{ items: { id: string }[] }>();
    expect(schedules.items.map((s) => s.id)).not.toContain(scheduleId);
  });

  it('a commune sees only its own report', async () => {
    for (const [username, otherName] of [
      ['xa.a', 'xa.b'],
      ['xa.b', 'xa.a'],
    ] as const) {
      const list = await listed(username);
      expect(list.items.map((item) => item.agencyId)).toEqual([ids[username]]);
      const other = reportByAgency[ids[otherName]!]!;
      expect((await agents[username]!.get(`/api/v1/reports/${other}`)).statusCode).toBe(404);
      await refusedWithoutWrites(404, () => agents[username]!.request('PUT', `/api/v1/reports/${other}/content`, saveBody()));
    }
  });

  it('the national standing office neither sees nor writes a department’s report to the city (only the consolidated one)', async () => {
    const national = agents['tw.thuongtruc']!;
    const departmentReport = reportByAgency[ids['T31.SNV']!]!;
    expect((await national.get(`/api/v1/reports/${departmentReport}`)).statusCode).toBe(404);
    await refusedWithoutWrites(404, () => national.request('PUT', `/api/v1/reports/${departmentReport}/content`, saveBody()));
  });

  it('lists in view=mine only the reports the reader’s agency writes', async () => {
    const office = agents['tinh.thuongtruc']!;
    const mine = (await office.get(`/api/v1/reports?scheduleId=${scheduleId}&view=mine`)).json<{ total: number }>();
    expect(mine.total).toBe(0);
    const health = (await agents['so.yte']!.get('/api/v1/reports?view=mine&limit=100')).json<{ items: ReportView[] }>();
    expect(health.items.length).toBeGreaterThan(0);
    for (const item of health.items) expect(item.agencyId).toBe(ids['T31.SYT']);
    const addressed = (await office.get(`/api/v1/reports?scheduleId=${scheduleId}&view=addressed`)).json<{ total: number }>();
    expect(addressed.total).toBe(4);
  });
});
