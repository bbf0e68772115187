import { auditEvents, queryRows } from '@atmis/db';
import { deadlineDueDate } from '@atmis/domain';
import { and, desc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../testing/database-fingerprint.ts';
import { createFile, pdfBytes, uniqueWord, useVictimTestContext, womanWithChild } from './victim-test-kit.ts';

const ctx = useVictimTestContext('communeA', 'communeB', 'office', 'health', 'court');
const { today, recent, problem, detailOf } = ctx;
const vnDate = (iso: string) => iso.split('-').reverse().join('/');

async function auditOf(fileId: string, action: string) {
  return ctx.t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action as never), eq(auditEvents.entityId, fileId)))
    .orderBy(desc(auditEvents.seq));
}

describe('corrections', () => {
  it('two corrections sent at once from the same version: one is saved, the other is a 409 victim.stale with the current version', async () => {
    const body = womanWithChild({ receivedOn: recent(4), homeOrgUnitId: ctx.communeAId, child: false });
    const file = await createFile(ctx.communeA, body);
    const before = await detailOf(ctx.communeA, file.id);
    const personId = before.persons[0]!.id;
    const names = [`Lê Thị Mai ${uniqueWord()}`, `Lê Thị Lan ${uniqueWord()}`];
    const answers = await Promise.all(
      names.map((fullName) =>
        ctx.communeA.patch(`/api/v1/victim-persons/${personId}`, {
          person: { ...body.person, fullName },
          reason: 'Đính chính theo giấy khai sinh',
          version: before.version,
        }),
      ),
    );
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    const lost = answers.find((answer) => answer.statusCode === 409)!;
    expect(problem(lost)).toMatchObject({ code: 'victim.stale', currentVersion: before.version + 1 });
    // The saved correction is the one that won, whole (the masked name shows its middle word).
    const won = answers.findIndex((answer) => answer.statusCode === 200);
    const after = await detailOf(ctx.communeA, file.id);
    expect(after.version).toBe(before.version + 1);
    expect(after.persons[0]!.maskedName.startsWith(['L.T.M.', 'L.T.L.'][won]!)).toBe(true);
  });

  it('correct a person with a reason and the loaded version, keeping the old values encrypted in the history', async () => {
    const body = womanWithChild({ receivedOn: recent(5), homeOrgUnitId: ctx.communeAId });
    const file = await createFile(ctx.communeA, body);
    const before = await detailOf(ctx.communeA, file.id);
    const [woman] = before.persons;
    const newWord = uniqueWord();
    const corrected = { ...body.person, fullName: `Nguyễn Thị Hoà ${newWord}`, phone: '0912 345 678' };
    const correct = (extra: Record<string, unknown>, agent = ctx.communeA, personId = woman!.id) =>
      agent.patch(`/api/v1/victim-persons/${personId}`, {
        person: corrected,
        reason: 'Đính chính theo căn cước công dân bản gốc',
        version: before.version,
        ...extra,
      });

    // Refused: no reason, a stale version, nothing changed, a birth after the reception, another commune — nothing written.
    const fingerprint = await databaseFingerprint(ctx.t.database.db);
    const noReason = await correct({ reason: 'Sửa' });
    expect(noReason.statusCode).toBe(400);
    expect(problem(noReason).errors!.map((error) => error.path)).toEqual(['reason']);
    const stale = await correct({ version: before.version + 1 });
    expect(stale.statusCode).toBe(409);
    expect(problem(stale)).toMatchObject({ code: 'victim.stale', currentVersion: before.version });
    const unchanged = await correct({ person: body.person });
    expect(unchanged.statusCode).toBe(400);
    expect(problem(unchanged).errors![0]).toMatchObject({ path: 'person', message: expect.stringContaining('không có gì để đính chính') });
    const lateBirth = await correct({ person: { ...corrected, dateOfBirth: recent(1), citizenId: null } });
    expect(problem(lateBirth).errors!.map((error) => error.path)).toContain('person.dateOfBirth');
    expect(problem(await correct({ person: { ...corrected, phone: '123' } })).errors!.map((error) => error.path)).toEqual(['person.phone']);
    const unknownHome = await correct({ person: { ...corrected, homeOrgUnitId: 'VN.31.99999' } });
    expect(problem(unknownHome).errors).toEqual([{ path: 'person.homeOrgUnitId', message: 'Không có đơn vị hành chính mã VN.31.99999.' }]);
    expect(problem(await correct({ relationship: 'Mẹ' })).errors!.map((error) => error.path)).toEqual(['relationship']);
    expect((await correct({}, ctx.communeB)).statusCode).toBe(404);
    expect((await correct({}, ctx.health)).statusCode).toBe(403);
    expect(await databaseFingerprint(ctx.t.database.db)).toEqual(fingerprint);

    const done = await correct({});
    expect(done.statusCode, done.body).toBe(200);
    const after = await detailOf(ctx.communeA, file.id);
    expect(after.version).toBe(before.version + 1);
    expect(after.persons[0]!.maskedName).toBe(`N.T.H.${newWord[0]}.`);
    expect(after.corrections).toEqual([
      expect.objectContaining({
        entityType: 'person',
        personId: woman!.id,
        changedFields: ['fullName', 'phone'],
        reason: 'Đính chính theo căn cước công dân bản gốc',
        changedByName: 'Lê Văn Xã A',
      }),
    ]);
    // The same stale version again: refused, the correction is not repeated over the new values.
    expect((await correct({ person: { ...corrected, ethnicity: 'Tày' } })).statusCode).toBe(409);

    // The name search follows the new name; the old words no longer find the file.
    const found = (q: string) =>
      ctx.communeA.get(`/api/v1/victim-files?q=${encodeURIComponent(q)}`).then((r) => r.json<{ items: { id: string }[] }>().items);
    expect((await found(newWord)).map((item) => item.id)).toEqual([file.id]);
    expect(await found(`hoa ${body.person.fullName.split(' ').at(-1)!}`)).toEqual([]);
    const shown = await ctx.communeA.post(`/api/v1/victim-files/${file.id}/reveal`, {
      reason: 'Kiểm tra sau đính chính',
      fields: ['fullName'],
    });
    expect(shown.json<{ persons: { fullName: string }[] }>().persons[0]!.fullName).toBe(corrected.fullName);

    // The history row holds the old values encrypted, never in plaintext; the audit names fields only.
    const [history] = await queryRows<{ row: string; previous_enc: string }>(
      ctx.t.database.db,
      sql`select t::text as row, previous_enc from victim_record_versions t where file_id = ${file.id}::uuid`,
    );
    expect(history!.previous_enc).toMatch(/^v1:[A-Za-z0-9_-]+:/);
    for (const secret of [body.person.fullName, body.person.fullName.split(' ').at(-1)!, body.person.phone.replace(/\s/g, '').slice(1)]) {
      expect(history!.row).not.toContain(secret);
    }
    const [event] = await auditOf(file.id, 'victim.person_corrected');
    expect(event!.details).toMatchObject({ personId: woman!.id, changedFields: ['fullName', 'phone'] });
    expect(JSON.stringify(event!.details)).not.toContain(newWord);
  });

  it('correct the reception facts, never after a date already recorded in the file nor before a birth', async () => {
    const file = await createFile(ctx.communeA, womanWithChild({ receivedOn: recent(6), homeOrgUnitId: ctx.communeAId }));
    const visit = await ctx.communeA.post(`/api/v1/victim-files/${file.id}/follow-ups`, { visitedOn: recent(3), situation: 'stable' });
    expect(visit.statusCode, visit.body).toBe(201);
    const current = await detailOf(ctx.communeA, file.id);
    const correct = (reception: Record<string, unknown>, version = current.version) =>
      ctx.communeA.patch(`/api/v1/victim-files/${file.id}/reception`, {
        reception: { receivedOn: current.reception!.receivedOn, way: current.reception!.way, ...reception },
        reason: 'Đính chính theo biên bản bàn giao',
        version,
      });
    const afterVisit = await correct({ receivedOn: recent(2) });
    expect(afterVisit.statusCode).toBe(400);
    expect(problem(afterVisit).errors![0]).toMatchObject({
      path: 'reception.receivedOn',
      message: expect.stringContaining(vnDate(recent(3))),
    });
    expect(problem(await correct({ receivedOn: '1997-01-01' })).errors![0]!.path).toBe('reception.receivedOn');
    expect(problem(await correct({ receivedOn: '2099-01-01' })).errors![0]!.path).toBe('reception.receivedOn');
    expect(problem(await correct({})).errors![0]!.path).toBe('reception');

    const done = await correct({ receivedOn: recent(8), way: 'rescued', fromCountry: null, initialSupport: 'Cấp suất ăn' });
    expect(done.statusCode, done.body).toBe(200);
    const after = await detailOf(ctx.communeA, file.id);
    expect(after.reception).toMatchObject({ receivedOn: recent(8), way: 'rescued', fromCountry: null, initialSupport: 'Cấp suất ăn' });
    // Fields left out keep their value.
    expect(after.reception!.borderGate).toBe(current.reception!.borderGate);
    expect(after.corrections![0]).toMatchObject({
      entityType: 'reception',
      personId: null,
      changedFields: ['receivedOn', 'way', 'fromCountry', 'initialSupport'],
    });
    // The initial verification is now counted from the corrected reception date.
    expect(after.deadlines.find((deadline) => deadline.code === 'initial_verification')!.dueOn).toBe(
      deadlineDueDate({ days: 3, kind: 'calendar' }, recent(8)),
    );
  });
});

