import { deflateRawSync } from 'node:zlib';
import { ERROR_CATALOGUE, formatErrorMessage } from '@atmis/domain';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { inspectZip, requireSafeZip, ZIP_LIMITS, ZipRefusedError, type ZipLimits } from './zip-guard.ts';

const MIB = 1024 * 1024;

/** A Word document as Word-like tools write it (the `docx` package, as the plan export does). */
async function realDocx(lines: string[]): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] });
  return Buffer.from(await Packer.toBuffer(doc));
}

/** A .docx whose word/document.xml is `mib` MiB of one character: ~50 kB on the wire per 50 MiB. */
async function bombDocx(mib: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', `<w:document><w:body><w:p><w:r><w:t>${'a'.repeat(mib * MIB)}</w:t></w:r></w:p></w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

interface RawEntry {
  name: string;
  data: Buffer;
  method?: 0 | 8;
  flags?: number;
  /** Overrides the declared (uncompressed) size in both headers. */
  declaredSize?: number;
}

/**
 * A hand-written zip (local headers, central directory, end record) for the archives no tool writes
 * on purpose: lying sizes, overlapping entries, encryption flags, gaps.
 */
function rawZip(
  entries: RawEntry[],
  options: { extraCentral?: (index: number, localOffset: number) => Buffer[]; gap?: number } = {},
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const offsets: number[] = [];
  entries.forEach((entry, index) => {
    const method = entry.method ?? 8;
    const stored = method === 8 ? deflateRawSync(entry.data) : entry.data;
    const name = Buffer.from(entry.name, 'utf8');
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, stored);
    offsets[index] = offset;
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.flags ?? 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(Buffer.concat([central, name]));
    offset += 30 + name.length + stored.length;
  });
  const extra = entries.flatMap((_entry, index) => options.extraCentral?.(index, offsets[index]!) ?? []);
  const directory = Buffer.concat([...centrals, ...extra]);
  const gap = Buffer.alloc(options.gap ?? 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length + extra.length, 8);
  end.writeUInt16LE(centrals.length + extra.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, gap, end]);
}

function refusal(run: () => unknown): ZipRefusedError {
  try {
    run();
  } catch (error) {
    if (error instanceof ZipRefusedError) return error;
    throw error;
  }
  throw new Error('expected the archive to be refused');
}

describe('inspectZip: ordinary documents pass', () => {
  it('a Word document passes with its parts and real sizes, and mammoth still reads it', async () => {
    const docx = await realDocx(['KẾ HOẠCH', 'Phòng, chống mua bán người năm 2026']);
    const inspection = inspectZip(docx);
    expect(inspection.entries.map((entry) => entry.name)).toContain('word/document.xml');
    expect(inspection.totalBytes).toBe(inspection.entries.reduce((sum, entry) => sum + entry.size, 0));
    expect(inspection.xmlBytes).toBeGreaterThan(0);
    expect((await mammoth.extractRawText({ buffer: docx })).value).toContain('Phòng, chống mua bán người năm 2026');
  });

  it('stored (uncompressed) and deflated entries count their inflated size; a binary part is not XML', () => {
    const inspection = inspectZip(
      rawZip([
        { name: 'word/media/image1.png', data: Buffer.alloc(3 * MIB, 7), method: 0 },
        { name: 'word/document.xml', data: Buffer.from('<w:document/>'.repeat(1000)) },
      ]),
      { ...ZIP_LIMITS, maxXmlBytes: MIB },
    );
    expect(inspection.entries).toEqual([
      { name: 'word/media/image1.png', compressedSize: 3 * MIB, size: 3 * MIB },
      { name: 'word/document.xml', compressedSize: expect.any(Number) as number, size: 13000 },
    ]);
    expect(inspection).toMatchObject({ totalBytes: 3 * MIB + 13000, xmlBytes: 13000 });
  });

  it('the default limits are 20 MiB inflated and 2,000 entries', () => {
    expect(ZIP_LIMITS).toEqual({ maxTotalBytes: 20 * MIB, maxEntries: 2000 });
  });
});

