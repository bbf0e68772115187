import { auditEvents } from '@atmis/db';
import { addWorkingDays, deadlineDueDate } from '@atmis/domain';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../testing/database-fingerprint.ts';
import { type Agent } from '../../testing/test-app.ts';
import { createFile, uniqueWord, useVictimTestContext, womanWithChild } from './victim-test-kit.ts';

const ctx = useVictimTestContext('admin', 'national', 'communeA', 'communeB', 'office', 'health', 'court');
const { today, recent, problem, detailOf } = ctx;
interface Settings {
  rules: { code: string; days: number; kind: string; legalReference: string | null; isOverridden: boolean; defaultDays: number }[];
  holidays: { date: string; name: string }[];
  canManage: boolean;
}
const put = (agent: Agent, code: string, body: unknown) => agent.request('PUT', `/api/v1/victim-deadline-rules/${code}`, body);

/** The first working day after `date` on the statutory calendar (weekends, 1/1, Tết, Giỗ Tổ, 30/4, 1/5, 2/9 and days in lieu). */
const nextWorkingDay = (date: string): string => addWorkingDays(date, 1);

describe('deadline rules', () => {
  it('are read by every victims or support reader and changed by a national administrator only, with a legal reference', async () => {
    const settings = (await ctx.communeA.get('/api/v1/victim-deadline-rules')).json<Settings>();
    expect(settings.canManage).toBe(false);
    expect(settings.rules.map((rule) => rule.code)).toEqual(['initial_verification', 'support_application', 'referral_response']);
    expect(settings.rules[0]).toMatchObject({ days: 3, kind: 'calendar', isOverridden: false, defaultDays: 3 });
    expect((await ctx.health.get('/api/v1/victim-deadline-rules')).json<Settings>().canManage).toBe(false);
    expect((await ctx.national.get('/api/v1/victim-deadline-rules')).json<Settings>().canManage).toBe(true);
    expect((await ctx.court.get('/api/v1/victim-deadline-rules')).statusCode).toBe(403);

    const body = { days: 5, kind: 'calendar', legalReference: 'Thông tư hướng dẫn (thử nghiệm)' };
    const before = await databaseFingerprint(ctx.t.database.db);
    expect((await put(ctx.communeA, 'initial_verification', body)).statusCode).toBe(403);
    expect((await put(ctx.office, 'initial_verification', body)).statusCode).toBe(403);
    expect((await put(ctx.health, 'initial_verification', body)).statusCode).toBe(403);
    expect((await put(ctx.admin, 'khong_co_thoi_han', body)).statusCode).toBe(404);
    expect((await put(ctx.admin, 'Initial-Verification', body)).statusCode).toBe(400);
    expect(problem(await put(ctx.admin, 'initial_verification', { days: 5, kind: 'calendar' })).errors![0]!.path).toBe('legalReference');
    expect(problem(await put(ctx.admin, 'initial_verification', { ...body, days: 400 })).errors![0]!.path).toBe('days');
    expect((await ctx.admin.delete('/api/v1/victim-deadline-rules/initial_verification')).statusCode).toBe(404);
    expect(await databaseFingerprint(ctx.t.database.db)).toEqual(before);
  });

  it('an override changes the due date shown in the file; a holiday shifts a working-day deadline; back to the default', async () => {
    // On PostgreSQL the database is shared: count only this test's audit events.
    const [{ lastSeq } = { lastSeq: 0 }] = await ctx.t.database.db
      .select({ lastSeq: sql<number>`coalesce(max(${auditEvents.seq}), 0)` })
      .from(auditEvents);
    const file = await createFile(ctx.communeA, womanWithChild({ receivedOn: recent(20), homeOrgUnitId: ctx.communeAId, child: false }));
    const [woman] = (await detailOf(ctx.communeA, file.id)).persons;
    const appliedOn = recent(15);
    const support = await ctx.communeA.post(`/api/v1/victim-files/${file.id}/support-services`, {
      personId: woman!.id,
      type: 'vocational_training',
      appliedOn,
    });
    expect(support.statusCode, support.body).toBe(201);
    const deadline = async (code: string) => (await detailOf(ctx.communeA, file.id)).deadlines.find((entry) => entry.code === code)!;

    expect(await deadline('initial_verification')).toMatchObject({
      dueOn: deadlineDueDate({ days: 3, kind: 'calendar' }, recent(20)),
      status: 'overdue',
      legalReference: expect.stringContaining('Điều 27'),
    });
    const changed = await put(ctx.national, 'initial_verification', {
      days: 30,
      kind: 'calendar',
      legalReference: 'Văn bản hướng dẫn số 01/HD-BCĐ138 (thử nghiệm)',
      note: 'Áp dụng thử',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<Settings>().rules[0]).toMatchObject({ days: 30, isOverridden: true, defaultDays: 3 });
    expect(await deadline('initial_verification')).toMatchObject({
      dueOn: deadlineDueDate({ days: 30, kind: 'calendar' }, recent(20)),
      status: 'ok',
      legalReference: 'Văn bản hướng dẫn số 01/HD-BCĐ138 (thử nghiệm)',
    });
    // The list's overdue flag follows the same rule.
    const listed = (await ctx.communeA.get(`/api/v1/victim-files?receivedFrom=${recent(20)}&receivedTo=${recent(20)}&limit=100`)).json<{
      items: { id: string; hasOverdueDeadline: boolean }[];
    }>();
    expect(listed.items.find((item) => item.id === file.id)!.hasOverdueDeadline).toBe(false);

    // The support decision (9 working days by default) carries its rule's reference and moves with a holiday.
    const support9 = deadlineDueDate({ days: 9, kind: 'working' }, appliedOn);
    expect(await deadline('support_application')).toMatchObject({ dueOn: support9, legalReference: null });
    await put(ctx.admin, 'support_application', { days: 9, kind: 'working', legalReference: 'Nghị định hướng dẫn hỗ trợ nạn nhân' });
    const holiday = nextWorkingDay(appliedOn);
    const added = await ctx.admin.post('/api/v1/victim-holidays', { date: holiday, name: 'Nghỉ bù (thử nghiệm)' });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json<Settings>().holidays).toContainEqual({ date: holiday, name: 'Nghỉ bù (thử nghiệm)' });
    expect(await deadline('support_application')).toMatchObject({
      dueOn: deadlineDueDate({ days: 9, kind: 'working' }, appliedOn, [holiday]),
      legalReference: 'Nghị định hướng dẫn hỗ trợ nạn nhân',
    });
    expect(deadlineDueDate({ days: 9, kind: 'working' }, appliedOn, [holiday])).toBe(nextWorkingDay(support9));
    const renamed = await ctx.admin.post('/api/v1/victim-holidays', { date: holiday, name: 'Nghỉ bù Quốc khánh' });
    expect(renamed.json<Settings>().holidays.filter((entry) => entry.date === holiday)).toEqual([
      { date: holiday, name: 'Nghỉ bù Quốc khánh' },
    ]);
    expect((await ctx.communeA.post('/api/v1/victim-holidays', { date: holiday, name: 'Nghỉ' })).statusCode).toBe(403);
    expect((await ctx.admin.post('/api/v1/victim-holidays', { date: '2026-02-30', name: 'Nghỉ' })).statusCode).toBe(400);

    // A referral sent now is due under the referral rule in force.
    await put(ctx.admin, 'referral_response', { days: 10, kind: 'calendar', legalReference: 'Quy chế phối hợp (thử nghiệm)' });
    const referral = await ctx.communeA.post(`/api/v1/victim-files/${file.id}/referrals`, {
      personId: woman!.id,
      receivingAgencyId: ctx.health.me!.user.agencyId,
      reason: 'Học nghề',
      legalBasis: 'Đề nghị của chính quyền địa phương',
    });
    expect(referral.json<{ answerDueOn: string }>().answerDueOn).toBe(deadlineDueDate({ days: 10, kind: 'calendar' }, today(), [holiday]));

    // Back to the defaults.
    expect((await ctx.admin.delete(`/api/v1/victim-holidays/${holiday}`)).statusCode).toBe(200);
    expect((await ctx.admin.delete(`/api/v1/victim-holidays/${holiday}`)).statusCode).toBe(404);
    for (const code of ['initial_verification', 'support_application', 'referral_response']) {
      const reset = await ctx.admin.delete(`/api/v1/victim-deadline-rules/${code}`);
      expect(reset.statusCode, reset.body).toBe(200);
    }
    const settings = (await ctx.admin.get('/api/v1/victim-deadline-rules')).json<Settings>();
    expect(settings.rules.every((rule) => !rule.isOverridden)).toBe(true);
    expect(await deadline('initial_verification')).toMatchObject({ dueOn: deadlineDueDate({ days: 3, kind: 'calendar' }, recent(20)) });
    const events = await ctx.t.database.db
      .select({ action: auditEvents.action, details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'victim.deadline_rule_changed'), gt(auditEvents.seq, lastSeq)))
      .orderBy(desc(auditEvents.seq));
    expect(events).toHaveLength(6);
    expect(events.at(-1)!.details).toMatchObject({ code: 'initial_verification', days: 30, defaultDays: 3 });
  });
});

