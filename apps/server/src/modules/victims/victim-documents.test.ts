import { createHash } from 'node:crypto';
import { auditEvents, queryRows } from '@atmis/db';
import ExcelJS from 'exceljs';
import { and, desc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../testing/database-fingerprint.ts';
import { loginAs } from '../../testing/test-app.ts';
import { createFile, pdfBytes, uniqueWord, useVictimTestContext, womanWithChild } from './victim-test-kit.ts';

const ctx = useVictimTestContext('communeA', 'communeB', 'office', 'health', 'court');
const { recent, problem, detailOf } = ctx;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90), Buffer.from('This program cannot be run in DOS mode')]);
/** The start of a Word package: a zip whose directory names word/document.xml. */
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('word/document.xml<w:document/>')]);

async function xlsxBytes(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Danh sách').getCell('A1').value = 'Bảng kê hỗ trợ';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Every cell's text of the first sheet, row by row. */
async function sheetText(body: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  for (let number = 1; number <= sheet.rowCount; number++) {
    const values = (sheet.getRow(number).values as unknown[] | undefined) ?? [];
    rows.push(values.slice(1).map((value) => (value === null || value === undefined ? '' : String(value))));
  }
  return rows;
}

describe('documents', () => {
  it('accepts a PDF, refuses what its content does not prove (renamed, mismatched, empty, too large) and writes nothing then', async () => {
    const file = await createFile(ctx.communeA, womanWithChild({ receivedOn: recent(3), homeOrgUnitId: ctx.communeAId }));
    const upload = (body: Record<string, unknown>, agent = ctx.communeA) =>
      agent.post(`/api/v1/victim-files/${file.id}/attachments`, { kind: 'evidence', fileName: 'bien-ban-giai-cuu.pdf', ...body });
    const content = pdfBytes(`Bien ban giai cuu ${uniqueWord()}`);

    const before = await databaseFingerprint(ctx.t.database.db);
    const cases: { body: Record<string, unknown>; path: string; message: RegExp }[] = [
      { body: { contentBase64: EXE.toString('base64') }, path: 'contentBase64', message: /Loại tệp không được chấp nhận: chỉ nhận PDF/ },
      { body: { contentBase64: PNG.toString('base64') }, path: 'fileName', message: /không khớp với nội dung \(nội dung là PNG\)/ },
      { body: { contentBase64: '=' }, path: 'contentBase64', message: /Tệp rỗng/ },
      { body: { contentBase64: 'QUJD$' }, path: 'contentBase64', message: /base64/ },
      { body: { contentBase64: DOCX.toString('base64'), fileName: 'ke-hoach.xlsx' }, path: 'fileName', message: /nội dung là DOCX/ },
      {
        // Just over 5 MB: the body fits, the content is refused by its size.
        body: { contentBase64: Buffer.concat([content, Buffer.alloc(5 * 1024 * 1024 + 1 - content.length)]).toString('base64') },
        path: 'contentBase64',
        message: /Tệp quá lớn: tối đa 5 MB/,
      },
    ];
    for (const { body, path, message } of cases) {
      const refused = await upload(body);
      expect(refused.statusCode, path).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      const refusal = problem(refused);
      if (refusal.code === 'victim.attachment_invalid') {
        expect(refusal.title).toMatch(message);
        expect(refusal.errors).toEqual([{ path, message: refusal.title }]);
      } else expect(refusal.errors!.map((error) => error.path)).toEqual([path]);
    }
    const empty = await upload({ contentBase64: '' });
    expect(empty.statusCode).toBe(400);
    expect(problem(empty).errors![0]!.path).toBe('contentBase64');
    // Six megabytes: over the route's limit, refused before it is read.
    const huge = await upload({ contentBase64: Buffer.alloc(6 * 1024 * 1024, 0x41).toString('base64') });
    expect(huge.statusCode).toBe(413);
    expect(problem(huge)).toMatchObject({
      code: 'request.file_too_large',
      title: 'Tệp gửi lên quá lớn (tối đa 5 MB). Chưa có gì được lưu.',
    });
    expect((await upload({ contentBase64: content.toString('base64') }, ctx.communeB)).statusCode).toBe(404);
    expect((await upload({ contentBase64: content.toString('base64') }, ctx.court)).statusCode).toBe(403);
    expect((await upload({ contentBase64: content.toString('base64') }, ctx.health)).statusCode).toBe(404);
    expect(await databaseFingerprint(ctx.t.database.db)).toEqual(before);

    const accepted = await upload({ contentBase64: content.toString('base64'), description: 'Biên bản giải cứu của Đồn Biên phòng' });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const view = accepted.json<{ id: string; fileName: string; mediaType: string; size: number; sha256: string; uploadedByName: string }>();
    expect(view).toMatchObject({
      fileName: 'bien-ban-giai-cuu.pdf',
      mediaType: 'application/pdf',
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      uploadedByName: 'Lê Văn Xã A',
    });
    const word = await upload({
      contentBase64: DOCX.toString('base64'),
      fileName: 'Quyết định xác định nạn nhân.DOCX',
      kind: 'identification_decision',
    });
    expect(word.json<{ mediaType: string }>().mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const sheet = await upload({ contentBase64: (await xlsxBytes()).toString('base64'), fileName: 'bang-ke.xlsx', kind: 'other' });
    expect(sheet.statusCode, sheet.body).toBe(201);
    const added = await ctx.t.database.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'victim.attachment_added'), eq(auditEvents.entityId, file.id)));
    expect(added).toHaveLength(3);
    expect(JSON.stringify(added)).not.toContain('bien-ban');

    // Downloads: the stored type, always an attachment, not cached, audited.
    const download = await ctx.communeA.get(`/api/v1/victim-attachments/${view.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(content)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="bien-ban-giai-cuu.pdf"; filename*=UTF-8''bien-ban-giai-cuu.pdf`,
    );
    expect(download.headers['cache-control']).toBe('no-store');
    const wordId = word.json<{ id: string }>().id;
    expect((await ctx.communeA.get(`/api/v1/victim-attachments/${wordId}`)).headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Quyết định xác định nạn nhân.DOCX')}`,
    );
    const [downloaded] = await ctx.t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'victim.attachment_downloaded'), eq(auditEvents.entityId, file.id)))
      .orderBy(auditEvents.seq);
    expect(downloaded).toMatchObject({ actorUsername: 'xa.a', details: { attachmentId: view.id, kind: 'evidence', via: 'file' } });
    expect((await ctx.communeB.get(`/api/v1/victim-attachments/${view.id}`)).statusCode).toBe(404);
    expect((await ctx.court.get(`/api/v1/victim-attachments/${view.id}`)).statusCode).toBe(403);

    // Nothing of the document is stored in plaintext: name, description, content.
    const secrets = ['bien-ban-giai-cuu', 'Biên bản giải cứu của Đồn', content.toString('base64').slice(0, 40), 'Bien ban giai cuu'];
    for (const { table_name } of await queryRows<{ table_name: string }>(
      ctx.t.database.db,
      sql`select table_name from information_schema.tables where table_schema = current_schema() and (table_name like 'victim%' or table_name = 'audit_events')`,
    )) {
      const rows = await queryRows<{ row: string }>(ctx.t.database.db, sql`select t::text as row from ${sql.identifier(table_name)} t`);
      for (const { row } of rows) for (const secret of secrets) expect(row, `${table_name} holds "${secret}"`).not.toContain(secret);
    }
    const [stored] = await queryRows<{ file_name_enc: string; content_enc: string }>(
      ctx.t.database.db,
      sql`select file_name_enc, content_enc from victim_attachments where id = ${view.id}::uuid`,
    );
    expect(stored!.file_name_enc).toMatch(/^v1:/);
    expect(stored!.content_enc).toMatch(/^v1:/);
  });

  it('shows a referral receiver the support documents of the referred person, never the evidence', async () => {
    const file = await createFile(ctx.communeA, womanWithChild({ receivedOn: recent(3), homeOrgUnitId: ctx.communeAId }));
    const [woman, child] = (await detailOf(ctx.communeA, file.id)).persons;
    const evidence = (
      await ctx.communeA.post(`/api/v1/victim-files/${file.id}/attachments`, {
        kind: 'evidence',
        fileName: 'loi-khai.pdf',
        contentBase64: pdfBytes('Loi khai').toString('base64'),
      })
    ).json<{ id: string }>();
    const childPaper = (
      await ctx.communeA.post(`/api/v1/victim-files/${file.id}/attachments`, {
        kind: 'support_document',
        personId: child!.id,
        fileName: 'giay-kham-be.pdf',
        contentBase64: pdfBytes('Giay kham').toString('base64'),
      })
    ).json<{ id: string }>();
    await ctx.communeA.post(`/api/v1/victim-files/${file.id}/referrals`, {
      personId: woman!.id,
      receivingAgencyId: ctx.healthAgencyId,
      reason: 'Khám, điều trị',
      legalBasis: 'Đề nghị của cơ quan điều tra',
    });

    // The receiver records the medical paper of the woman; not for the child, not as evidence.
    const paper = (personId: string | null, kind = 'support_document') =>
      ctx.health.post(`/api/v1/victim-files/${file.id}/attachments`, {
        kind,
        personId,
        fileName: 'hoa-don-kham.pdf',
        contentBase64: pdfBytes('Hoa don').toString('base64'),
      });
    expect((await paper(woman!.id, 'evidence')).statusCode).toBe(403);
    expect(problem(await paper(null)).errors![0]!.path).toBe('personId');
    expect((await paper(child!.id)).statusCode).toBe(400);
    const own = await paper(woman!.id);
    expect(own.statusCode, own.body).toBe(201);
    const ownId = own.json<{ id: string }>().id;

    const seen = await detailOf(ctx.health, file.id);
    expect(seen.attachments!.map((attachment) => attachment.id)).toEqual([ownId]);
    expect((await ctx.health.get(`/api/v1/victim-attachments/${evidence.id}`)).statusCode).toBe(404);
    expect((await ctx.health.get(`/api/v1/victim-attachments/${childPaper.id}`)).statusCode).toBe(404);
    expect((await ctx.health.get(`/api/v1/victim-attachments/${ownId}`)).statusCode).toBe(200);
    const owner = await detailOf(ctx.communeA, file.id);
    expect(owner.attachments!.map((attachment) => attachment.id)).toEqual([evidence.id, childPaper.id, ownId]);
    // The police officer reads the file without support: the evidence, not the support papers.
    const police = await loginAs(ctx.t.app, 'congan');
    expect((await detailOf(police, file.id)).attachments!.map((attachment) => attachment.id)).toEqual([evidence.id]);
  });
});

