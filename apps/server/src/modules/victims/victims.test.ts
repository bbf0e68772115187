import { agencies, auditEvents, queryRows } from '@atmis/db';
import { type VictimFileDetail } from '@atmis/domain';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../app.ts';
import { databaseFingerprint } from '../../testing/database-fingerprint.ts';
import { type Agent } from '../../testing/test-app.ts';
import { createFile, uniqueWord, useVictimTestContext, womanWithChild } from './victim-test-kit.ts';

const ctx = useVictimTestContext('communeA', 'communeB', 'office', 'health', 'court');
const { today, recent, problem } = ctx;
const list = (response: { json: <T>() => T }) =>
  response.json<{ items: { id: string; primary: { maskedName: string } }[]; total: number }>();

async function reveal(agent: Agent, fileId: string, reason: string, fields: string[]) {
  return agent.post(`/api/v1/victim-files/${fileId}/reveal`, { reason, fields });
}

describe('reception by a commune officer', () => {
  it('records a woman with her child; the child, whose age is uncertain, is treated as a child; identity is masked', async () => {
    const body = womanWithChild({ receivedOn: recent(1), homeOrgUnitId: ctx.communeAId });
    const response = await ctx.communeA.post('/api/v1/victim-files', body);
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json<{ id: string; reference: string; warnings: Record<string, string> }>();
    expect(created.reference).toMatch(/^NN-\d{4}-[A-Z0-9]{6}$/);
    // The child has no guardian on record: a warning, not an error.
    expect(created.warnings['companions.0.person.guardian']).toMatch(/trẻ em|dưới 18/);

    const detail = (await ctx.communeA.get(`/api/v1/victim-files/${created.id}`)).json<VictimFileDetail>();
    expect(detail.orgUnitId).toBe(ctx.communeAId);
    expect(detail.identityMasked).toBe(true);
    expect(detail.canRevealIdentity).toBe(true);
    const [woman, child] = detail.persons;
    expect(woman).toMatchObject({
      role: 'under_identification',
      sex: 'female',
      birthYear: 1998,
      treatedAsChild: false,
      ageBand: '18_plus',
    });
    expect(woman!.maskedName).toMatch(/^N\.T\.H\.K\.$/);
    expect(woman!.citizenIdMasked).toMatch(/^\*{8}\d{4}$/);
    expect(woman!.phoneMasked).toBe(`+********${body.person.phone.slice(-3)}`);
    expect(woman!.identificationStatus).toBe('received');
    expect(child).toMatchObject({ role: 'accompanying_child', relatedPersonId: woman!.id, relationship: 'Con', ageUncertain: true });
    expect(child!.treatedAsChild).toBe(true);
    expect(child!.ageBand).toBe('under_16');
    expect(child!.identificationStatus).toBeNull();
    expect(detail.reception).toMatchObject({
      way: 'handed_over_by_foreign_authority',
      fromCountry: 'CN',
      initialSupport: body.reception.initialSupport,
    });
    expect(detail.deadlines).toContainEqual(expect.objectContaining({ code: 'initial_verification' }));
    // Nothing in the detail is the plaintext identity.
    expect(JSON.stringify(detail)).not.toContain(body.person.citizenId!);
    expect(JSON.stringify(detail)).not.toContain(body.person.fullName);
    // Opening the file is recorded (who, which file, how); another commune's refused attempt is not a reading.
    expect((await ctx.communeB.get(`/api/v1/victim-files/${created.id}`)).statusCode).toBe(404);
    const views = await ctx.t.database.db
      .select({ actor: auditEvents.actorUsername, details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'victim.file_viewed'), eq(auditEvents.entityId, created.id)));
    expect(views).toEqual([{ actor: 'xa.a', details: expect.objectContaining({ reference: created.reference, via: 'file' }) }]);
  });

  it('keeps the file from another commune: 404, not found by name or citizen ID, duplicate named only by its unit', async () => {
    const body = womanWithChild({ receivedOn: recent(2), homeOrgUnitId: ctx.communeAId });
    const file = await createFile(ctx.communeA, body);
    const word = body.person.fullName.split(' ').at(-1)!;

    // The owner finds it by words of the name without accents, and by the exact citizen ID.
    const byName = list(await ctx.communeA.get(`/api/v1/victim-files?q=${encodeURIComponent(`nguyen hoa ${word.toLowerCase()}`)}`));
    expect(byName.items.map((item) => item.id)).toEqual([file.id]);
    expect(byName.items[0]!.primary.maskedName).toBe('N.T.H.K.');
    const byId = list(await ctx.communeA.get(`/api/v1/victim-files?citizenId=${body.person.citizenId}`));
    expect(byId.items.map((item) => item.id)).toEqual([file.id]);
    expect(list(await ctx.communeA.get(`/api/v1/victim-files?q=${body.person.citizenId}`)).items.map((item) => item.id)).toEqual([file.id]);

    // The other commune: nothing.
    expect((await ctx.communeB.get(`/api/v1/victim-files/${file.id}`)).statusCode).toBe(404);
    expect(list(await ctx.communeB.get(`/api/v1/victim-files?q=${encodeURIComponent(`nguyen hoa ${word}`)}`)).total).toBe(0);
    expect(list(await ctx.communeB.get(`/api/v1/victim-files?citizenId=${body.person.citizenId}`)).total).toBe(0);
    const reveal404 = await reveal(ctx.communeB, file.id, 'Kiểm tra hồ sơ trùng lặp', ['fullName']);
    expect(reveal404.statusCode).toBe(404);

    // Creating the same person there: refused, naming only the unit that holds the file; no file or person
    // written (the probe itself is audited and the holding unit told: victim-duplicate-probe.test.ts).
    const victimRows = () =>
      queryRows<{ files: number; persons: number }>(
        ctx.t.database.db,
        sql`select (select count(*) from victim_files)::int as files, (select count(*) from victim_persons)::int as persons`,
      );
    const before = await victimRows();
    const again = await ctx.communeB.post('/api/v1/victim-files', { ...body, companions: [] });
    expect(again.statusCode).toBe(409);
    const refused = problem(again);
    expect(refused.code).toBe('victim.possible_duplicate_elsewhere');
    expect(refused.title).toContain(`Có thể trùng với hồ sơ tại đơn vị ${ctx.communeAName}`);
    expect(refused.duplicates).toBeUndefined();
    expect(again.body).not.toContain(file.id);
    expect(again.body).not.toContain(file.reference);
    expect(await victimRows()).toEqual(before);

    // A typo in the name and no citizen ID still match (same home commune, birth year ±1).
    const typo = await ctx.communeB.post('/api/v1/victim-files', {
      ...body,
      person: { ...body.person, fullName: body.person.fullName.replace('Hoà', 'Hoa'), citizenId: null, dateOfBirth: null, birthYear: 1999 },
      companions: [],
    });
    expect(problem(typo).code).toBe('victim.possible_duplicate_elsewhere');

    // In the owner's scope, the match is given so that the officer can open it.
    const own = await ctx.communeA.post('/api/v1/victim-files', { ...body, companions: [] });
    expect(own.statusCode).toBe(409);
    expect(problem(own).code).toBe('victim.possible_duplicate');
    expect(problem(own).duplicates).toEqual([{ fileId: file.id, reference: file.reference }]);
    // Confirmed as another person: created.
    const confirmed = await ctx.communeB.post('/api/v1/victim-files', { ...body, companions: [], confirmNotDuplicate: true });
    expect(confirmed.statusCode).toBe(201);
  });

  it('matches a home address written before the 2025 reform with the commune that kept its code', async () => {
    // The pre-2025 commune whose national code commune A kept.
    const [old] = await queryRows<{ id: string }>(
      ctx.t.database.db,
      sql`select o.id from org_units o join org_units n on n.code = o.code and n.level = 'commune'
          where n.id = ${ctx.communeAId} and o.level = 'commune' and o.id <> n.id`,
    );
    expect(old!.id).toMatch(/^VN\.L\d{2}\.\d{3}\.\d{5}$/);
    const before2025 = womanWithChild({ receivedOn: recent(3), homeOrgUnitId: old!.id, citizenId: null, child: false });
    const file = await createFile(ctx.communeA, before2025);
    // The same woman received again, her address now in the new commune, with no citizen ID and a typo in her name.
    const again = await ctx.communeA.post('/api/v1/victim-files', {
      ...before2025,
      person: { ...before2025.person, fullName: before2025.person.fullName.replace('Hoà', 'Hoa'), homeOrgUnitId: ctx.communeAId },
    });
    expect(again.statusCode).toBe(409);
    expect(problem(again)).toMatchObject({ code: 'victim.possible_duplicate', duplicates: [{ fileId: file.id }] });
  });

  it('refuses bad input with Vietnamese field errors and writes nothing', async () => {
    const valid = womanWithChild({ receivedOn: recent(1), homeOrgUnitId: ctx.communeAId });
    const cases: { body: unknown; paths: string[] }[] = [
      { body: { ...valid, person: { ...valid.person, dateOfBirth: '2026-02-30' } }, paths: ['person.dateOfBirth'] },
      {
        body: { ...valid, person: { ...valid.person, dateOfBirth: `${Number(today().slice(0, 4)) + 1}-01-01`, citizenId: null } },
        paths: ['person.dateOfBirth'],
      },
      { body: { ...valid, person: { ...valid.person, citizenId: '999198123456' } }, paths: ['person.citizenId'] },
      { body: { ...valid, person: { ...valid.person, citizenId: '12345' } }, paths: ['person.citizenId'] },
      { body: { ...valid, person: { ...valid.person, homeOrgUnitId: 'VN.31.99999' } }, paths: ['person.homeOrgUnitId'] },
      {
        body: { ...valid, person: { ...valid.person, phone: '123' }, reception: { ...valid.reception, receivedOn: '2099-01-01' } },
        paths: ['person.phone', 'reception.receivedOn'],
      },
      { body: { ...valid, reception: { ...valid.reception, receivedOn: '2025-13-01' } }, paths: ['reception.receivedOn'] },
      { body: { ...valid, person: { ...valid.person, unknownField: 1 } }, paths: ['person.unknownField'] },
      {
        body: { ...valid, companions: [{ ...valid.companions[0], person: { fullName: '', sex: 'x' } }] },
        paths: ['companions.0.person.fullName', 'companions.0.person.sex'],
      },
    ];
    for (const { body, paths } of cases) {
      const before = await databaseFingerprint(ctx.t.database.db);
      const response = await ctx.communeA.post('/api/v1/victim-files', body);
      expect(response.statusCode, JSON.stringify(paths)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const errors = problem(response).errors ?? [];
      for (const path of paths) {
        const error = errors.find((candidate) => candidate.path === path);
        expect(error, `${path} in ${JSON.stringify(errors)}`).toBeDefined();
        expect(error!.message).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳýạ]|không|phải/i);
      }
      expect(await databaseFingerprint(ctx.t.database.db)).toEqual(before);
    }
  });
});

