import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { agencies, auditEvents, planImports, plans, taskOccurrences, tasks } from '@atmis/db';
import type { PlanDetail, PlanImportView, TaskView } from '@atmis/domain';
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../testing/database-fingerprint.ts';
import { createTestApp, loginAs, uniqueName, type Agent, type TestApp } from '../../testing/test-app.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../packages/domain/src/plans/import/fixtures');
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

let t: TestApp;
let office: Agent;
let health: Agent;
const agencyIds: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  office = await loginAs(t.app, 'tinh.thuongtruc');
  health = await loginAs(t.app, 'so.yte');
  const rows = await t.database.db
    .select({ id: agencies.id, code: agencies.code })
    .from(agencies)
    .where(inArray(agencies.code, ['T31.CA', 'T31.SYT', 'T31.SNV', 'T31.VKS', 'T31.TAND', 'T31.BCD138', 'T31.UBND', 'T31.SGDDT']));
  for (const row of rows) agencyIds[row.code] = row.id;
});
afterAll(() => t.close());

async function importText(agent: Agent, fileName: string, text: string) {
  return agent.post('/api/v1/plan-imports', { fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') });
}

async function planVersion(id: string) {
  return (await office.get(`/api/v1/plans/${id}`)).json<PlanDetail>().version;
}

async function auditCount(action: string, entityId: string) {
  return (
    await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)))
  ).length;
}

