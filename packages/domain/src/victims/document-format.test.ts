import { describe, expect, it } from 'vitest';
import { detectAttachmentFormat, detectDocumentFormat, UPLOAD_MEDIA_TYPES } from './file-records.ts';

const text = (value: string) => new TextEncoder().encode(value);
const PDF = text('%PDF-1.7\n');

describe('detectDocumentFormat: the upload allow-list by content', () => {
  it('accepts plain UTF-8 text named .txt only when asked (task evidence), never for victim attachments', () => {
    const note = text('\uFEFFBáo cáo tiến độ:\r\n\tđã khám cho 12 nạn nhân.\n');
    expect(detectDocumentFormat('ghi-chu.txt', note, { allowText: true })).toEqual({ ok: true, format: 'txt', mediaType: 'text/plain' });
    expect(detectDocumentFormat('ghi-chu.txt', note)).toMatchObject({ ok: false, problem: 'type' });
    expect(detectAttachmentFormat('ghi-chu.txt', note)).toEqual({
      ok: false,
      message: 'Loại tệp không được chấp nhận: chỉ nhận PDF, JPG, PNG, DOCX hoặc XLSX.',
    });
    expect(UPLOAD_MEDIA_TYPES.txt.mediaType).toBe('text/plain');
  });

  it.each([
    ['HTML', 'trang.html', '<!doctype html><script>alert(1)</script>'],
    ['HTML named .txt', 'a.txt', '\n  <html></html>'],
    ['SVG named .txt', 'a.txt', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
    ['JavaScript', 'a.js', 'alert(document.cookie)'],
    ['CSS', 'a.css', 'body { background: red }'],
    ['text with NUL bytes', 'a.txt', 'abc\u0000def'],
  ])('refuses %s as a type not accepted, naming the allowed types', (_what, name, content) => {
    expect(detectDocumentFormat(name, text(content), { allowText: true })).toEqual({
      ok: false,
      problem: 'type',
      message: 'Loại tệp không được chấp nhận: chỉ nhận PDF, JPG, PNG, DOCX, XLSX hoặc TXT.',
    });
  });

  it('refuses invalid UTF-8 (TCVN3, binary) as text', () => {
    expect(detectDocumentFormat('a.txt', new Uint8Array([0x4b, 0xe9, 0x20, 0xff, 0xfe]), { allowText: true }).ok).toBe(false);
  });

  it('has no size limit of its own; names the problem (empty, extension)', () => {
    expect(detectDocumentFormat('a.pdf', new Uint8Array())).toEqual({ ok: false, problem: 'empty', message: 'Tệp rỗng (0 byte).' });
    const large = new Uint8Array(8 * 1024 * 1024);
    large.set(PDF);
    expect(detectDocumentFormat('a.pdf', large)).toMatchObject({ ok: true, format: 'pdf' });
    expect(detectAttachmentFormat('a.pdf', large)).toEqual({ ok: false, message: 'Tệp quá lớn: tối đa 5 MB.' });
    expect(detectDocumentFormat('a.png', PDF)).toMatchObject({ ok: false, problem: 'extension' });
  });
});