describe('confidentiality', () => {
  it('reveals identity only for a stated reason, and every reveal is in the audit trail with its reason', async () => {
    const body = womanWithChild({ receivedOn: recent(3), homeOrgUnitId: ctx.communeAId });
    const file = await createFile(ctx.communeA, body);

    const short = await reveal(ctx.communeA, file.id, 'xem', ['fullName']);
    expect(short.statusCode).toBe(400);
    expect((await reveal(ctx.health, file.id, 'Cần liên hệ để hỗ trợ y tế', ['phone'])).statusCode).toBe(403);
    expect((await reveal(ctx.court, file.id, 'Phục vụ xét xử vụ án mua bán người', ['fullName'])).statusCode).toBe(403);

    const first = await reveal(ctx.communeA, file.id, 'Liên hệ gia đình để đón nạn nhân về', [
      'fullName',
      'phone',
      'citizenId',
      'homeAddress',
    ]);
    expect(first.statusCode, first.body).toBe(200);
    const [woman, child] = first.json<{ persons: Record<string, unknown>[] }>().persons;
    expect(woman).toEqual({
      id: expect.any(String),
      fullName: body.person.fullName,
      phone: `+84${body.person.phone.replace(/\s/g, '').slice(1)}`,
      citizenId: body.person.citizenId,
      homeAddress: body.person.homeAddress,
    });
    expect(child!.fullName).toBe(body.companions[0]!.person.fullName);
    const second = await reveal(ctx.office, file.id, 'Đối chiếu danh sách nạn nhân với Công an tỉnh', ['citizenId']);
    expect(second.statusCode).toBe(200);

    const events = await ctx.t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'victim.reveal'), eq(auditEvents.entityId, file.id)));
    expect(events.map((event) => [event.actorUsername, (event.details as { reason: string }).reason])).toEqual([
      ['xa.a', 'Liên hệ gia đình để đón nạn nhân về'],
      ['tinh.thuongtruc', 'Đối chiếu danh sách nạn nhân với Công an tỉnh'],
    ]);
    expect((events[0]!.details as { fields: string[] }).fields).toEqual(['fullName', 'phone', 'citizenId', 'homeAddress']);
    // The trail names the fields, never the values; and the standing office reads it through the API.
    expect(JSON.stringify(events)).not.toContain(body.person.citizenId!);
    const trail = await ctx.office.get(`/api/v1/audit-events?action=victim.reveal&q=${file.id}`);
    expect(
      trail
        .json<{ items: { details: { reason: string } }[] }>()
        .items.map((item) => item.details.reason)
        .sort(),
    ).toEqual(['Liên hệ gia đình để đón nạn nhân về', 'Đối chiếu danh sách nạn nhân với Công an tỉnh']);
  });

  it('stores no plaintext citizen ID, phone, name, address or statement in the tables', async () => {
    const body = womanWithChild({ receivedOn: recent(2), homeOrgUnitId: ctx.communeAId });
    const file = await createFile(ctx.communeA, body);
    const statement = `Tôi bị đưa sang Trung Quốc bởi người tên ${uniqueWord()} và bị ép kết hôn.`;
    const recorded = await ctx.communeA.post(`/api/v1/victim-files/${file.id}/statements`, { takenOn: recent(1), content: statement });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const threat = `Đối tượng ${uniqueWord()} gọi điện đe dọa gia đình`;
    expect(
      (await ctx.communeA.post(`/api/v1/victim-files/${file.id}/threats`, { reportedOn: recent(1), description: threat })).statusCode,
    ).toBe(201);

    const secrets = [
      body.person.citizenId!,
      body.person.fullName,
      body.person.fullName.split(' ').at(-1)!,
      body.person.homeAddress,
      body.person.phone.replace(/\s/g, '').slice(1),
      statement,
      statement.slice(20, 40),
      threat,
      body.reception.initialSupport,
    ];
    const tables = await queryRows<{ table_name: string }>(
      ctx.t.database.db,
      sql`select table_name from information_schema.tables where table_schema = current_schema() and (table_name like 'victim%' or table_name = 'audit_events')`,
    );
    expect(tables.length).toBeGreaterThanOrEqual(14);
    for (const { table_name } of tables) {
      const rows = await queryRows<{ row: string }>(ctx.t.database.db, sql`select t::text as row from ${sql.identifier(table_name)} t`);
      for (const { row } of rows) for (const secret of secrets) expect(row, `${table_name} holds "${secret}"`).not.toContain(secret);
    }
    // The statement is there, encrypted, and comes back only through the audited reveal.
    const [stored] = await queryRows<{ content_enc: string }>(
      ctx.t.database.db,
      sql`select content_enc from victim_statements where file_id = ${file.id}::uuid`,
    );
    expect(stored!.content_enc).toMatch(/^v1:[A-Za-z0-9_-]+:/);
    const shown = await reveal(ctx.communeA, file.id, 'Chuyển lời khai cho cơ quan điều tra', ['statements']);
    expect(shown.json<{ statements: { content: string }[] }>().statements.map((s) => s.content)).toEqual([statement]);
    const detail = (await ctx.communeA.get(`/api/v1/victim-files/${file.id}`)).json<VictimFileDetail>();
    expect(detail.statements).toHaveLength(1);
    expect(JSON.stringify(detail.statements)).not.toContain(statement);
    expect(detail.protectionDetails!.threats.map((entry) => entry.description)).toEqual([threat]);
  });

  it('shows the court nothing of victims or support', async () => {
    const file = await createFile(ctx.communeA, womanWithChild({ receivedOn: recent(1), homeOrgUnitId: ctx.communeAId }));
    expect((await ctx.court.get('/api/v1/victim-files')).statusCode).toBe(403);
    expect((await ctx.court.get(`/api/v1/victim-files/${file.id}`)).statusCode).toBe(403);
    expect((await ctx.court.get('/api/v1/victim-referrals')).statusCode).toBe(403);
    expect((await ctx.court.get('/api/v1/victim-support-rates')).statusCode).toBe(403);
    expect((await ctx.court.get(`/api/v1/victim-statistics?start=${recent(30)}&end=${today()}`)).statusCode).toBe(403);
    const support = await ctx.court.post(`/api/v1/victim-files/${file.id}/support-services`, { personId: file.id, type: 'medical' });
    expect(support.statusCode).toBe(403);
  });
});

