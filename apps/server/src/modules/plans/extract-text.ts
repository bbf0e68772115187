/**
 * File → plain text for the plan importer. Accepts .txt/.md (UTF-8, or UTF-16 with BOM as saved by
 * Windows Notepad) and .docx (via mammoth). Rejects anything that would only produce garbage for the
 * parser, with a Vietnamese message the user can act on.
 */
import mammoth from 'mammoth';
import { inspectZip, ZIP_LIMITS, ZipRefusedError, type ZipLimits } from '../../platform/documents/zip-guard.ts';

export class PlanTextExtractionError extends Error {
  override readonly name = 'PlanTextExtractionError';
}

const MAX_BYTES = 20 * 1024 * 1024;

/**
 * A .docx is opened only within the platform's zip limits (20 MiB inflated, 2,000 parts), and its XML
 * parts — what mammoth parses, about one second and 100 MB of memory per MiB — within 4 MiB: a plan of
 * a hundred pages with tables is well under 2 MiB of XML.
 */
export const PLAN_DOCX_LIMITS: ZipLimits = { ...ZIP_LIMITS, maxXmlBytes: 4 * 1024 * 1024 };

function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName.trim());
  return (m?.[1] ?? '').toLowerCase();
}

/** Decodes text bytes strictly: invalid UTF-8 is an error, not replacement characters. */
function decodeText(buffer: Buffer): string {
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder('utf-16le').decode(buffer.subarray(2));
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) return new TextDecoder('utf-16be').decode(buffer.subarray(2));
  if (buffer.includes(0)) {
    throw new PlanTextExtractionError(
      'Tệp chứa dữ liệu nhị phân (byte NUL), không phải văn bản thuần; hãy lưu lại dưới dạng .txt (UTF-8) hoặc .docx.',
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new PlanTextExtractionError(
      'Tệp văn bản không đúng mã hóa UTF-8 (có thể là TCVN3/VNI hoặc tệp nhị phân); hãy chuyển sang Unicode UTF-8 rồi thử lại.',
    );
  }
}

/** Rejects text that is empty or mostly not letters (binary garbage, scanned-PDF residue). */
function assertReadable(text: string): string {
  const t = text.replace(/^\uFEFF/, '');
  const visible = t.replace(/\s+/g, '');
  if (visible.length === 0) throw new PlanTextExtractionError('Tệp không có nội dung văn bản.');
  // C0 control characters other than tab/newline/carriage return only occur in binary data.
  const hasControl = [...t].some((ch) => {
    const c = ch.charCodeAt(0);
    return c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0b && c !== 0x0c;
  });
  if (hasControl) {
    throw new PlanTextExtractionError('Tệp chứa ký tự điều khiển của dữ liệu nhị phân, không phải văn bản kế hoạch.');
  }
  const letters = (visible.match(/\p{L}/gu) ?? []).length;
  const replacement = (visible.match(/\uFFFD/g) ?? []).length;
  if (letters / visible.length < 0.5 || replacement / visible.length > 0.01) {
    throw new PlanTextExtractionError(
      'Nội dung tệp không đọc được như văn bản tiếng Việt (tỷ lệ chữ cái quá thấp); có thể tệp bị hỏng hoặc là tệp nhị phân.',
    );
  }
  return t;
}

export async function extractPlanText(buffer: Buffer, fileName: string): Promise<string> {
  if (buffer.length === 0) throw new PlanTextExtractionError('Tệp rỗng (0 byte).');
  if (buffer.length > MAX_BYTES) throw new PlanTextExtractionError('Tệp quá lớn (trên 20 MB) để nhập kế hoạch.');
  const ext = extensionOf(fileName);
  switch (ext) {
    case 'txt':
    case 'md':
    case 'markdown':
      return assertReadable(decodeText(buffer));
    case 'docx': {
      // A .docx is a ZIP archive ("PK\x03\x04"); anything else renamed to .docx is rejected early.
      if (!(buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04)) {
        throw new PlanTextExtractionError('Tệp có đuôi .docx nhưng không phải tài liệu Word hợp lệ.');
      }
      // The zip bomb guard runs before mammoth sees a byte; a bomb (or an archive JSZip could read
      // differently) is refused here. Too large → ZipRefusedError for the caller (413), not a parse error.
      try {
        inspectZip(buffer, PLAN_DOCX_LIMITS);
      } catch (error) {
        if (error instanceof ZipRefusedError && error.reason === 'invalid') {
          throw new PlanTextExtractionError(`Không đọc được tài liệu Word (.docx): ${error.message}`);
        }
        throw error;
      }
      let value: string;
      try {
        ({ value } = await mammoth.extractRawText({ buffer }));
      } catch {
        throw new PlanTextExtractionError('Không đọc được tài liệu Word (.docx): tệp bị hỏng hoặc được bảo vệ.');
      }
      return assertReadable(value);
    }
    case 'doc':
      throw new PlanTextExtractionError('Định dạng Word cũ (.doc) chưa được hỗ trợ; hãy mở bằng Word và lưu lại dưới dạng .docx.');
    case 'pdf':
      // No PDF text extractor (pdfjs-dist/unpdf) is installed in this project.
      throw new PlanTextExtractionError(
        'Chưa hỗ trợ nhập từ tệp PDF; hãy dùng bản .docx của văn bản hoặc sao chép nội dung sang tệp .txt.',
      );
    default:
      throw new PlanTextExtractionError(`Định dạng tệp ${ext ? `".${ext}" ` : ''}không được hỗ trợ; chỉ nhận .txt, .md hoặc .docx.`);
  }
}