describe('importing the seed plans', () => {
  it.each(['plan-bac-giang-2021-2025.txt', 'plan-children-europe-2019.txt', 'plan-hai-phong-2016-2020.txt'])(
    '%s: proposes the plan with agencies matched to the Hải Phòng registry, confirms it as a draft with its tasks',
    async (name) => {
      const created = await importText(office, name, fixture(name));
      expect(created.statusCode, created.body.slice(0, 300)).toBe(201);
      const draft = created.json<PlanImportView>();
      expect(draft.status).toBe('pending');
      expect(draft.result.tasks.length).toBeGreaterThan(5);
      expect(await auditCount('plan_import.created', draft.id)).toBe(1);
      // Exact registry names are found whatever the document's locality wording ("tỉnh", "thành phố").
      const police = draft.agencyMatches.find((m) => /^Công an (tỉnh|thành phố)$/.test(m.name));
      expect(police?.agencyId).toBe(agencyIds['T31.CA']);
      // Collective addressees are never guessed.
      for (const match of draft.agencyMatches.filter((m) => /^(các|Các)\s/.test(m.name))) expect(match.agencyId).toBeNull();

      const confirmed = await office.post(`/api/v1/plan-imports/${draft.id}/confirm`);
      expect(confirmed.statusCode, confirmed.body.slice(0, 300)).toBe(201);
      const plan = confirmed.json<PlanDetail>();
      // Every seed has parser warnings (blank number or date, tasks without lead): a draft, never silently issued.
      expect(plan.status).toBe('draft');
      expect(plan.importWarnings.length).toBeGreaterThan(0);
      expect(plan.taskSummary.total).toBe(draft.result.tasks.length);
      expect(plan.orgUnitId).toBe('VN.31');
      expect(await auditCount('plan_import.confirmed', draft.id)).toBe(1);
      expect(await auditCount('plan.created', plan.id)).toBe(1);
      // Confirming twice is refused.
      expect((await office.post(`/api/v1/plan-imports/${draft.id}/confirm`)).statusCode).toBe(409);
    },
  );

  it('Bắc Giang: "Sở Y tế" is T31.SYT, the former labour department is mapped by hand, recurring tasks get occurrences, then the plan is issued', async () => {
    const created = await importText(office, 'bac-giang.txt', fixture('plan-bac-giang-2021-2025.txt'));
    const draft = created.json<PlanImportView>();
    expect(draft.agencyMatches.find((m) => m.name === 'Sở Y tế')).toMatchObject({ agencyId: agencyIds['T31.SYT'], source: 'exact' });
    const labour = draft.agencyMatches.find((m) => m.name === 'Sở Lao động - Thương binh và Xã hội');
    expect(labour).toMatchObject({ agencyId: null, source: 'none' });
    expect(draft.unmappedLeadNames).toContain('Sở Lao động - Thương binh và Xã hội');

    const mapped = await office.patch(`/api/v1/plan-imports/${draft.id}`, {
      agencyMappings: [{ name: 'Sở Lao động - Thương binh và Xã hội', agencyId: agencyIds['T31.SNV'] }],
      document: { number: '45', date: '2021-04-20' },
    });
    expect(mapped.statusCode, mapped.body.slice(0, 300)).toBe(200);
    const after = mapped.json<PlanImportView>();
    expect(after.agencyMatches.find((m) => m.name === 'Sở Lao động - Thương binh và Xã hội')).toMatchObject({
      agencyId: agencyIds['T31.SNV'],
      source: 'manual',
    });
    expect(after.unmappedLeadNames).not.toContain('Sở Lao động - Thương binh và Xã hội');
    expect(after.result.document).toMatchObject({ number: '45', date: '2021-04-20' });
    expect(await auditCount('plan_import.updated', draft.id)).toBe(1);
    expect((await office.get(`/api/v1/plan-imports/${draft.id}`)).json<PlanImportView>().result.document.number).toBe('45');

    const plan = (await office.post(`/api/v1/plan-imports/${draft.id}/confirm`)).json<PlanDetail>();
    expect(plan).toMatchObject({
      number: '45',
      symbol: 'KH-UBND',
      issueDate: '2021-04-20',
      periodFrom: '2021-01-01',
      periodTo: '2025-12-31',
      orientationTo: '2030-12-31',
      status: 'draft',
    });
    expect(plan.targets.length).toBe(draft.result.targets.length);
    expect(plan.sections.length).toBe(draft.result.sections.length);
    const snvTasks = await t.database.db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.planId, plan.id), eq(tasks.leadAgencyId, agencyIds['T31.SNV']!)));
    expect(snvTasks.length).toBeGreaterThan(0);
    const recurring = await t.database.db
      .select({ id: tasks.id, recurrence: tasks.recurrence })
      .from(tasks)
      .where(and(eq(tasks.planId, plan.id), eq(tasks.recurrence, 'yearly')));
    expect(recurring.length).toBeGreaterThan(0);
    const occurrences = await t.database.db.select().from(taskOccurrences).where(eq(taskOccurrences.taskId, recurring[0]!.id));
    expect(occurrences.map((o) => o.periodLabel)).toEqual(['Năm 2021', 'Năm 2022', 'Năm 2023', 'Năm 2024', 'Năm 2025']);

    // The department sees the plan addressed to it, and only its own tasks of it.
    expect((await health.get(`/api/v1/plans/${plan.id}`)).statusCode).toBe(200);
    const mine = (await health.get(`/api/v1/tasks?planId=${plan.id}&limit=100`)).json<{ items: TaskView[]; total: number }>();
    expect(mine.total).toBeGreaterThan(0);
    for (const task of mine.items) expect(task.agencies.some((a) => a.agencyId === agencyIds['T31.SYT'])).toBe(true);

    // Tasks whose lead the document did not name (or that was not matched) block issuing: the 409
    // counts them and quotes the first; nothing is issued and nobody is told.
    const leaderless = await t.database.db
      .select({ id: tasks.id, content: tasks.content, version: tasks.version })
      .from(tasks)
      .where(and(eq(tasks.planId, plan.id), isNull(tasks.leadAgencyId), ne(tasks.status, 'cancelled')))
      .orderBy(asc(tasks.position));
    expect(leaderless.length).toBeGreaterThan(0);
    const blocked = await office.post(`/api/v1/plans/${plan.id}/issue`);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({ code: 'plan.tasks_without_lead' });
    expect(blocked.json<{ title: string }>().title).toContain(`${leaderless.length} nhiệm vụ chưa có cơ quan chủ trì`);
    expect(blocked.json<{ title: string }>().title).toContain(leaderless[0]!.content.slice(0, 40));
    expect(await auditCount('plan.issued', plan.id)).toBe(0);
    // The office gives each of them its lead; then the plan is issued.
    for (const task of leaderless) {
      const patched = await office.patch(`/api/v1/tasks/${task.id}`, { leadAgencyId: agencyIds['T31.SNV'], version: task.version });
      expect(patched.statusCode, patched.body).toBe(200);
    }

    const issued = await office.post(`/api/v1/plans/${plan.id}/issue`);
    expect(issued.statusCode).toBe(200);
    expect(issued.json<PlanDetail>().status).toBe('issued');
    expect(await auditCount('plan.issued', plan.id)).toBe(1);
    expect((await office.post(`/api/v1/plans/${plan.id}/issue`)).statusCode).toBe(409);
  });

  it('pasted text is accepted like a file', async () => {
    const response = await office.post('/api/v1/plan-imports', { fileName: 'dan.txt', text: fixture('plan-children-europe-2019.txt') });
    expect(response.statusCode).toBe(201);
    expect(response.json<PlanImportView>().result.document.title).toContain('châu Âu');
  });
});