describe('identification', () => {
  it('goes received → verifying → victim (decision with evidence) → revised → not a victim, keeping the history', async () => {
    const file = await createFile(ctx.communeA, womanWithChild({ receivedOn: recent(20), homeOrgUnitId: ctx.communeAId }));
    const detail = () => ctx.communeA.get(`/api/v1/victim-files/${file.id}`).then((r) => r.json<VictimFileDetail>());
    const [woman, child] = (await detail()).persons;
    const step = (body: Record<string, unknown>, personId = woman!.id, agent = ctx.communeA) =>
      agent.post(`/api/v1/victim-persons/${personId}/identification`, body);
    const decision = { decidingAgency: 'Công an tỉnh Hải Phòng', decisionNumber: '15/QĐ-CAT-PV01', legalBasis: 'Điều 32 Luật PCMBN 2024' };

    // Overdue initial verification (3 days after reception) until verification starts.
    expect((await detail()).deadlines.find((d) => d.code === 'initial_verification')!.status).toBe('overdue');
    expect(
      (await step({ transition: 'decide_victim', ...decision, decisionDate: recent(1), evidenceSources: ['rescuing_agency'] })).statusCode,
    ).toBe(409);
    expect(problem(await step({ transition: 'start_verification' }, child!.id)).code).toBe('validation.failed');
    expect((await step({ transition: 'start_verification' }, woman!.id, ctx.communeB)).statusCode).toBe(404);
    const started = await step({ transition: 'start_verification', indicators: ['documents_withheld', 'irregular_border_crossing'] });
    expect(started.statusCode, started.body).toBe(200);
    expect((await detail()).deadlines.find((d) => d.code === 'initial_verification')!.status).toBe('done');

    // A victim decision needs its legal basis of evidence; the date cannot precede reception.
    const before = await databaseFingerprint(ctx.t.database.db);
    const missing = await step({ transition: 'decide_victim', ...decision, decisionDate: recent(30), evidenceSources: [] });
    expect(missing.statusCode).toBe(400);
    expect(
      problem(missing)
        .errors!.map((e) => e.path)
        .sort(),
    ).toEqual(['decisionDate', 'evidenceSources']);
    expect(await databaseFingerprint(ctx.t.database.db)).toEqual(before);

    expect(
      (
        await step({
          transition: 'decide_victim',
          ...decision,
          decisionDate: recent(5),
          evidenceSources: ['person_statement', 'rescuing_agency'],
        })
      ).statusCode,
    ).toBe(200);
    let current = await detail();
    expect(current.persons[0]).toMatchObject({ role: 'victim', identificationStatus: 'identified_victim' });
    expect(current.identificationHistory!.at(-1)).toMatchObject({
      transition: 'decide_victim',
      outcome: 'victim',
      decisionNumber: '15/QĐ-CAT-PV01',
      evidenceSources: ['rescuing_agency', 'person_statement'],
    });

    expect((await step({ transition: 'revise' })).statusCode).toBe(400);
    expect((await step({ transition: 'revise', reason: 'Có tài liệu mới của cơ quan điều tra' })).statusCode).toBe(200);
    // A new decision may not predate the revised one.
    expect(problem(await step({ transition: 'decide_not_victim', ...decision, decisionDate: recent(6) })).errors![0]!.path).toBe(
      'decisionDate',
    );
    expect(
      (await step({ transition: 'decide_not_victim', ...decision, decisionNumber: '16/QĐ-CAT', decisionDate: recent(2) })).statusCode,
    ).toBe(200);
    current = await detail();
    expect(current.persons[0]).toMatchObject({ role: 'not_victim', identificationStatus: 'not_victim' });
    const history = current.identificationHistory!;
    expect(history.map((entry) => entry.transition)).toEqual(['start_verification', 'decide_victim', 'revise', 'decide_not_victim']);
    expect(history[0]!.indicators).toEqual(['documents_withheld', 'irregular_border_crossing']);
    expect(history[2]!.revisedEventId).toBe(history[1]!.id);
    const audited = await ctx.t.database.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'victim.identification_transition'), eq(auditEvents.entityId, file.id)));
    expect(audited).toHaveLength(4);
  });
});