describe('registry edits', () => {
  it('ends a support rate (never re-priced), by those who manage support where it applies', async () => {
    const created = await ctx.office.post('/api/v1/victim-support-rates', {
      orgUnitId: 'VN.31',
      type: 'travel',
      amountVnd: 250_000,
      validFrom: '2025-01-01',
      legalBasis: `Quyết định ${uniqueWord()} của UBND thành phố`,
    });
    const rate = created.json<{ id: string }>();
    const patch = (agent: Agent, body: unknown, id = rate.id) => agent.patch(`/api/v1/victim-support-rates/${id}`, body);
    const before = await databaseFingerprint(ctx.t.database.db);
    expect(problem(await patch(ctx.office, { validTo: '2024-12-31' })).errors![0]!.path).toBe('validTo');
    expect((await patch(ctx.office, { amountVnd: 300_000 })).statusCode).toBe(400);
    expect(problem(await patch(ctx.office, {})).errors![0]!.path).toBe('validTo');
    expect((await patch(ctx.communeA, { validTo: '2025-12-31' })).statusCode).toBe(403);
    expect((await patch(ctx.health, { validTo: '2025-12-31' })).statusCode).toBe(403);
    expect((await patch(ctx.court, { validTo: '2025-12-31' })).statusCode).toBe(403);
    expect((await patch(ctx.office, { validTo: '2025-12-31' }, '01890000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    expect(await databaseFingerprint(ctx.t.database.db)).toEqual(before);

    const ended = await patch(ctx.office, { validTo: '2025-12-31', legalBasis: 'Quyết định số 12/2025/QĐ-UBND của UBND thành phố' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ amountVnd: 250_000, validFrom: '2025-01-01', validTo: '2025-12-31' });
    const current = (await ctx.communeA.get(`/api/v1/victim-support-rates?type=travel&on=${today()}`)).json<{ items: { id: string }[] }>();
    expect(current.items.map((item) => item.id)).not.toContain(rate.id);
    const [event] = await ctx.t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'victim.support_rate_updated'))
      .orderBy(desc(auditEvents.seq));
    expect(event).toMatchObject({ entityId: rate.id, details: { before: { validTo: null }, after: { validTo: '2025-12-31' } } });
  });

  it('resizes a facility, never below the persons staying, and never deactivates it while someone stays', async () => {
    const facility = (
      await ctx.office.post('/api/v1/victim-facilities', { name: `Cơ sở bảo trợ ${uniqueWord()}`, orgUnitId: 'VN.31', capacity: 3 })
    ).json<{ id: string; name: string }>();
    const file = await createFile(ctx.communeA, womanWithChild({ receivedOn: recent(3), homeOrgUnitId: ctx.communeAId }));
    for (const person of (await detailOf(ctx.communeA, file.id)).persons) {
      const stay = await ctx.communeA.post(`/api/v1/victim-files/${file.id}/stays`, {
        personId: person.id,
        facilityId: facility.id,
        admittedOn: recent(1),
      });
      expect(stay.statusCode, stay.body).toBe(201);
    }
    const patch = (agent: Agent, body: unknown) => agent.patch(`/api/v1/victim-facilities/${facility.id}`, body);
    const before = await databaseFingerprint(ctx.t.database.db);
    const tooSmall = await patch(ctx.office, { capacity: 1 });
    expect(tooSmall.statusCode).toBe(409);
    expect(problem(tooSmall)).toMatchObject({
      code: 'victim.facility_below_occupancy',
      title: `Không thể giảm số chỗ của ${facility.name} xuống 1: đang có 2 người ở.`,
    });
    const closing = await patch(ctx.office, { isActive: false });
    expect(closing.statusCode).toBe(409);
    expect(problem(closing).title).toContain('đang có 2 người ở');
    expect((await patch(ctx.office, { capacity: -1 })).statusCode).toBe(400);
    expect(problem(await patch(ctx.office, { capacity: 3 })).errors![0]!.path).toBe('name');
    // Seen from the communes below it, managed by the city only.
    expect((await patch(ctx.communeA, { capacity: 10 })).statusCode).toBe(403);
    expect((await patch(ctx.communeB, { capacity: 10 })).statusCode).toBe(403);
    expect((await patch(ctx.health, { capacity: 10 })).statusCode).toBe(404);
    expect((await patch(ctx.court, { capacity: 10 })).statusCode).toBe(403);
    expect(await databaseFingerprint(ctx.t.database.db)).toEqual(before);

    const resized = await patch(ctx.office, { capacity: 2, name: `${facility.name} (cơ sở 2)` });
    expect(resized.statusCode, resized.body).toBe(200);
    expect(resized.json()).toMatchObject({ capacity: 2, occupied: 2, isActive: true, name: `${facility.name} (cơ sở 2)` });
    const [event] = await ctx.t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'victim.facility_updated'))
      .orderBy(desc(auditEvents.seq));
    expect(event).toMatchObject({ entityId: facility.id, details: { before: { capacity: 3 }, after: { capacity: 2 } } });
  });
});