describe('closing a file', () => {
  it('refuses to close with active work, refuses every write once closed (a consent may still be withdrawn), and reopens with a reason', async () => {
    const file = await createFile(ctx.communeA, womanWithChild({ receivedOn: recent(4), homeOrgUnitId: ctx.communeAId }));
    const [woman, child] = (await detailOf(ctx.communeA, file.id)).persons;
    const consent = await ctx.communeA.post(`/api/v1/victim-files/${file.id}/consents`, {
      personId: woman!.id,
      purpose: 'referral',
      givenBy: 'person',
      givenOn: recent(1),
    });
    const referral = await ctx.communeA.post(`/api/v1/victim-files/${file.id}/referrals`, {
      personId: woman!.id,
      receivingAgencyId: ctx.healthAgencyId,
      reason: 'Khám sức khỏe',
    });
    expect(referral.statusCode, referral.body).toBe(201);
    const close = (body: Record<string, unknown>) => ctx.communeA.post(`/api/v1/victim-files/${file.id}/close`, body);

    const active = await close({ closedOn: today(), reason: 'reintegrated' });
    expect(active.statusCode).toBe(409);
    expect(problem(active)).toMatchObject({ code: 'victim.file_status', title: expect.stringContaining('chuyển tuyến đang thực hiện') });
    expect(problem(await close({ closedOn: recent(-1), reason: 'reintegrated' })).errors![0]!.path).toBe('closedOn');
    expect(problem(await close({ closedOn: recent(10), reason: 'reintegrated' })).errors![0]!.path).toBe('closedOn');
    expect(problem(await close({ closedOn: today(), reason: 'other' })).errors![0]!.path).toBe('note');
    expect((await close({ closedOn: today(), reason: 'gone' })).statusCode).toBe(400);
    expect(
      (await ctx.communeB.post(`/api/v1/victim-files/${file.id}/close`, { closedOn: today(), reason: 'reintegrated' })).statusCode,
    ).toBe(404);

    await ctx.communeA.post(`/api/v1/victim-referrals/${referral.json<{ id: string }>().id}/cancel`, { reason: 'Gia đình tự đưa đi khám' });
    const closed = await close({ closedOn: today(), reason: 'other', note: 'Chuyển về sống cùng gia đình ở tỉnh khác' });
    expect(closed.statusCode, closed.body).toBe(200);
    const detail = await detailOf(ctx.communeA, file.id);
    expect(detail.status).toBe('closed');
    expect(detail.closure).toEqual({ closedOn: today(), reason: 'other', note: 'Chuyển về sống cùng gia đình ở tỉnh khác' });
    expect(problem(await close({ closedOn: today(), reason: 'reintegrated' }))).toMatchObject({
      code: 'victim.file_status',
      title: 'Hồ sơ đã được đóng.',
    });

    const before = await databaseFingerprint(ctx.t.database.db);
    const writes: [string, () => Promise<{ statusCode: number; json: <T>() => T }>][] = [
      [
        'identification',
        () => ctx.communeA.post(`/api/v1/victim-persons/${woman!.id}/identification`, { transition: 'start_verification' }),
      ],
      ['exploitation', () => ctx.communeA.post(`/api/v1/victim-persons/${woman!.id}/exploitation`, { forms: ['forced_labour'] })],
      [
        'consent',
        () =>
          ctx.communeA.post(`/api/v1/victim-files/${file.id}/consents`, {
            personId: child!.id,
            purpose: 'referral',
            givenBy: 'guardian',
            givenOn: today(),
          }),
      ],
      [
        'referral',
        () =>
          ctx.communeA.post(`/api/v1/victim-files/${file.id}/referrals`, {
            personId: woman!.id,
            receivingAgencyId: ctx.healthAgencyId,
            reason: 'Khám lại',
          }),
      ],
      ['support', () => ctx.communeA.post(`/api/v1/victim-files/${file.id}/support-services`, { personId: woman!.id, type: 'medical' })],
      ['follow-up', () => ctx.communeA.post(`/api/v1/victim-files/${file.id}/follow-ups`, { visitedOn: today(), situation: 'stable' })],
      [
        'statement',
        () => ctx.communeA.post(`/api/v1/victim-files/${file.id}/statements`, { takenOn: today(), content: 'Lời khai bổ sung' }),
      ],
      [
        'protection',
        () => ctx.communeA.post(`/api/v1/victim-files/${file.id}/protection-assessments`, { assessedOn: today(), riskLevel: 'low' }),
      ],
      [
        'threat',
        () => ctx.communeA.post(`/api/v1/victim-files/${file.id}/threats`, { reportedOn: today(), description: 'Tin nhắn đe dọa' }),
      ],
      ['repatriation', () => ctx.communeA.post(`/api/v1/victim-files/${file.id}/repatriations`, { personId: woman!.id })],
      [
        'attachment',
        () =>
          ctx.communeA.post(`/api/v1/victim-files/${file.id}/attachments`, {
            kind: 'evidence',
            fileName: 'bien-ban.pdf',
            contentBase64: pdfBytes('Bien ban').toString('base64'),
          }),
      ],
      [
        'correction',
        () =>
          ctx.communeA.patch(`/api/v1/victim-files/${file.id}/reception`, {
            reception: { receivedOn: recent(4), way: 'rescued' },
            reason: 'Đính chính hình thức tiếp nhận',
            version: detail.version,
          }),
      ],
      [
        'confidentiality',
        () =>
          ctx.communeA.request('PUT', `/api/v1/victim-files/${file.id}/confidentiality`, {
            flags: ['no_media'],
            reason: 'Nạn nhân đề nghị giữ kín',
          }),
      ],
    ];
    for (const [what, send] of writes) {
      const refused = await send();
      expect(refused.statusCode, what).toBe(409);
      expect(problem(refused), what).toMatchObject({ code: 'victim.file_closed', title: expect.stringContaining(vnDate(today())) });
    }
    expect(await databaseFingerprint(ctx.t.database.db)).toEqual(before);
    // A person may always withdraw a consent.
    const withdrawn = await ctx.communeA.post(`/api/v1/victim-consents/${consent.json<{ id: string }>().id}/withdraw`, {
      reason: 'Không muốn chia sẻ thông tin nữa',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);

    const listed = (fileStatus: string) =>
      ctx.communeA
        .get(`/api/v1/victim-files?fileStatus=${fileStatus}&receivedFrom=${recent(4)}&receivedTo=${recent(4)}&limit=100`)
        .then((r) => r.json<{ items: { id: string; status: string }[] }>().items);
    expect((await listed('closed')).find((item) => item.id === file.id)).toMatchObject({ status: 'closed' });
    expect((await listed('open')).map((item) => item.id)).not.toContain(file.id);
    expect((await ctx.communeA.get(`/api/v1/victim-files?receivedFrom=${today()}&receivedTo=${recent(1)}`)).statusCode).toBe(400);

    const reopen = (body: Record<string, unknown>) => ctx.communeA.post(`/api/v1/victim-files/${file.id}/reopen`, body);
    expect(problem(await reopen({})).errors![0]!.path).toBe('reason');
    const reopened = await reopen({ reason: 'Nạn nhân quay lại xin hỗ trợ học nghề' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(problem(await reopen({ reason: 'Nạn nhân quay lại xin hỗ trợ học nghề' }))).toMatchObject({ code: 'victim.file_status' });
    expect((await detailOf(ctx.communeA, file.id)).closure).toBeNull();
    expect((await writes[5]![1]()).statusCode).toBe(201);

    expect((await auditOf(file.id, 'victim.file_closed'))[0]!.details).toMatchObject({ reason: 'other', hasNote: true });
    expect((await auditOf(file.id, 'victim.file_reopened'))[0]!.details).toMatchObject({
      reason: 'Nạn nhân quay lại xin hỗ trợ học nghề',
      closureReason: 'other',
    });
    expect(JSON.stringify(await auditOf(file.id, 'victim.file_closed'))).not.toContain('tỉnh khác');
  });
});

describe('through a referral', () => {
  it('the receiver sees the confidentiality flags, and the support, stays and visits of the referred person only', async () => {
    const file = await createFile(ctx.communeA, womanWithChild({ receivedOn: recent(5), homeOrgUnitId: ctx.communeAId }));
    const [woman, child] = (await detailOf(ctx.communeA, file.id)).persons;
    const flags = (body: Record<string, unknown>) => ctx.communeA.request('PUT', `/api/v1/victim-files/${file.id}/confidentiality`, body);
    expect(problem(await flags({ flags: ['no_media'], reason: 'ngắn' })).errors![0]!.path).toBe('reason');
    expect((await flags({ flags: ['no_press'], reason: 'Nạn nhân đề nghị giữ kín' })).statusCode).toBe(400);
    const set = await flags({ flags: ['no_media', 'closed_hearing_requested', 'no_media'], reason: 'Nạn nhân đề nghị giữ kín' });
    expect(set.statusCode, set.body).toBe(200);
    expect(
      problem(await flags({ flags: ['closed_hearing_requested', 'no_media'], reason: 'Nạn nhân đề nghị giữ kín' })).errors![0]!.path,
    ).toBe('flags');
    expect((await auditOf(file.id, 'victim.confidentiality_changed'))[0]!.details).toEqual({
      before: [],
      after: ['closed_hearing_requested', 'no_media'],
      reason: 'Nạn nhân đề nghị giữ kín',
    });

    await ctx.communeA.post(`/api/v1/victim-files/${file.id}/consents`, {
      personId: woman!.id,
      purpose: 'referral',
      givenBy: 'person',
      givenOn: recent(1),
    });
    await ctx.communeA.post(`/api/v1/victim-files/${file.id}/referrals`, {
      personId: woman!.id,
      receivingAgencyId: ctx.healthAgencyId,
      reason: 'Khám',
    });
    for (const person of [woman!, child!]) {
      const support = await ctx.communeA.post(`/api/v1/victim-files/${file.id}/support-services`, {
        personId: person.id,
        type: 'essential_needs',
        status: 'completed',
        startedOn: recent(2),
      });
      expect(support.statusCode, support.body).toBe(201);
    }
    for (const personId of [woman!.id, child!.id, null]) {
      await ctx.communeA.post(`/api/v1/victim-files/${file.id}/follow-ups`, { personId, visitedOn: recent(1), situation: 'stable' });
    }
    const facility = (await ctx.communeA.post('/api/v1/victim-facilities', { name: `Nhà tạm lánh ${uniqueWord()}`, capacity: 5 })).json<{
      id: string;
    }>();
    await ctx.communeA.post(`/api/v1/victim-files/${file.id}/stays`, {
      personId: child!.id,
      facilityId: facility.id,
      admittedOn: recent(1),
    });

    const seen = await detailOf(ctx.health, file.id);
    expect(seen.access).toBe('referral');
    expect(seen.confidentialityFlags).toEqual(['closed_hearing_requested', 'no_media']);
    expect(seen.supportServices!.map((service) => service.personId)).toEqual([woman!.id]);
    expect(seen.followUps!.map((visit) => visit.personId)).toEqual([woman!.id]);
    expect(seen.stays).toEqual([]);
    expect(seen.corrections).toBeNull();
    expect(seen.repatriations).toBeNull();
    const inbox = (await ctx.health.get(`/api/v1/victim-files?receivedFrom=${recent(5)}&limit=100`)).json<{
      items: { id: string; confidentialityFlags: string[] }[];
    }>();
    expect(inbox.items.find((item) => item.id === file.id)!.confidentialityFlags).toEqual(['closed_hearing_requested', 'no_media']);
    // The owner sees everything.
    const owner = await detailOf(ctx.communeA, file.id);
    expect(owner.followUps).toHaveLength(3);
    expect(owner.supportServices).toHaveLength(2);
  });
});

describe('repatriation', () => {
  it('only a foreign person; a handover names its date and place; the status moves forward only', async () => {
    const vietnamese = await createFile(
      ctx.communeA,
      womanWithChild({ receivedOn: recent(3), homeOrgUnitId: ctx.communeAId, child: false }),
    );
    const [citizen] = (await detailOf(ctx.communeA, vietnamese.id)).persons;
    const refused = await ctx.communeA.post(`/api/v1/victim-files/${vietnamese.id}/repatriations`, { personId: citizen!.id });
    expect(refused.statusCode).toBe(400);
    expect(problem(refused).errors).toEqual([{ path: 'personId', message: expect.stringContaining('người nước ngoài') }]);

    const file = await createFile(ctx.office, {
      orgUnitId: ctx.communeAId,
      reception: { receivedOn: recent(6), way: 'rescued' },
      person: {
        fullName: `Sok Srey ${uniqueWord()}`,
        sex: 'female',
        estimatedAge: 13,
        ageUncertain: true,
        citizenship: 'KH',
        language: 'km',
      },
      confirmNotDuplicate: true,
    });
    const [girl] = (await detailOf(ctx.communeA, file.id)).persons;
    expect(girl!.treatedAsChild).toBe(true);
    const add = (body: Record<string, unknown>, agent = ctx.communeA) =>
      agent.post(`/api/v1/victim-files/${file.id}/repatriations`, { personId: girl!.id, ...body });

    const before = await databaseFingerprint(ctx.t.database.db);
    const handedOver = await add({ status: 'handed_over' });
    expect(
      problem(handedOver)
        .errors!.map((error) => error.path)
        .sort(),
    ).toEqual(['handoverOn', 'handoverPlace']);
    expect(problem(await add({ status: 'handed_over', handoverOn: recent(-2), handoverPlace: 'Cửa khẩu Mộc Bài' })).errors![0]!.path).toBe(
      'handoverOn',
    );
    expect(problem(await add({ country: 'VN' })).errors![0]!.path).toBe('country');
    expect(problem(await add({ missionContactedOn: recent(10) })).errors![0]!.path).toBe('missionContactedOn');
    expect((await add({}, ctx.communeB)).statusCode).toBe(404);
    expect((await add({}, ctx.court)).statusCode).toBe(403);
    expect(await databaseFingerprint(ctx.t.database.db)).toEqual(before);

    // A planned handover may lie ahead; the country is the person's citizenship.
    const planned = await add({
      mission: 'Đại sứ quán Vương quốc Campuchia tại Hà Nội',
      handoverOn: recent(-5),
      notes: 'Cần phiên dịch tiếng Khmer',
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const repatriation = planned.json<{ id: string; country: string; status: string; notes: string }>();
    expect(repatriation).toMatchObject({ country: 'KH', status: 'planned', notes: 'Cần phiên dịch tiếng Khmer' });
    const update = (body: Record<string, unknown>) => ctx.communeA.patch(`/api/v1/victim-repatriations/${repatriation.id}`, body);
    expect(problem(await update({ status: 'mission_contacted' })).errors![0]!.path).toBe('missionContactedOn');
    expect((await update({ status: 'mission_contacted', missionContactedOn: recent(1) })).statusCode).toBe(200);
    expect(problem(await update({ status: 'handed_over', handoverPlace: 'Cửa khẩu quốc tế Mộc Bài' })).errors![0]!.path).toBe('handoverOn');
    const done = await update({ status: 'handed_over', handoverOn: today(), handoverPlace: 'Cửa khẩu quốc tế Mộc Bài' });
    expect(done.statusCode, done.body).toBe(200);
    const back = await update({ status: 'planned' });
    expect(back.statusCode).toBe(409);
    expect(problem(back)).toMatchObject({
      code: 'victim.repatriation_status_not_allowed',
      title: 'Không thể chuyển việc hồi hương từ trạng thái "Đã bàn giao" sang "Đang chuẩn bị hồi hương".',
    });

    const detail = await detailOf(ctx.communeA, file.id);
    expect(detail.repatriations).toEqual([
      expect.objectContaining({
        id: repatriation.id,
        status: 'handed_over',
        handoverOn: today(),
        handoverPlace: 'Cửa khẩu quốc tế Mộc Bài',
        missionContactedOn: recent(1),
      }),
    ]);
    const [stored] = await queryRows<{ notes_enc: string }>(
      ctx.t.database.db,
      sql`select notes_enc from victim_repatriations where id = ${repatriation.id}::uuid`,
    );
    expect(stored!.notes_enc).toMatch(/^v1:/);
    expect((await auditOf(file.id, 'victim.repatriation_updated')).map((event) => (event.details as { to: string }).to)).toEqual([
      'handed_over',
      'mission_contacted',
    ]);
  });
});

describe('confidentiality at rest', () => {
  it('stores no plaintext of a correction, a closure note or repatriation notes in any table', async () => {
    const body = womanWithChild({ receivedOn: recent(4), homeOrgUnitId: ctx.communeAId, child: false, citizenship: 'LA' });
    const file = await createFile(ctx.communeA, body);
    const detail = await detailOf(ctx.communeA, file.id);
    const [woman] = detail.persons;
    const newName = `Phonsavanh ${uniqueWord()}`;
    const corrected = await ctx.communeA.patch(`/api/v1/victim-persons/${woman!.id}`, {
      person: { ...body.person, fullName: newName },
      reason: 'Đính chính theo hộ chiếu bản gốc',
      version: detail.version,
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const notes = `Liên hệ người nhà qua ${uniqueWord()} tại Viêng Chăn`;
    const repatriation = await ctx.communeA.post(`/api/v1/victim-files/${file.id}/repatriations`, { personId: woman!.id, notes });
    expect(repatriation.statusCode, repatriation.body).toBe(201);
    const note = `Đã về sống cùng ${uniqueWord()} ở Lào`;
    const closed = await ctx.communeA.post(`/api/v1/victim-files/${file.id}/close`, { closedOn: today(), reason: 'other', note });
    expect(closed.statusCode, closed.body).toBe(200);

    const secrets = [body.person.fullName, body.person.fullName.split(' ').at(-1)!, newName, newName.split(' ').at(-1)!, notes, note];
    const tables = await queryRows<{ table_name: string }>(
      ctx.t.database.db,
      sql`select table_name from information_schema.tables where table_schema = current_schema() and (table_name like 'victim%' or table_name = 'audit_events')`,
    );
    expect(tables.map((table) => table.table_name)).toEqual(
      expect.arrayContaining(['victim_record_versions', 'victim_repatriations', 'victim_attachments', 'victim_files']),
    );
    for (const { table_name } of tables) {
      const rows = await queryRows<{ row: string }>(ctx.t.database.db, sql`select t::text as row from ${sql.identifier(table_name)} t`);
      for (const { row } of rows) for (const secret of secrets) expect(row, `${table_name} holds "${secret}"`).not.toContain(secret);
    }
    const [stored] = await queryRows<{ closure_note_enc: string }>(
      ctx.t.database.db,
      sql`select closure_note_enc from victim_files where id = ${file.id}::uuid`,
    );
    expect(stored!.closure_note_enc).toMatch(/^v1:/);
    // And they come back to the readers of the file.
    const after = await detailOf(ctx.communeA, file.id);
    expect(after.closure!.note).toBe(note);
    expect(after.repatriations![0]!.notes).toBe(notes);
  });
});