describe('referral', () => {
  it('needs consent or a legal basis; the receiver sees the referral sections only, accepts, records support, completes', async () => {
    const body = womanWithChild({ receivedOn: recent(3), homeOrgUnitId: ctx.communeAId });
    const file = await createFile(ctx.communeA, body);
    const [woman, child] = (await ctx.communeA.get(`/api/v1/victim-files/${file.id}`)).json<VictimFileDetail>().persons;
    await ctx.communeA.post(`/api/v1/victim-files/${file.id}/statements`, { takenOn: recent(1), content: 'Lời khai chi tiết' });
    const send = (personId: string, extra: Record<string, unknown> = {}) =>
      ctx.communeA.post(`/api/v1/victim-files/${file.id}/referrals`, {
        personId,
        receivingAgencyId: ctx.healthAgencyId,
        reason: 'Đề nghị khám, điều trị và hỗ trợ tâm lý',
        services: ['medical', 'psychological'],
        ...extra,
      });

    // No consent yet: refused, nothing written.
    const before = await databaseFingerprint(ctx.t.database.db);
    const refused = await send(woman!.id);
    expect(refused.statusCode).toBe(409);
    expect(problem(refused).code).toBe('victim.referral_basis_missing');
    expect(problem(refused).title).toContain('chưa có sự đồng ý của chính người đó');
    expect(await databaseFingerprint(ctx.t.database.db)).toEqual(before);
    // The child (treated as a child, 9): the guardian's consent and the child's own.
    expect(problem(await send(child!.id)).title).toContain('của cha, mẹ hoặc người giám hộ và của chính người đó');

    const consent = await ctx.communeA.post(`/api/v1/victim-files/${file.id}/consents`, {
      personId: woman!.id,
      purpose: 'referral',
      givenBy: 'person',
      givenOn: recent(1),
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const sent = await send(woman!.id);
    expect(sent.statusCode, sent.body).toBe(201);
    const referral = sent.json<{ id: string; status: string; basis: string; answerDueOn: string; allowedActions: string[] }>();
    expect(referral).toMatchObject({ status: 'sent', basis: 'consent', allowedActions: ['cancel'] });
    expect(problem(await send(woman!.id)).code).toBe('victim.referral_already_active');

    // The child goes on a legal basis instead.
    const legal = await send(child!.id, { legalBasis: 'Bảo vệ tính mạng, sức khỏe của trẻ em (khẩn cấp)' });
    expect(legal.statusCode).toBe(201);

    // The receiving agency's inbox: masked, with the answer's due date.
    const inbox = (await ctx.health.get('/api/v1/victim-referrals?view=incoming&status=sent')).json<{
      items: { id: string; personMaskedName: string; allowedActions: string[]; isOverdue: boolean }[];
    }>();
    const incoming = inbox.items.find((item) => item.id === referral.id)!;
    expect(incoming).toMatchObject({ personMaskedName: 'N.T.H.K.', allowedActions: ['accept', 'decline'], isOverdue: false });
    const outgoing = (await ctx.communeA.get('/api/v1/victim-referrals?view=outgoing')).json<{ items: { id: string }[] }>();
    expect(outgoing.items.map((item) => item.id)).toContain(referral.id);

    // What the receiver sees of the file: the referral sections, for the referred persons only.
    const seen = await ctx.health.get(`/api/v1/victim-files/${file.id}`);
    expect(seen.statusCode).toBe(200);
    const view = seen.json<VictimFileDetail>();
    expect(view.access).toBe('referral');
    expect(view.sections).toEqual(['identity', 'identification', 'needs', 'support_plan', 'support_records', 'protection_summary']);
    expect(view.statements).toBeNull();
    expect(view.reception).toBeNull();
    expect(view.protectionDetails).toBeNull();
    expect(view.consents).toBeNull();
    expect(view.persons.map((person) => person.id).sort()).toEqual([woman!.id, child!.id].sort());
    expect(view.canRevealIdentity).toBe(false);
    const word = body.person.fullName.split(' ').at(-1)!;
    expect(
      (await ctx.health.get(`/api/v1/victim-files?q=${word}`)).json<{ items: { id: string; access: string }[] }>().items,
    ).toContainEqual(expect.objectContaining({ id: file.id, access: 'referral' }));

    // Wrong party: the receiver cannot cancel, the sender cannot accept.
    expect((await ctx.health.post(`/api/v1/victim-referrals/${referral.id}/cancel`, { reason: 'Không phù hợp' })).statusCode).toBe(403);
    expect((await ctx.communeA.post(`/api/v1/victim-referrals/${referral.id}/accept`, {})).statusCode).toBe(403);
    expect((await ctx.communeB.post(`/api/v1/victim-referrals/${referral.id}/accept`, {})).statusCode).toBe(404);
    expect((await ctx.health.post(`/api/v1/victim-referrals/${referral.id}/complete`, {})).statusCode).toBe(409);

    const accepted = await ctx.health.post(`/api/v1/victim-referrals/${referral.id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json<{ status: string; allowedActions: string[] }>()).toMatchObject({
      status: 'accepted',
      allowedActions: ['complete'],
    });

    // The receiver records the medical support it gives; amounts are whole đồng.
    const negative = await ctx.health.post(`/api/v1/victim-files/${file.id}/support-services`, {
      personId: woman!.id,
      type: 'medical',
      amountVnd: -5,
    });
    expect(negative.statusCode).toBe(400);
    const support = await ctx.health.post(`/api/v1/victim-files/${file.id}/support-services`, {
      personId: woman!.id,
      type: 'medical',
      providerAgencyId: ctx.healthAgencyId,
      status: 'in_progress',
      startedOn: today(),
      amountVnd: 1_500_000,
      referralId: referral.id,
      notes: 'Khám phụ khoa, xét nghiệm',
    });
    expect(support.statusCode, support.body).toBe(201);
    const supportId = support.json<{ id: string }>().id;
    const done = await ctx.health.patch(`/api/v1/victim-support-services/${supportId}`, {
      status: 'completed',
      endedOn: today(),
      amountVnd: 2_350_000,
    });
    expect(done.json<{ status: string; amountVnd: number }>()).toMatchObject({ status: 'completed', amountVnd: 2_350_000 });
    expect(problem(await ctx.health.patch(`/api/v1/victim-support-services/${supportId}`, { status: 'planned' })).code).toBe(
      'victim.support_status_not_allowed',
    );
    // The commune (the file's owner) sees the support it was given; the court still sees nothing.
    const owner = (await ctx.communeA.get(`/api/v1/victim-files/${file.id}`)).json<VictimFileDetail>();
    expect(owner.supportServices!.map((service) => [service.type, service.amountVnd, service.notes])).toEqual([
      ['medical', 2_350_000, 'Khám phụ khoa, xét nghiệm'],
    ]);

    const completed = await ctx.health.post(`/api/v1/victim-referrals/${referral.id}/complete`, {});
    expect(completed.json<{ status: string }>().status).toBe('completed');
    // Completed: the receiver no longer reaches the woman's file through that referral (the child's is still active).
    const after = (await ctx.health.get(`/api/v1/victim-files/${file.id}`)).json<VictimFileDetail>();
    expect(after.persons.map((person) => person.id)).toEqual([child!.id]);

    // Decline needs a reason; the sender cancels the other one with a reason.
    const childReferral = legal.json<{ id: string }>().id;
    expect((await ctx.health.post(`/api/v1/victim-referrals/${childReferral}/decline`, {})).statusCode).toBe(400);
    const cancelled = await ctx.communeA.post(`/api/v1/victim-referrals/${childReferral}/cancel`, {
      reason: 'Gia đình đã đưa cháu đi khám',
    });
    expect(cancelled.json<{ status: string; cancelReason: string }>()).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Gia đình đã đưa cháu đi khám',
    });
    expect((await ctx.health.get(`/api/v1/victim-files/${file.id}`)).statusCode).toBe(404);

    // A withdrawn consent no longer allows a referral.
    const consentId = consent.json<{ id: string }>().id;
    const withdrawn = await ctx.communeA.post(`/api/v1/victim-consents/${consentId}/withdraw`, {
      reason: 'Nạn nhân không muốn chia sẻ nữa',
    });
    expect(withdrawn.json<{ inForce: boolean }>().inForce).toBe(false);
    expect(problem(await ctx.communeA.post(`/api/v1/victim-consents/${consentId}/withdraw`, { reason: 'Lần nữa' })).code).toBe(
      'victim.consent_already_withdrawn',
    );
    expect(problem(await send(woman!.id)).code).toBe('victim.referral_basis_missing');
  });

  it('flags a referral not answered within 3 working days as overdue in the receiver inbox', async () => {
    const file = await createFile(ctx.communeA, womanWithChild({ receivedOn: recent(1), homeOrgUnitId: ctx.communeAId, child: false }));
    const [woman] = (await ctx.communeA.get(`/api/v1/victim-files/${file.id}`)).json<VictimFileDetail>().persons;
    const sent = await ctx.communeA.post(`/api/v1/victim-files/${file.id}/referrals`, {
      personId: woman!.id,
      receivingAgencyId: ctx.healthAgencyId,
      reason: 'Khám sức khỏe',
      legalBasis: 'Văn bản đề nghị của Viện kiểm sát',
    });
    const referral = sent.json<{ id: string; answerDueOn: string; isOverdue: boolean }>();
    expect(referral.isOverdue).toBe(false);
    // Sent ten days ago (moving the clock would end every session of the test).
    await ctx.t.database.db.execute(
      sql`update victim_referrals set sent_on = ${recent(10)}::date, answer_due_on = ${recent(5)}::date where id = ${referral.id}::uuid`,
    );
    const overdue = (await ctx.health.get('/api/v1/victim-referrals?view=incoming&overdue=true&limit=100')).json<{
      items: { id: string; isOverdue: boolean; timing: string }[];
    }>();
    expect(overdue.items.find((item) => item.id === referral.id)).toMatchObject({ isOverdue: true, timing: 'overdue' });
    const outgoing = (await ctx.communeA.get('/api/v1/victim-referrals?view=outgoing&overdue=true&limit=100')).json<{
      items: { id: string }[];
    }>();
    expect(outgoing.items.map((item) => item.id)).toContain(referral.id);
  });
});

describe('support rates', () => {
  it('are entered at province level by those who manage support, never by a commune', async () => {
    const rate = {
      orgUnitId: 'VN.31',
      type: 'initial_hardship',
      amountVnd: 1_500_000,
      validFrom: '2025-01-01',
      legalBasis: `Nghị quyết ${uniqueWord()} của HĐND thành phố`,
    };
    expect((await ctx.communeA.post('/api/v1/victim-support-rates', rate)).statusCode).toBe(403);
    expect(problem(await ctx.office.post('/api/v1/victim-support-rates', { ...rate, orgUnitId: ctx.communeAId })).code).toBe(
      'validation.failed',
    );
    const created = await ctx.office.post('/api/v1/victim-support-rates', rate);
    expect(created.statusCode, created.body).toBe(201);
    const rates = (
      await ctx.communeA.get(`/api/v1/victim-support-rates?type=initial_hardship&orgUnitId=${ctx.communeAId}&on=${today()}`)
    ).json<{
      items: { id: string; amountVnd: number }[];
    }>();
    expect(rates.items).toContainEqual(expect.objectContaining({ id: created.json<{ id: string }>().id, amountVnd: 1_500_000 }));
    // A support at that rate takes its amount.
    const file = await createFile(ctx.communeA, womanWithChild({ receivedOn: recent(1), homeOrgUnitId: ctx.communeAId, child: false }));
    const [woman] = (await ctx.communeA.get(`/api/v1/victim-files/${file.id}`)).json<VictimFileDetail>().persons;
    const support = await ctx.communeA.post(`/api/v1/victim-files/${file.id}/support-services`, {
      personId: woman!.id,
      type: 'initial_hardship',
      rateId: created.json<{ id: string }>().id,
      appliedOn: today(),
    });
    expect(support.json<{ amountVnd: number; status: string; decisionDueOn: string }>()).toMatchObject({
      amountVnd: 1_500_000,
      status: 'planned',
    });
  });
});

describe('facilities', () => {
  it('admits a person within capacity, one place at a time, and discharges', async () => {
    const facility = await ctx.office.post('/api/v1/victim-facilities', {
      name: `Cơ sở bảo trợ xã hội ${uniqueWord()}`,
      orgUnitId: 'VN.31',
      capacity: 1,
    });
    expect(facility.statusCode, facility.body).toBe(201);
    const facilityId = facility.json<{ id: string }>().id;
    const other = (await ctx.communeA.post('/api/v1/victim-facilities', { name: `Nhà tạm lánh xã ${uniqueWord()}`, capacity: 5 })).json<{
      id: string;
    }>().id;
    // The commune places persons in the city's facility and its own.
    const seen = (await ctx.communeA.get('/api/v1/victim-facilities')).json<{ items: { id: string; occupied: number }[] }>().items;
    expect(seen.map((item) => item.id)).toEqual(expect.arrayContaining([facilityId, other]));
    expect(
      (await ctx.communeB.get('/api/v1/victim-facilities')).json<{ items: { id: string }[] }>().items.map((item) => item.id),
    ).not.toContain(other);

    const file = await createFile(ctx.communeA, womanWithChild({ receivedOn: recent(2), homeOrgUnitId: ctx.communeAId }));
    const [woman, child] = (await ctx.communeA.get(`/api/v1/victim-files/${file.id}`)).json<VictimFileDetail>().persons;
    const admit = (personId: string, target = facilityId) =>
      ctx.communeA.post(`/api/v1/victim-files/${file.id}/stays`, {
        personId,
        facilityId: target,
        admittedOn: recent(1),
        notes: 'Phòng số 3',
      });
    const admitted = await admit(woman!.id);
    expect(admitted.statusCode, admitted.body).toBe(201);
    expect(admitted.json<{ notes: string; dischargedOn: null }>()).toMatchObject({ notes: 'Phòng số 3', dischargedOn: null });
    expect(problem(await admit(child!.id)).code).toBe('victim.facility_full');
    expect(problem(await admit(woman!.id, other)).code).toBe('victim.stay_open');
    expect(
      (await ctx.communeB.post(`/api/v1/victim-files/${file.id}/stays`, { personId: woman!.id, facilityId, admittedOn: recent(1) }))
        .statusCode,
    ).toBe(404);

    const stayId = admitted.json<{ id: string }>().id;
    const early = await ctx.communeA.post(`/api/v1/victim-stays/${stayId}/discharge`, { dischargedOn: recent(3) });
    expect(problem(early).errors![0]!.path).toBe('dischargedOn');
    expect((await ctx.communeA.post(`/api/v1/victim-stays/${stayId}/discharge`, {})).json<{ dischargedOn: string }>().dischargedOn).toBe(
      today(),
    );
    expect(problem(await ctx.communeA.post(`/api/v1/victim-stays/${stayId}/discharge`, {})).code).toBe('resource.conflict');
    expect((await admit(child!.id)).statusCode).toBe(201);
    const stays = (await ctx.communeA.get(`/api/v1/victim-files/${file.id}`)).json<VictimFileDetail>().stays!;
    expect(stays.map((stay) => [stay.personId, stay.dischargedOn === null])).toEqual([
      [woman!.id, false],
      [child!.id, true],
    ]);
  });
});

// Received in April 2015, a window no other test uses: the figures are exactly these.
describe('statistics', () => {
  const W = { start: '2015-04-01', end: '2015-04-30' };

  async function fixture() {
    const newFile = async (person: Record<string, unknown>, receivedOn: string, way: string) => {
      const body = {
        orgUnitId: ctx.communeAId,
        reception: { receivedOn, way },
        person: { homeOrgUnitId: ctx.communeAId, ...person, fullName: `${String(person.fullName)} ${uniqueWord()}` },
        confirmNotDuplicate: true,
      };
      const file = await createFile(ctx.office, body);
      const detail = (await ctx.office.get(`/api/v1/victim-files/${file.id}`)).json<VictimFileDetail>();
      return { id: file.id, personId: detail.persons[0]!.id, persons: detail.persons };
    };
    const decide = async (personId: string, transition: 'decide_victim' | 'decide_not_victim', decisionDate: string) => {
      await ctx.office.post(`/api/v1/victim-persons/${personId}/identification`, { transition: 'start_verification' });
      const response = await ctx.office.post(`/api/v1/victim-persons/${personId}/identification`, {
        transition,
        decidingAgency: 'Công an thành phố Hải Phòng',
        decisionNumber: `${uniqueWord()}/QĐ`,
        decisionDate,
        legalBasis: 'Điều 32 Luật PCMBN 2024',
        evidenceSources: ['rescuing_agency'],
      });
      expect(response.statusCode, response.body).toBe(200);
    };
    const exploit = async (personId: string, forms: string[], destinationCountry: string | null) => {
      const response = await ctx.office.post(`/api/v1/victim-persons/${personId}/exploitation`, { forms, destinationCountry });
      expect(response.statusCode, response.body).toBe(200);
    };
    const support = async (fileId: string, personId: string, type: string, startedOn: string) => {
      const response = await ctx.office.post(`/api/v1/victim-files/${fileId}/support-services`, {
        personId,
        type,
        status: 'completed',
        startedOn,
      });
      expect(response.statusCode, response.body).toBe(201);
    };

    const f1 = await createFile(ctx.office, {
      orgUnitId: ctx.communeAId,
      reception: { receivedOn: '2015-04-08', way: 'rescued' },
      person: { fullName: `Lò Thị Mai ${uniqueWord()}`, sex: 'female', dateOfBirth: '1990-02-02', homeOrgUnitId: ctx.communeAId },
      companions: [
        { role: 'accompanying_child', person: { fullName: `Lò Văn Tí ${uniqueWord()}`, sex: 'male', estimatedAge: 5, ageUncertain: true } },
      ],
      confirmNotDuplicate: true,
    });
    const f1Persons = (await ctx.office.get(`/api/v1/victim-files/${f1.id}`)).json<VictimFileDetail>().persons;
    await exploit(f1Persons[0]!.id, ['sexual_exploitation'], 'CN');
    await decide(f1Persons[0]!.id, 'decide_victim', '2015-04-20');
    await support(f1.id, f1Persons[0]!.id, 'medical', '2015-04-10');
    await support(f1.id, f1Persons[1]!.id, 'essential_needs', '2015-04-12');

    const f2 = await newFile(
      { fullName: 'Vàng Thị Dợ', sex: 'female', dateOfBirth: '2000-05-05' },
      '2015-04-15',
      'handed_over_by_foreign_authority',
    );
    await exploit(f2.personId, ['forced_marriage', 'sexual_exploitation'], 'CN');
    await ctx.office.post(`/api/v1/victim-persons/${f2.personId}/identification`, { transition: 'start_verification' });

    const f3 = await newFile(
      { fullName: 'Giàng A Páo', sex: 'male', estimatedAge: 17, ageEstimatedOn: '2015-04-20', ageUncertain: true },
      '2015-04-20',
      'self_returned',
    );
    await exploit(f3.personId, ['forced_labour', 'forced_criminality'], 'KH');
    await decide(f3.personId, 'decide_victim', '2015-05-10');

    const f4 = await newFile({ fullName: 'Trần Văn Lực', sex: 'male', dateOfBirth: '1980-01-01' }, '2015-03-20', 'via_mission');
    await decide(f4.personId, 'decide_victim', '2015-04-05');
    await support(f4.id, f4.personId, 'loan', '2015-04-25');

    const f5 = await newFile({ fullName: 'Phạm Thị Lan', sex: 'female', birthYear: 1995 }, '2015-04-28', 'reported_by_family');
    await decide(f5.personId, 'decide_not_victim', '2015-04-29');
  }

  it('counts the known fixture; small cells are hidden at every level; the report prefill keeps exact figures', async () => {
    await fixture();
    // The exact figures the province's records give, before publication.
    const { loadStatRecords } = await import('./victim-statistics.ts');
    const { victimStatistics } = await import('@atmis/domain');
    const stats = victimStatistics(await loadStatRecords(ctx.t.database.db, { orgUnitId: 'VN.31' }, W), W) as unknown as Record<
      string,
      unknown
    >;
    expect(stats).toMatchObject({
      received: { total: 4, female: 3, male: 1, age_under_16: 1, age_16_17: 1, age_18_plus: 2, age_unknown: 0 },
      identified: { total: 2, female: 1, male: 1, age_under_16: 0, age_16_17: 0, age_18_plus: 2, age_unknown: 0 },
      byDestination: { CN: 2, KH: 1, unknown: 1 },
      byReturn: { self_returned: 1, rescued: 1, handed_over_by_foreign_authority: 1, via_mission: 0, reported_by_family: 1, other: 0 },
      supportedPersons: 3,
    });
    expect((stats.byExploitation as Record<string, unknown>).sexual_exploitation).toEqual({ total: 2, female: 2, male: 0, children: 1 });
    expect((stats.byExploitation as Record<string, unknown>).forced_labour).toEqual({ total: 1, female: 0, male: 1, children: 1 });
    expect(stats.supported).toMatchObject({ medical: 1, essential_needs: 1, loan: 1, travel: 0 });

    // At the default threshold the province's own figures hide every count from 1 to 4 too (a
    // province of four received persons is as small a cell as a commune of four).
    const province = await ctx.office.get(`/api/v1/victim-statistics?orgUnitId=VN.31&start=${W.start}&end=${W.end}`);
    expect(province.statusCode, province.body).toBe(200);
    expect(province.json()).toMatchObject({ suppressed: true, threshold: 5, received: { total: null, female: null, age_unknown: 0 } });
    // The commune's own figures: every count from 1 to 4 is hidden.
    const commune = (await ctx.communeA.get(`/api/v1/victim-statistics?start=${W.start}&end=${W.end}`)).json<Record<string, unknown>>();
    expect(commune).toMatchObject({ suppressed: true, threshold: 5, received: { total: null, female: null, age_unknown: 0 } });
    // Another commune's figures are out of scope.
    expect((await ctx.communeB.get(`/api/v1/victim-statistics?orgUnitId=${ctx.communeAId}&start=${W.start}&end=${W.end}`)).statusCode).toBe(
      404,
    );
    expect((await ctx.office.get(`/api/v1/victim-statistics?start=${W.end}&end=${W.start}`)).statusCode).toBe(400);
    // A window that is not whole reporting months could be differenced against a neighbouring one: refused, saying why.
    const partial = await ctx.office.get(`/api/v1/victim-statistics?start=2015-04-01&end=2015-04-20`);
    expect(partial.statusCode).toBe(400);
    expect(partial.json()).toMatchObject({ code: 'validation.failed', errors: [{ path: 'end' }] });

    const { DEFAULT_TEMPLATE_DEFINITION, emptyReportContent } = await import('@atmis/domain');
    const [police] = await ctx.t.database.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, 'T31.CA'));
    const prefill = await ctx.t.app.prefill.prefillFor(
      ctx.t.database.db,
      DEFAULT_TEMPLATE_DEFINITION,
      emptyReportContent(DEFAULT_TEMPLATE_DEFINITION),
      {
        orgUnitId: 'VN.31',
        agencyId: police!.id,
        window: W,
      },
    );
    expect(prefill.sources.filter((source) => source.source === 'victims').map((source) => source.table)).toEqual([
      'victims_received',
      'victims_by_exploitation',
      'victims_by_destination',
      'victims_by_return',
      'victims_supported',
    ]);
    expect(prefill.tables.victims_received).toEqual({
      received: { total: 4, female: 3, male: 1, age_under_16: 1, age_16_17: 1, age_18_plus: 2 },
      identified: { total: 2, female: 1, male: 1, age_under_16: 0, age_16_17: 0, age_18_plus: 2 },
    });
    expect(prefill.tables.victims_by_exploitation).toMatchObject({
      total: { total: 5, female: 3, male: 2 },
      sexual_exploitation: { total: 2, female: 2, male: 0 },
      forced_marriage: { total: 1, female: 1, male: 0 },
      forced_labour: { total: 1, female: 0, male: 1 },
      child_sale: { total: 0 },
      other: { total: 1, female: 0, male: 1 },
    });
    expect(prefill.tables.victims_by_destination).toMatchObject({
      total: { total: 3 },
      china: { total: 2 },
      cambodia: { total: 1 },
      domestic: { total: 0 },
    });
    expect(prefill.tables.victims_by_return).toMatchObject({
      total: { total: 4 },
      self_returned: { total: 1 },
      rescued: { total: 1 },
      handed_over: { total: 1 },
      via_mission: { total: 0 },
      other: { total: 1 },
    });
    expect(prefill.tables.victims_supported).toMatchObject({
      medical: { persons: 1 },
      essential_needs: { persons: 1 },
      loans: { persons: 1 },
      hardship_allowance: { persons: 0 },
    });
  });
});

describe('start-up', () => {
  it('refuses to start in production without a data key file, saying what to set', async () => {
    vi.stubEnv('ATMIS_DATA_KEYS_FILE', '');
    try {
      await expect(buildApp({ database: ctx.t.database, config: { ...ctx.t.config, mode: 'production' } })).rejects.toThrow(
        /Chế độ production: chưa có khóa mã hóa dữ liệu.*ATMIS_DATA_KEYS_FILE/,
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
