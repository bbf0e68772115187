/**
 * Zip bomb guard: every uploaded zip-based document (DOCX, XLSX, any future import) goes through
 * `inspectZip` BEFORE it is handed to a parser (mammoth, exceljs, JSZip). A 50 kB .docx can inflate
 * to gigabytes; mammoth would then spend tens of seconds and gigabytes of memory before failing.
 *
 * The guard reads the archive the way JSZip (inside mammoth and exceljs) does — the LAST end-of-central-
 * directory record, the central directory it points to, each entry's local header for the data offset,
 * the central directory's compressed size — and refuses anything where another reader could see
 * something else (a gap before the end record that JSZip would treat as prepended bytes, ZIP64,
 * multi-disk, encryption, unknown compression). It then inflates every entry with node:zlib under a
 * byte cap (`maxOutputLength`): inflation stops as soon as the cap is passed, so a bomb costs at most
 * the cap in memory and a fraction of a second. The declared sizes are checked first (cheap), but
 * never trusted: the counted size is what actually inflates.
 *
 * Limits (ZIP_LIMITS): 20 MiB inflated in total, 2,000 entries. Callers may tighten them; the plan
 * importer caps the XML parts mammoth parses (`maxXmlBytes`), because mammoth needs about one second
 * and 100 MB of memory per MiB of document XML.
 */
import { inflateRawSync } from 'node:zlib';
import { AppError } from '../errors/app-error.ts';

const MIB = 1024 * 1024;

export interface ZipLimits {
  /** Total inflated bytes of all entries. */
  readonly maxTotalBytes: number;
  /** Number of entries (files and folders) in the central directory. */
  readonly maxEntries: number;
  /** Total inflated bytes of the XML parts (`*.xml`, `*.rels`), which an OOXML parser walks; defaults to maxTotalBytes. */
  readonly maxXmlBytes?: number;
}

export const ZIP_LIMITS: ZipLimits = { maxTotalBytes: 20 * MIB, maxEntries: 2000 };

export interface ZipEntryInfo {
  /** The name from the local header (what JSZip uses). */
  readonly name: string;
  readonly compressedSize: number;
  /** The inflated size, counted while inflating (not the declared one). */
  readonly size: number;
}

export interface ZipInspection {
  readonly entries: readonly ZipEntryInfo[];
  readonly totalBytes: number;
  readonly xmlBytes: number;
}

export type ZipRefusal = 'too_large' | 'xml_too_large' | 'too_many_entries' | 'invalid';

/** Why an archive is refused, with a Vietnamese message (also usable outside HTTP, e.g. by a CLI). */
export class ZipRefusedError extends Error {
  override readonly name = 'ZipRefusedError';
  constructor(
    readonly reason: ZipRefusal,
    message: string,
    /** The limit passed: MB for sizes, a count for entries. */
    readonly limit?: number,
  ) {
    super(message);
  }