describe('inspectZip: zip bombs are refused before a parser sees them', () => {
  it('a 52 kB .docx inflating to 50 MiB is refused as too large (the reported attack)', async () => {
    const bomb = await bombDocx(50);
    expect(bomb.length).toBeLessThan(100 * 1024);
    const error = refusal(() => inspectZip(bomb));
    expect(error.reason).toBe('too_large');
    expect(error.limit).toBe(20);
    expect(error.message).toBe('Tài liệu giải nén ra quá lớn (trên 20 MB), có thể là "bom nén"; tệp không được xử lý.');
  });

  it('sizes the central directory under-declares are not trusted: the inflated bytes are counted', () => {
    const bomb = rawZip([{ name: 'word/document.xml', data: Buffer.alloc(21 * MIB, 0x61), declaredSize: 100 }]);
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(refusal(() => inspectZip(bomb)).reason).toBe('too_large');
  });

  it('the cap is over all entries together, also when many entries point at the same data (overlapping bomb)', () => {
    const oneMiB = rawZip([{ name: 'a.xml', data: Buffer.alloc(MIB, 0x20) }]);
    expect(inspectZip(oneMiB).totalBytes).toBe(MIB);
    // 25 more central records for the very same local entry: 26 MiB inflated from ~1 kB of data.
    const overlapping = rawZip([{ name: 'a.xml', data: Buffer.alloc(MIB, 0x20) }], {
      extraCentral: (_index, localOffset) =>
        Array.from({ length: 25 }, () => {
          const central = Buffer.alloc(46 + 5);
          const local = oneMiB.subarray(0, 30);
          central.writeUInt32LE(0x02014b50, 0);
          central.writeUInt16LE(8, 10);
          central.writeUInt32LE(local.readUInt32LE(18), 20);
          central.writeUInt32LE(0, 24);
          central.writeUInt16LE(5, 28);
          central.writeUInt32LE(localOffset, 42);
          central.write('a.xml', 46, 'utf8');
          return central;
        }),
    });
    expect(refusal(() => inspectZip(overlapping)).reason).toBe('too_large');
  });

  it('more than 2,000 entries are refused from the end record alone', () => {
    const many = rawZip(
      Array.from({ length: 2001 }, (_, index) => ({ name: `p/${index}.txt`, data: Buffer.from('x'), method: 0 as const })),
    );
    const error = refusal(() => inspectZip(many));
    expect(error).toMatchObject({ reason: 'too_many_entries', limit: 2000 });
    expect(error.message).toBe('Tài liệu có quá nhiều thành phần (trên 2000); tệp không được xử lý.');
    expect(inspectZip(many, { maxTotalBytes: 20 * MIB, maxEntries: 2001 }).entries).toHaveLength(2001);
  });

  it('the XML cap applies to the parts a parser walks, named by either header; images only count toward the total', () => {
    const limits: ZipLimits = { ...ZIP_LIMITS, maxXmlBytes: 4 * MIB };
    const bigXml = rawZip([{ name: 'word/document.xml', data: Buffer.alloc(5 * MIB, 0x61) }]);
    const error = refusal(() => inspectZip(bigXml, limits));
    expect(error).toMatchObject({ reason: 'xml_too_large', limit: 4 });
    expect(
      refusal(() => inspectZip(rawZip([{ name: 'word/_rels/document.xml.rels', data: Buffer.alloc(5 * MIB, 0x61) }]), limits)).reason,
    ).toBe('xml_too_large');
    // The same 5 MiB as an image is fine (under 20 MiB in total).
    expect(inspectZip(rawZip([{ name: 'word/media/image1.jpeg', data: Buffer.alloc(5 * MIB, 0x61) }]), limits).totalBytes).toBe(5 * MIB);
  });
});

describe('inspectZip: archives another reader could see differently are refused', () => {
  const docPart = { name: 'word/document.xml', data: Buffer.from('<w:document/>') };
  it.each<[string, Buffer, RegExp]>([
    ['not a zip at all', Buffer.from('PK\x03\x04 chỉ là văn bản'), /không tìm thấy thư mục/],
    ['bytes prepended (JSZip would shift every offset)', Buffer.concat([Buffer.alloc(64, 1), rawZip([docPart])]), /vị trí thư mục/],
    ['a gap before the end record', rawZip([docPart], { gap: 16 }), /vị trí thư mục/],
    ['an encrypted entry', rawZip([{ ...docPart, flags: 1 }]), /mã hóa/],
    ['a ZIP64 size', rawZip([{ ...docPart, declaredSize: 0xffffffff }]), /ZIP64/],
    ['a truncated file', rawZip([docPart]).subarray(0, 60), /không tìm thấy thư mục|bị hỏng|bị cắt/],
  ])('%s', (_what, archive, message) => {
    const error = refusal(() => inspectZip(archive));
    expect(error.reason).toBe('invalid');
    expect(error.message).toMatch(message);
  });

  it('an unknown compression method, or deflate data that is corrupt', () => {
    const bzip = rawZip([docPart]);
    bzip.writeUInt16LE(12, bzip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10);
    expect(refusal(() => inspectZip(bzip)).message).toMatch(/phương thức nén/);
    const corrupt = rawZip([{ name: 'word/document.xml', data: Buffer.alloc(4096, 0x61) }]);
    corrupt.fill(0xff, 30 + 'word/document.xml'.length, 30 + 'word/document.xml'.length + 4);
    expect(refusal(() => inspectZip(corrupt)).message).toMatch(/dữ liệu nén/);
  });
});

describe('requireSafeZip: the problem an upload handler answers', () => {
  it('413 for a bomb or too many parts, 400 for a broken archive, each with its Vietnamese message', async () => {
    const cases: [Buffer, string, number][] = [
      [await bombDocx(30), 'document.zip_too_large', 413],
      [
        rawZip(Array.from({ length: 2001 }, (_, i) => ({ name: `${i}`, data: Buffer.from('x'), method: 0 as const }))),
        'document.zip_too_many_entries',
        413,
      ],
      [Buffer.from('PK\x03\x04 hỏng'), 'document.zip_invalid', 400],
    ];
    for (const [archive, code, status] of cases) {
      let thrown: unknown;
      try {
        requireSafeZip(archive);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AppError);
      const appError = thrown as AppError;
      expect(appError.code).toBe(code);
      expect(appError.status).toBe(status);
      expect(ERROR_CATALOGUE[appError.code].status).toBe(status);
      expect(formatErrorMessage(appError.code, 'vi', appError.params)).toMatch(/[Cc]hưa có gì được lưu/);
    }
    expect(formatErrorMessage('document.zip_too_large', 'vi', { limit: 20 })).toBe(
      'Tài liệu giải nén ra quá lớn (trên 20 MB), có thể là "bom nén"; tệp không được xử lý và chưa có gì được lưu.',
    );
  });
});
