import { addWorkingDays, dueDateFor, parsePeriodId } from '@atmis/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyIds, createSchedule, defaultTemplateId, reportOf } from '../../modules/reports/report-test-kit.ts';
import { createTestApp, loginAs, type Agent, type TestApp } from '../../testing/test-app.ts';

/**
 * One calendar for every deadline: a day off the administrator adds (the holidays table) moves a
 * report's due date as it moves a victim file's legal deadlines.
 */
let t: TestApp;
let office: Agent;
let health: Agent;
let admin: Agent;
beforeAll(async () => {
  // A database of its own: the added day off must not move other files' deadlines.
  t = await createTestApp({}, { isolated: true });
  t.clock.now = new Date('2026-10-05T02:00:00Z');
  office = await loginAs(t.app, 'tinh.thuongtruc');
  health = await loginAs(t.app, 'so.yte');
  admin = await loginAs(t.app, 'admin');
});
afterAll(() => t.close());

describe('the working calendar', () => {
  it('a day off added by the administrator moves the due date of reports materialised after it', async () => {
    const ids = await agencyIds(t);
    const templateId = await defaultTemplateId(t);
    const schedule = () => createSchedule(office, { templateId, recipientAgencyId: ids['T31.CA']!, reporterAgencyIds: [ids['T31.SYT']!] });
    const q3 = parsePeriodId('2026Q3');
    if (!q3.ok) throw new Error('2026Q3');
    const due = dueDateFor({ kind: 'working_days_after_window', days: 3 }, q3.period);
    expect((await reportOf(health, (await schedule()).id, ids['T31.SYT']!)).dueDate).toBe(due);

    // The working day before the due date becomes a day off: the deadline moves one working day on.
    const dayOff = addWorkingDays(due, -1);
    const added = await admin.post('/api/v1/victim-holidays', { date: dayOff, name: 'Nghỉ bù (kiểm thử)' });
    expect(added.statusCode, added.body).toBe(200);
    const moved = (await reportOf(health, (await schedule()).id, ids['T31.SYT']!)).dueDate;
    expect(moved).toBe(addWorkingDays(due, 1));
    expect(moved).toBe(dueDateFor({ kind: 'working_days_after_window', days: 3 }, q3.period, [dayOff]));
  });
});