  /** The problem to answer: 413 for what is too large, 400 for an archive that is not a plain zip. */
  toAppError(): AppError {
    switch (this.reason) {
      case 'too_large':
        return new AppError('document.zip_too_large', { limit: this.limit ?? 0 });
      case 'xml_too_large':
        return new AppError('document.zip_xml_too_large', { limit: this.limit ?? 0 });
      case 'too_many_entries':
        return new AppError('document.zip_too_many_entries', { limit: this.limit ?? 0 });
      case 'invalid':
        return new AppError('document.zip_invalid', { detail: this.message });
    }
  }
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const EOCD_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
const UNICODE_PATH_EXTRA = 0x7075;

const invalid = (detail: string) => new ZipRefusedError('invalid', detail);
const megabytes = (bytes: number) => Math.round((bytes / MIB) * 10) / 10;
const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

function tooLarge(limits: ZipLimits): ZipRefusedError {
  return new ZipRefusedError(
    'too_large',
    `Tài liệu giải nén ra quá lớn (trên ${megabytes(limits.maxTotalBytes)} MB), có thể là "bom nén"; tệp không được xử lý.`,
    megabytes(limits.maxTotalBytes),
  );
}

function xmlTooLarge(maxXmlBytes: number): ZipRefusedError {
  return new ZipRefusedError(
    'xml_too_large',
    `Phần nội dung văn bản của tài liệu giải nén ra quá lớn (trên ${megabytes(maxXmlBytes)} MB); tệp không được xử lý.`,
    megabytes(maxXmlBytes),
  );
}

function tooManyEntries(limits: ZipLimits): ZipRefusedError {
  return new ZipRefusedError(
    'too_many_entries',
    `Tài liệu có quá nhiều thành phần (trên ${limits.maxEntries}); tệp không được xử lý.`,
    limits.maxEntries,
  );
}

/** The names an entry may be known by: the central and local names and a Unicode Path extra field (JSZip honours it). */
function unicodePathName(buffer: Buffer, start: number, end: number): string | null {
  for (let p = start; p + 4 <= end;) {
    const id = buffer.readUInt16LE(p);
    const size = buffer.readUInt16LE(p + 2);
    if (p + 4 + size > end) throw invalid('trường mở rộng của một thành phần bị hỏng.');
    // version (1) + CRC of the header name (4) + the UTF-8 name.
    if (id === UNICODE_PATH_EXTRA && size > 5) return buffer.toString('utf8', p + 9, p + 4 + size);
    p += 4 + size;
  }
  return null;
}

/**
 * Checks an uploaded zip against the limits without inflating more than the cap; returns its entries
 * with their real inflated sizes, or throws ZipRefusedError.
 */
export function inspectZip(buffer: Buffer, limits: ZipLimits = ZIP_LIMITS): ZipInspection {
  const maxXmlBytes = Math.min(limits.maxXmlBytes ?? limits.maxTotalBytes, limits.maxTotalBytes);
  // JSZip takes the last end-of-central-directory signature anywhere in the file: so do we.
  const eocd = buffer.lastIndexOf(EOCD_SIGNATURE);
  if (eocd < 0 || eocd + EOCD_SIZE > buffer.length) throw invalid('không tìm thấy thư mục của tệp nén (tệp hỏng hoặc không phải ZIP).');
  const disk = buffer.readUInt16LE(eocd + 4);
  const centralDisk = buffer.readUInt16LE(eocd + 6);
  const entriesOnDisk = buffer.readUInt16LE(eocd + 8);
  const entryCount = buffer.readUInt16LE(eocd + 10);
  const centralSize = buffer.readUInt32LE(eocd + 12);
  const centralOffset = buffer.readUInt32LE(eocd + 16);
  if (eocd + EOCD_SIZE + buffer.readUInt16LE(eocd + 20) > buffer.length) throw invalid('phần cuối của tệp nén bị cắt cụt.');
  if ([disk, centralDisk, entriesOnDisk, entryCount].includes(MAX16) || centralSize === MAX32 || centralOffset === MAX32) {
    throw invalid('định dạng ZIP64 không được hỗ trợ.');
  }
  if (disk !== 0 || centralDisk !== 0 || entriesOnDisk !== entryCount) throw invalid('tệp nén nhiều phần không được hỗ trợ.');
  if (entryCount > limits.maxEntries) throw tooManyEntries(limits);
  // The directory must end exactly where the end record starts: otherwise JSZip shifts every offset
  // ("prepended data") and would read other bytes than the ones checked here.
  if (centralOffset + centralSize !== eocd) throw invalid('vị trí thư mục của tệp nén không khớp.');

  interface Central {
    method: number;
    compressedSize: number;
    declaredSize: number;
    localOffset: number;
    names: string[];
  }
  const centrals: Central[] = [];
  let declaredTotal = 0;
  for (let p = centralOffset; p < eocd;) {
    if (p + CENTRAL_SIZE > eocd || buffer.readUInt32LE(p) !== SIG_CENTRAL) throw invalid('thư mục của tệp nén bị hỏng.');
    if (centrals.length >= entryCount) throw invalid('số thành phần không khớp với thư mục của tệp nén.');
    const flags = buffer.readUInt16LE(p + 8);
    const method = buffer.readUInt16LE(p + 10);
    const compressedSize = buffer.readUInt32LE(p + 20);
    const declaredSize = buffer.readUInt32LE(p + 24);
    const nameLength = buffer.readUInt16LE(p + 28);
    const extraLength = buffer.readUInt16LE(p + 30);
    const commentLength = buffer.readUInt16LE(p + 32);
    const localOffset = buffer.readUInt32LE(p + 42);
    const end = p + CENTRAL_SIZE + nameLength + extraLength + commentLength;
    if (end > eocd) throw invalid('thư mục của tệp nén bị hỏng.');
    if (flags & 0x1) throw invalid('tệp được mã hóa hoặc bảo vệ bằng mật khẩu.');
    if (compressedSize === MAX32 || declaredSize === MAX32 || localOffset === MAX32) throw invalid('định dạng ZIP64 không được hỗ trợ.');
    if (method !== 0 && method !== 8) throw invalid('phương thức nén không được hỗ trợ.');
    const names = [buffer.toString('utf8', p + CENTRAL_SIZE, p + CENTRAL_SIZE + nameLength)];
    const extraStart = p + CENTRAL_SIZE + nameLength;
    const unicodeName = unicodePathName(buffer, extraStart, extraStart + extraLength);
    if (unicodeName !== null) names.push(unicodeName);
    centrals.push({ method, compressedSize, declaredSize, localOffset, names });
    declaredTotal += declaredSize;
    p = end;
  }
  if (centrals.length !== entryCount) throw invalid('số thành phần không khớp với thư mục của tệp nén.');
  // Cheap first: the declared sizes already say too much (a bomb may under-declare, never the other way round).
  if (declaredTotal > limits.maxTotalBytes) throw tooLarge(limits);

  const entries: ZipEntryInfo[] = [];
  let totalBytes = 0;
  let xmlBytes = 0;
  for (const central of centrals) {
    const p = central.localOffset;
    if (p + LOCAL_SIZE > centralOffset || buffer.readUInt32LE(p) !== SIG_LOCAL) throw invalid('một thành phần của tệp nén bị hỏng.');
    const nameLength = buffer.readUInt16LE(p + 26);
    const extraLength = buffer.readUInt16LE(p + 28);
    const dataStart = p + LOCAL_SIZE + nameLength + extraLength;
    const dataEnd = dataStart + central.compressedSize;
    if (dataEnd > centralOffset) throw invalid('một thành phần của tệp nén bị hỏng.');
    const name = buffer.toString('utf8', p + LOCAL_SIZE, p + LOCAL_SIZE + nameLength);
    const isXml = [name, ...central.names].some(isXmlPart);
    const totalRoom = limits.maxTotalBytes - totalBytes;
    const xmlRoom = isXml ? maxXmlBytes - xmlBytes : Infinity;
    const room = Math.min(totalRoom, xmlRoom);
    let size: number;
    if (central.method === 0) {
      size = central.compressedSize;
    } else {
      try {
        // maxOutputLength stops inflation at the cap (RangeError ERR_BUFFER_TOO_LARGE); the output is dropped at once.
        size = inflateRawSync(buffer.subarray(dataStart, dataEnd), { maxOutputLength: Math.max(1, room) }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') size = room + 1;
        else throw invalid('dữ liệu nén của một thành phần bị hỏng.');
      }
    }
    if (size > room) throw xmlRoom < totalRoom ? xmlTooLarge(maxXmlBytes) : tooLarge(limits);
    totalBytes += size;
    if (isXml) xmlBytes += size;
    entries.push({ name, compressedSize: central.compressedSize, size });
  }
  return { entries, totalBytes, xmlBytes };
}

/** `inspectZip` for request handlers: a refusal becomes the problem to answer (413/400, Vietnamese). */
export function requireSafeZip(buffer: Buffer, limits: ZipLimits = ZIP_LIMITS): ZipInspection {
  try {
    return inspectZip(buffer, limits);
  } catch (error) {
    if (error instanceof ZipRefusedError) throw error.toAppError();
    throw error;
  }
}