describe('reviewing an import before confirming it', () => {
  it('targets, legal basis, phases, agencies and a missed task are corrected; confirm creates exactly what was reviewed', async () => {
    const draft = (await importText(office, 'bac-giang-review.txt', fixture('plan-bac-giang-2021-2025.txt'))).json<PlanImportView>();
    expect(draft.result.targets[1]).toMatchObject({ comparator: '>', value: 90, section: 'I.2' });
    expect(draft.result.tasks[2]!.lead).toEqual([]);
    expect(draft.agencyMatches.some((m) => m.name === 'Sở Y tế tỉnh')).toBe(false);
    expect(draft.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['number_blank', 'date_blank', 'task_without_lead']));

    const targets = draft.result.targets.map((target, index) => ({
      text: target.text,
      comparator: index === 1 ? ('>=' as const) : target.comparator,
      value: index === 1 ? 95 : target.value,
      unit: target.unit,
      noun: target.noun,
      sectionPath: target.section,
    }));
    const corrected = await office.patch(`/api/v1/plan-imports/${draft.id}`, {
      document: { number: '45', date: '2021-04-20' },
      targets,
      legalBasis: [
        { kind: 'Quyết định', number: '193/QĐ-TTg', date: '2021-02-09', issuer: 'Thủ tướng Chính phủ', title: 'phê duyệt Chương trình' },
        { kind: 'Kế hoạch', number: '15/KH-BCĐ', date: '2021-03-01' },
      ],
      phases: [
        { label: 'Giai đoạn 2021-2023', from: '2021-01-01', to: '2023-12-31' },
        { label: 'Giai đoạn 2024-2025', from: '2024-01-01', to: '2025-12-31' },
      ],
      tasks: [
        { index: 2, lead: ['Sở Y tế tỉnh'], coordinating: ['Sở Giáo dục và Đào tạo'], deadline: '2022-06-30' },
        { index: 3, lead: ['Ban Quản lý dự án truyền thông'] },
      ],
      newTasks: [
        { section: 'III.7. Sở Y tế', text: 'Khám sức khỏe cho nạn nhân trở về', lead: ['Sở Y tế'], deadline: '2024-03-31' },
        {
          section: 'V. Nhiệm vụ bổ sung',
          text: 'Tổng kết công tác hằng năm',
          lead: ['Công an tỉnh'],
          requested: ['Viện Kiểm sát'],
          recurrence: 'yearly',
        },
      ],
    });
    expect(corrected.statusCode, corrected.body.slice(0, 400)).toBe(200);
    const view = corrected.json<PlanImportView>();
    // A new name is matched to the registry like a parsed one.
    expect(view.agencyMatches.find((m) => m.name === 'Sở Y tế tỉnh')).toMatchObject({ agencyId: agencyIds['T31.SYT'], source: 'exact' });
    expect(view.agencyMatches.find((m) => m.name === 'Ban Quản lý dự án truyền thông')).toMatchObject({ agencyId: null });
    expect(view.unmappedLeadNames).toContain('Ban Quản lý dự án truyền thông');
    expect(view.result.tasks).toHaveLength(draft.result.tasks.length + 2);
    expect(view.result.tasks[2]).toMatchObject({
      lead: ['Sở Y tế tỉnh'],
      coordinating: ['Sở Giáo dục và Đào tạo'],
      deadline: '2022-06-30',
    });
    expect(view.result.tasks.at(-2)).toMatchObject({ sectionPath: 'III.7', section: 'III.7. Sở Y tế', lead: ['Sở Y tế'] });
    expect(view.result.tasks.at(-1)).toMatchObject({ sectionPath: 'V', section: 'V. Nhiệm vụ bổ sung', recurrence: 'yearly' });
    expect(view.result.sections.at(-1)).toEqual({ path: 'V', heading: 'Nhiệm vụ bổ sung' });
    expect(view.result.targets[1]).toMatchObject({ comparator: '>=', value: 95, section: 'I.2' });
    // Settled warnings go; those still true stay.
    expect(view.warnings.map((w) => w.code)).not.toContain('number_blank');
    expect(view.warnings.map((w) => w.code)).not.toContain('date_blank');
    expect(view.warnings.filter((w) => w.code === 'task_without_lead').length).toBeGreaterThan(0);
    expect(view.warnings.length).toBeLessThan(draft.warnings.length);
    expect(await auditCount('plan_import.updated', draft.id)).toBe(1);

    // Mapping the new name by hand settles the unmapped lead.
    const mapped = (
      await office.patch(`/api/v1/plan-imports/${draft.id}`, {
        agencyMappings: [{ name: 'Ban Quản lý dự án truyền thông', agencyId: agencyIds['T31.SNV'] }],
      })
    ).json<PlanImportView>();
    expect(mapped.unmappedLeadNames).not.toContain('Ban Quản lý dự án truyền thông');

    const confirmed = await office.post(`/api/v1/plan-imports/${draft.id}/confirm`);
    expect(confirmed.statusCode, confirmed.body.slice(0, 300)).toBe(201);
    const plan = confirmed.json<PlanDetail>();
    expect(plan).toMatchObject({ number: '45', symbol: 'KH-UBND', issueDate: '2021-04-20', taskCount: draft.result.tasks.length + 2 });
    // Still a draft: other tasks have no lead and the former labour department is not mapped.
    expect(plan.status).toBe('draft');
    expect(plan.importWarnings.map((w) => w.code)).not.toContain('number_blank');
    expect(plan.legalBasis).toEqual([
      { kind: 'Quyết định', number: '193/QĐ-TTg', date: '2021-02-09', issuer: 'Thủ tướng Chính phủ', title: 'phê duyệt Chương trình' },
      { kind: 'Kế hoạch', number: '15/KH-BCĐ', date: '2021-03-01', issuer: null, title: null },
    ]);
    expect(plan.phases).toEqual([
      { label: 'Giai đoạn 2021-2023', from: '2021-01-01', to: '2023-12-31' },
      { label: 'Giai đoạn 2024-2025', from: '2024-01-01', to: '2025-12-31' },
    ]);
    expect(plan.targets.map(({ id: _id, ...target }) => target)).toEqual(
      targets.map((target) => ({ ...target, noun: target.noun ?? null, sectionPath: target.sectionPath ?? null })),
    );
    expect(plan.targets[1]).toMatchObject({ comparator: '>=', value: 95 });
    expect(plan.sections.at(-1)).toMatchObject({ path: 'V', heading: 'Nhiệm vụ bổ sung' });

    const rows = await t.database.db.select().from(tasks).where(eq(tasks.planId, plan.id)).orderBy(tasks.position);
    expect(rows).toHaveLength(draft.result.tasks.length + 2);
    expect(rows[2]).toMatchObject({
      leadAgencyId: agencyIds['T31.SYT'],
      deadline: '2022-06-30',
      phase: 'Giai đoạn 2021-2023',
      sectionPath: 'II.2',
    });
    expect(rows[2]!.agencyIds.sort()).toEqual([agencyIds['T31.SYT'], agencyIds['T31.SGDDT']].sort());
    expect(rows[3]!.leadAgencyId).toBe(agencyIds['T31.SNV']);
    const missed = rows.at(-2)!;
    expect(missed).toMatchObject({
      content: 'Khám sức khỏe cho nạn nhân trở về',
      sectionPath: 'III.7',
      leadAgencyId: agencyIds['T31.SYT'],
      deadline: '2024-03-31',
      phase: 'Giai đoạn 2024-2025',
    });
    const yearly = rows.at(-1)!;
    expect(yearly).toMatchObject({ sectionPath: 'V', leadAgencyId: agencyIds['T31.CA'], recurrence: 'yearly', deadline: null });
    expect(yearly.agencyIds.sort()).toEqual([agencyIds['T31.CA'], agencyIds['T31.VKS']].sort());
    expect(yearly.sectionId).toBe(plan.sections.at(-1)!.id);
    const occurrences = await t.database.db.select().from(taskOccurrences).where(eq(taskOccurrences.taskId, yearly.id));
    expect(occurrences).toHaveLength(5);
  });

  it('refuses an unknown task index and oversized corrections (400), changing nothing', async () => {
    const draft = (await importText(office, 'chau-au.txt', fixture('plan-children-europe-2019.txt'))).json<PlanImportView>();
    const target = { text: 'x', comparator: '=', value: 1, unit: '%' };
    const before = await databaseFingerprint(t.database.db);
    for (const body of [
      { tasks: [{ index: draft.result.tasks.length + 5, text: 'x' }], document: { number: '1' } },
      { targets: Array.from({ length: 201 }, () => target) },
      { newTasks: Array.from({ length: 201 }, () => ({ section: 'I', text: 'x' })) },
      { tasks: [{ index: 0, lead: Array.from({ length: 51 }, (_, i) => `Cơ quan ${i}`) }] },
      { phases: [{ label: '' }] },
      { targets: [{ ...target, comparator: '≈' }] },
    ]) {
      const response = await office.patch(`/api/v1/plan-imports/${draft.id}`, body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 100)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
    expect((await office.get(`/api/v1/plan-imports/${draft.id}`)).json<PlanImportView>().result).toEqual(draft.result);
  });
});