describe('exports', () => {
  it('exports the list de-identified: no name, number, phone, address or birth date; audited without the search words', async () => {
    const body = womanWithChild({ receivedOn: recent(2), homeOrgUnitId: ctx.communeAId });
    const file = await createFile(ctx.communeA, body);
    const word = body.person.fullName.split(' ').at(-1)!;
    await ctx.communeA.post(`/api/v1/victim-persons/${(await detailOf(ctx.communeA, file.id)).persons[0]!.id}/exploitation`, {
      forms: ['forced_marriage'],
      destinationCountry: 'CN',
    });
    const response = await ctx.communeA.get(`/api/v1/victim-files/export.xlsx?q=${encodeURIComponent(word)}&orgUnitId=${ctx.communeAId}`);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="ho-so-nan-nhan-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const rows = await sheetText(response.rawPayload);
    expect(rows[0]![0]).toContain('ĐÃ KHỬ THÔNG TIN NHẬN DẠNG');
    expect(rows[1]![0]).toMatch(/Xuất lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(giờ Việt Nam\), người xuất: Lê Văn Xã A \(xa\.a\); 2 dòng/);
    const header = rows[4]!;
    const data = rows.slice(5).map((row) => Object.fromEntries(header.map((title, index) => [title, row[index] ?? ''])));
    expect(data).toHaveLength(2);
    expect(data[0]).toMatchObject({
      'Mã hồ sơ': file.reference,
      'Giới tính': 'Nữ',
      'Nhóm tuổi (khi tiếp nhận)': 'Từ đủ 18 tuổi trở lên',
      'Được coi là trẻ em': 'Không',
      'Mục đích bị mua bán, bóc lột': 'Ép buộc kết hôn',
      'Nước bị đưa đến': 'CN',
      'Tỉnh, thành phố nơi cư trú': 'Thành phố Hải Phòng',
      'Trạng thái hồ sơ': 'Đang mở',
    });
    expect(data[1]).toMatchObject({ 'Được coi là trẻ em': 'Có', 'Nhóm tuổi (khi tiếp nhận)': 'Dưới 16 tuổi' });
    const text = JSON.stringify(rows);
    for (const secret of [
      word,
      body.person.fullName,
      body.person.citizenId!,
      body.person.citizenId!.slice(-6),
      body.person.phone.replace(/\s/g, '').slice(-7),
      body.person.homeAddress,
      '14/03/1998',
      '1998-03-14',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    const [event] = await ctx.t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'victim.exported'))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    expect(event).toMatchObject({
      actorUsername: 'xa.a',
      details: { rowCount: 2, filter: { orgUnitId: ctx.communeAId, searchedByName: true } },
    });
    expect(JSON.stringify(event!.details)).not.toContain(word);
    expect((await ctx.court.get('/api/v1/victim-files/export.xlsx')).statusCode).toBe(403);
    expect((await ctx.communeA.get('/api/v1/victim-files/export.xlsx?receivedFrom=2026-02-30')).statusCode).toBe(400);
  });

  it('exports the identity only for export:victim_identity, marked MẬT, with a reason in the audit trail', async () => {
    const body = womanWithChild({ receivedOn: recent(2), homeOrgUnitId: ctx.communeAId, child: false });
    const file = await createFile(ctx.communeA, body);
    const word = body.person.fullName.split(' ').at(-1)!;
    const request = { reason: 'Đối chiếu danh sách nạn nhân với Công an tỉnh', filter: { q: word } };
    const before = await databaseFingerprint(ctx.t.database.db);
    expect((await ctx.communeA.post('/api/v1/victim-files/export-identified', request)).statusCode).toBe(403);
    expect((await ctx.health.post('/api/v1/victim-files/export-identified', request)).statusCode).toBe(403);
    expect(problem(await ctx.office.post('/api/v1/victim-files/export-identified', { ...request, reason: 'Xem' })).errors![0]!.path).toBe(
      'reason',
    );
    expect(await databaseFingerprint(ctx.t.database.db)).toEqual(before);

    const response = await ctx.office.post('/api/v1/victim-files/export-identified', request);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/filename="ho-so-nan-nhan-mat-/);
    const rows = await sheetText(response.rawPayload);
    expect(rows[0]![0]).toMatch(/^MẬT/);
    expect(rows[2]![0]).toContain('Lý do: Đối chiếu danh sách nạn nhân với Công an tỉnh');
    const header = rows[4]!;
    const [person] = rows.slice(5).map((row) => Object.fromEntries(header.map((title, index) => [title, row[index] ?? ''])));
    expect(person).toMatchObject({
      'Mã hồ sơ': file.reference,
      'Họ và tên': body.person.fullName,
      'Số định danh/CCCD': body.person.citizenId,
      'Ngày sinh (năm sinh)': '14/03/1998',
      'Số điện thoại': body.person.phone.replace(/\s/g, ''),
      'Địa chỉ': body.person.homeAddress,
    });
    const [event] = await ctx.t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'victim.exported_identified'))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    expect(event).toMatchObject({
      actorUsername: 'tinh.thuongtruc',
      details: { reason: request.reason, rowCount: 1, fileIds: [file.id], filter: { searchedByName: true } },
    });
    expect(JSON.stringify(event!.details)).not.toContain(word);
  });
});
