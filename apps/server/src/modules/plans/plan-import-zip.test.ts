/**
 * The plan importer opens a .docx only through the platform's zip bomb guard (security issue 13,
 * item 2): a 52 kB document inflating to 50 MiB used to keep mammoth busy for 41 s and 3 GB.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlanImportView } from '@atmis/domain';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../testing/database-fingerprint.ts';
import { createTestApp, loginAs, type Agent, type TestApp } from '../../testing/test-app.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../packages/domain/src/plans/import/fixtures');
const MIB = 1024 * 1024;

let t: TestApp;
let office: Agent;

beforeAll(async () => {
  t = await createTestApp();
  office = await loginAs(t.app, 'tinh.thuongtruc');
});
afterAll(() => t.close());

/** A .docx whose word/document.xml is `mib` MiB of one character (level 9: ~1 kB per MiB on the wire). */
async function bombDocx(mib: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file(
    'word/document.xml',
    `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${'a'.repeat(mib * MIB)}</w:t></w:r></w:p></w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

const post = (fileName: string, content: Buffer) =>
  office.post('/api/v1/plan-imports', { fileName, contentBase64: content.toString('base64') });

describe('plan import from .docx: the zip bomb guard', () => {
  it('a 52 kB .docx inflating to 50 MiB → 413 with the Vietnamese message, nothing stored', async () => {
    const bomb = await bombDocx(50);
    expect(bomb.length).toBeLessThan(100 * 1024);
    const before = await databaseFingerprint(t.database.db);
    const response = await post('ke-hoach.docx', bomb);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json<{ code: string; title: string }>()).toMatchObject({
      code: 'document.zip_too_large',
      title: 'Tài liệu giải nén ra quá lớn (trên 20 MB), có thể là "bom nén"; tệp không được xử lý và chưa có gì được lưu.',
    });
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
  });

  it('document text over 4 MiB (what mammoth would parse) → 413 naming the limit, nothing stored', async () => {
    const before = await databaseFingerprint(t.database.db);
    const response = await post('ke-hoach-dai.docx', await bombDocx(5));
    expect(response.statusCode, response.body.slice(0, 300)).toBe(413);
    expect(response.json<{ code: string; title: string }>()).toMatchObject({
      code: 'document.zip_xml_too_large',
      title: expect.stringContaining('trên 4 MB') as string,
    });
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
  });

  it('a zip that is not a readable archive → 400 "Không đọc được tài liệu Word", nothing stored', async () => {
    const before = await databaseFingerprint(t.database.db);
    const response = await post('hong.docx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 0x41)]));
    expect(response.statusCode, response.body.slice(0, 300)).toBe(400);
    expect(response.json<{ code: string; title: string }>()).toMatchObject({
      code: 'plan_import.unreadable',
      title: expect.stringMatching(/^Không đọc được tệp kế hoạch: Không đọc được tài liệu Word \(\.docx\): /) as string,
    });
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
  });

  it('a seed plan saved as a real .docx still imports', async () => {
    const lines = readFileSync(path.join(fixtures, 'plan-hai-phong-2016-2020.txt'), 'utf8').split(/\r?\n/);
    const doc = new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] });
    const response = await post('Kế hoạch Hải Phòng 2016-2020.docx', Buffer.from(await Packer.toBuffer(doc)));
    expect(response.statusCode, response.body.slice(0, 300)).toBe(201);
    const draft = response.json<PlanImportView>();
    expect(draft.status).toBe('pending');
    expect(draft.result.tasks.length).toBeGreaterThan(5);
  });
});