describe('bad input to the importer', () => {
  const cases: [string, unknown, RegExp][] = [
    ['empty file', { fileName: 'rong.txt', contentBase64: '' }, /rỗng/],
    ['blank text', { fileName: 'rong.txt', text: '   \n  ' }, /không có nội dung/],
    [
      'binary file',
      { fileName: 'anh.txt', contentBase64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe]).toString('base64') },
      /nhị phân/,
    ],
    [
      'binary renamed .docx',
      { fileName: 'gia.docx', contentBase64: Buffer.from('not a zip at all, just text').toString('base64') },
      /Word/,
    ],
    ['unsupported type', { fileName: 'bang.xlsx', contentBase64: Buffer.from('abc').toString('base64') }, /không được hỗ trợ/],
    [
      'non-plan text',
      {
        fileName: 'thu.txt',
        text: 'Kính gửi anh chị, cuối tuần này cơ quan tổ chức đi dã ngoại. Mọi người đăng ký với văn phòng trước thứ Sáu. Xin cảm ơn.',
      },
      /không phải một kế hoạch/,
    ],
    ['oversized file', { fileName: 'lon.txt', contentBase64: Buffer.alloc(8 * 1024 * 1024 + 10, 0x61).toString('base64') }, /quá lớn/],
  ];
  it.each(cases)('%s → 400 with a Vietnamese message, nothing stored', async (_what, body, message) => {
    const before = await databaseFingerprint(t.database.db);
    const response = await office.post('/api/v1/plan-imports', body);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json<{ title: string }>().title).toMatch(message);
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
  });
  it('a file far over the limit is refused before it is read (413), naming the 8 MB limit', async () => {
    const before = await databaseFingerprint(t.database.db);
    const response = await office.post('/api/v1/plan-imports', {
      fileName: 'rat-lon.txt',
      contentBase64: Buffer.alloc(9 * 1024 * 1024, 0x61).toString('base64'),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json<{ code: string; title: string }>()).toMatchObject({
      code: 'request.file_too_large',
      title: 'Tệp gửi lên quá lớn (tối đa 8 MB). Chưa có gì được lưu.',
    });
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
  });
  it('a department officer may not import (403) and nothing is stored', async () => {
    const before = await databaseFingerprint(t.database.db);
    expect((await importText(health, 'x.txt', fixture('plan-children-europe-2019.txt'))).statusCode).toBe(403);
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
  });
});

describe('plans', () => {
  it('creates a plan by hand, lists and searches it, edits it, and shows the cascade of implementing plans', async () => {
    const title = uniqueName('Kế hoạch thử ');
    const created = await office.post('/api/v1/plans', {
      title,
      number: '12',
      symbol: 'KH-BCĐ',
      issuerAgencyId: agencyIds['T31.BCD138'],
      issueDate: '2026-01-05',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      targets: [{ text: '100% tin báo được tiếp nhận', comparator: '=', value: 100, unit: '%' }],
      sections: [{ path: 'II.1', heading: 'Công tác tuyên truyền' }],
      tasks: [
        {
          sectionPath: 'II.1',
          content: 'Tuyên truyền tại trường học',
          leadAgencyId: agencyIds['T31.SGDDT'],
          coordinatingAgencyIds: [agencyIds['T31.SYT']],
          deadline: '2026-06-30',
        },
        {
          sectionPath: 'II.1',
          content: 'Xét xử lưu động',
          leadAgencyId: agencyIds['T31.TAND'],
          requestedAgencyIds: [agencyIds['T31.VKS']],
          recurrence: 'quarterly',
        },
      ],
    });
    expect(created.statusCode, created.body.slice(0, 300)).toBe(201);
    const plan = created.json<PlanDetail>();
    expect(plan).toMatchObject({
      status: 'draft',
      orgUnitId: 'VN.31',
      issuerAgencyId: agencyIds['T31.BCD138'],
      taskCount: 2,
      allowedActions: ['update', 'issue'],
    });
    expect(
      plan.cascade.expected
        .filter((u) => u.kind === 'member')
        .map((u) => u.agencyId)
        .sort(),
    ).toEqual([agencyIds['T31.SGDDT'], agencyIds['T31.SYT'], agencyIds['T31.TAND']].sort());
    expect(plan.cascade.expected.some((u) => u.kind === 'locality')).toBe(true);
    expect(plan.cascade.issuedCount).toBe(0);

    const list = await office.get(
      `/api/v1/plans?q=${encodeURIComponent(
        title
          .toLowerCase()
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, ''),
      )}`,
    );
    expect(list.json<{ items: { id: string }[] }>().items.map((p) => p.id)).toEqual([plan.id]);

    const edited = await office.patch(`/api/v1/plans/${plan.id}`, {
      place: 'Hải Phòng',
      recipients: ['Như trên', 'Lưu: VT'],
      version: plan.version,
    });
    expect(edited.json<PlanDetail>()).toMatchObject({ place: 'Hải Phòng', recipients: ['Như trên', 'Lưu: VT'] });
    expect(await auditCount('plan.updated', plan.id)).toBe(1);

    // The education department's implementing plan, recorded by the standing office, then issued.
    const child = (
      await office.post('/api/v1/plans', {
        title: 'Kế hoạch thực hiện của Sở Giáo dục',
        issuerAgencyId: agencyIds['T31.SGDDT'],
        parentPlanId: plan.id,
      })
    ).json<PlanDetail>();
    await office.post(`/api/v1/plans/${child.id}/issue`);
    const cascade = (await office.get(`/api/v1/plans/${plan.id}`)).json<PlanDetail>().cascade;
    expect(cascade.expected.find((u) => u.agencyId === agencyIds['T31.SGDDT'])).toMatchObject({
      hasIssued: true,
      implementingPlans: [{ id: child.id, status: 'issued' }],
    });
    expect(cascade.issuedCount).toBe(1);
    expect((await office.get(`/api/v1/plans?parentPlanId=${plan.id}`)).json<{ total: number }>().total).toBe(1);

    // The health department coordinates a task: the plan is addressed to it (read-only, no cascade).
    const seen = await health.get(`/api/v1/plans/${plan.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<PlanDetail>()).toMatchObject({ allowedActions: [], cascade: { expected: [] } });
    // …but not the child plan, which is not addressed to it, nor may it edit.
    expect((await health.get(`/api/v1/plans/${child.id}`)).statusCode).toBe(404);
    // A plan issued by the health department is addressed to it, also when the issuer is set later.
    expect(
      (await office.patch(`/api/v1/plans/${child.id}`, { issuerAgencyId: agencyIds['T31.SYT'], version: await planVersion(child.id) }))
        .statusCode,
    ).toBe(200);
    expect((await health.get(`/api/v1/plans/${child.id}`)).statusCode).toBe(200);
    expect((await health.patch(`/api/v1/plans/${plan.id}`, { place: 'X', version: await planVersion(plan.id) })).statusCode).toBe(403);
    const xa = await loginAs(t.app, 'xa.a');
    expect((await xa.get(`/api/v1/plans/${plan.id}`)).statusCode).toBe(404);
  });

  it('refuses references that do not exist', async () => {
    const before = await databaseFingerprint(t.database.db);
    const missing = '01890000-0000-7000-8000-000000000000';
    expect((await office.post('/api/v1/plans', { title: 'Sai', tasks: [{ content: 'x', leadAgencyId: missing }] })).statusCode).toBe(400);
    expect((await office.post('/api/v1/plans', { title: 'Sai', parentPlanId: missing })).statusCode).toBe(400);
    expect((await office.post('/api/v1/plans', { title: 'Sai', periodFrom: '2026-01-01', periodTo: '2025-01-01' })).statusCode).toBe(400);
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
  });

  it('keeps the import draft of another province out of reach', async () => {
    const [row] = await t.database.db.select({ id: planImports.id }).from(planImports).limit(1);
    const admin = await loginAs(t.app, 'admin');
    expect((await admin.get(`/api/v1/plan-imports/${row!.id}`)).statusCode).toBe(200);
    const [plan] = await t.database.db.select({ id: plans.id }).from(plans).limit(1);
    const commune = await loginAs(t.app, 'xa.b');
    expect((await commune.get(`/api/v1/plans/${plan!.id}`)).statusCode).toBe(404);
    expect((await commune.get(`/api/v1/plans`)).json<{ total: number }>().total).toBe(0);
  });
});

describe('legal basis links', () => {
  it('links a reference to a plan held in the system (searched within the reader’s scope), not other references', async () => {
    const number = String(Math.floor(Math.random() * 1e6));
    const parentResponse = await office.post('/api/v1/plans', {
      title: uniqueName('Kế hoạch cấp trên '),
      number,
      symbol: 'KH-BCĐ',
      issueDate: '2024-03-05',
    });
    expect(parentResponse.statusCode, parentResponse.body).toBe(201);
    const parent = parentResponse.json<{ id: string; title: string }>();
    const child = await office.post('/api/v1/plans', {
      title: uniqueName('Kế hoạch triển khai '),
      legalBasis: [
        { kind: 'Kế hoạch', number: `${number}/kh-bcđ`, date: '2024-03-05' },
        { kind: 'Quyết định', number: '193/QĐ-TTg', date: '2021-02-09', issuer: 'Thủ tướng Chính phủ' },
      ],
    });
    expect(child.statusCode, child.body).toBe(201);
    const detail = (await office.get(`/api/v1/plans/${child.json<{ id: string }>().id}`)).json<{ legalBasis: Record<string, unknown>[] }>();
    expect(detail.legalBasis[0]).toMatchObject({ linkedPlanId: parent.id, linkedPlanTitle: parent.title });
    expect(detail.legalBasis[1]).not.toHaveProperty('linkedPlanId');
  });
});
