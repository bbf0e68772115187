import type { CodeLabel } from './codes.ts';

/**
 * The records that complete a victim file: confidentiality flags, closing, repatriation of foreign
 * victims, documents (attachments) and corrections. Pure rules, shared by the server and the web app.
 */

function guard<const T extends string>(codes: readonly T[]): (value: unknown) => value is T {
  return (value: unknown): value is T => typeof value === 'string' && (codes as readonly string[]).includes(value);
}

// ── Confidentiality flags ──────────────────────────────────────────────────────────────────────────
/**
 * Standing instructions on a file that every reader must respect (shown on the file's header and in
 * lists). They add to the protection measures of a safety assessment: those are about the person's
 * safety, these about how the file and the proceedings are handled.
 */
export const CONFIDENTIALITY_FLAGS = [
  'closed_hearing_requested',
  'no_media',
  'no_family_contact',
  'address_withheld',
  'identity_change_requested',
] as const;
export type ConfidentialityFlag = (typeof CONFIDENTIALITY_FLAGS)[number];
export const isConfidentialityFlag = guard(CONFIDENTIALITY_FLAGS);

export const CONFIDENTIALITY_FLAG_LABELS: Readonly<Record<ConfidentialityFlag, CodeLabel>> = {
  closed_hearing_requested: { vi: 'Đề nghị xét xử kín', en: 'Closed hearing requested' },
  no_media: { vi: 'Không cung cấp thông tin cho báo chí, truyền thông', en: 'No information to the media' },
  no_family_contact: {
    vi: 'Không liên hệ gia đình khi chưa có ý kiến của nạn nhân',
    en: 'No family contact without the person’s agreement',
  },
  address_withheld: { vi: 'Giữ bí mật nơi ở hiện tại', en: 'Current address withheld' },
  identity_change_requested: { vi: 'Đề nghị thay đổi nhân thân, lý lịch', en: 'Change of identity requested' },
};

// ── Closing a file ─────────────────────────────────────────────────────────────────────────────────
/** Why a file is closed. A closed file takes no new records until it is reopened (with a reason). */
export const FILE_CLOSURE_REASONS = [
  'reintegrated',
  'not_victim',
  'repatriated',
  'transferred',
  'lost_contact',
  'deceased',
  'other',
] as const;
export type FileClosureReason = (typeof FILE_CLOSURE_REASONS)[number];
export const isFileClosureReason = guard(FILE_CLOSURE_REASONS);

export const FILE_CLOSURE_REASON_LABELS: Readonly<Record<FileClosureReason, CodeLabel>> = {
  reintegrated: { vi: 'Đã tái hòa nhập cộng đồng ổn định', en: 'Reintegrated' },
  not_victim: { vi: 'Xác định không phải nạn nhân', en: 'Not a victim' },
  repatriated: { vi: 'Đã hồi hương (người nước ngoài)', en: 'Repatriated' },
  transferred: { vi: 'Chuyển hồ sơ cho địa phương, cơ quan khác quản lý', en: 'Transferred to another unit' },
  lost_contact: { vi: 'Mất liên lạc', en: 'Lost contact' },
  deceased: { vi: 'Đã chết', en: 'Deceased' },
  other: { vi: 'Lý do khác', en: 'Other' },
};

export type FileStatus = 'open' | 'closed';

/**
 * Whether a file in `status` may be closed or reopened, and the Vietnamese reason when not.
 * A reason other than a listed one needs a note; closing while a referral is active is refused so
 * that no receiving unit is left working on a closed file.
 */
export function fileClosureProblem(args: {
  status: FileStatus;
  action: 'close' | 'reopen';
  reason?: FileClosureReason | undefined;
  note?: string | null | undefined;
  activeReferrals?: number;
  openStays?: number;
}): { field: string; message: string } | null {
  if (args.action === 'reopen') {
    return args.status === 'closed' ? null : { field: 'status', message: 'Hồ sơ đang mở, không cần mở lại.' };
  }
  if (args.status === 'closed') return { field: 'status', message: 'Hồ sơ đã được đóng.' };
  if (args.reason === 'other' && !args.note?.trim()) return { field: 'note', message: 'Cần ghi rõ lý do khác.' };
  if ((args.activeReferrals ?? 0) > 0) {
    return { field: 'status', message: 'Còn chuyển tuyến đang thực hiện: hoàn thành hoặc hủy chuyển tuyến trước khi đóng hồ sơ.' };
  }
  if ((args.openStays ?? 0) > 0) {
    return { field: 'status', message: 'Người trong hồ sơ vẫn đang ở cơ sở trợ giúp: ghi nhận ngày ra trước khi đóng hồ sơ.' };
  }
  return null;
}

// ── Repatriation of foreign victims ────────────────────────────────────────────────────────────────
export const REPATRIATION_STATUSES = ['planned', 'mission_contacted', 'handed_over', 'cancelled'] as const;
export type RepatriationStatus = (typeof REPATRIATION_STATUSES)[number];
export const isRepatriationStatus = guard(REPATRIATION_STATUSES);

export const REPATRIATION_STATUS_LABELS: Readonly<Record<RepatriationStatus, CodeLabel>> = {
  planned: { vi: 'Đang chuẩn bị hồi hương', en: 'Being prepared' },
  mission_contacted: { vi: 'Đã liên hệ cơ quan đại diện', en: 'Mission contacted' },
  handed_over: { vi: 'Đã bàn giao', en: 'Handed over' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

const REPATRIATION_NEXT: Readonly<Record<RepatriationStatus, readonly RepatriationStatus[]>> = {
  planned: ['planned', 'mission_contacted', 'handed_over', 'cancelled'],
  mission_contacted: ['mission_contacted', 'handed_over', 'cancelled'],
  handed_over: ['handed_over'],
  cancelled: [],
};

export function canMoveRepatriation(from: RepatriationStatus, to: RepatriationStatus): boolean {
  return REPATRIATION_NEXT[from].includes(to);
}

/**
 * Field errors of a repatriation record (Vietnamese): only a person whose citizenship is not
 * Vietnamese is repatriated; the mission is contacted before the handover; a handover names its
 * date and place.
 */
export function repatriationProblems(record: {
  citizenship: string;
  status: RepatriationStatus;
  missionContactedOn?: string | null | undefined;
  handoverOn?: string | null | undefined;
  handoverPlace?: string | null | undefined;
}): Record<string, string> {
  const errors: Record<string, string> = {};
  if (record.citizenship === 'VN') errors.personId = 'Chỉ hồi hương nạn nhân là người nước ngoài (quốc tịch khác Việt Nam).';
  if (record.status === 'mission_contacted' && !record.missionContactedOn)
    errors.missionContactedOn = 'Cần ghi ngày liên hệ cơ quan đại diện.';
  if (record.status === 'handed_over') {
    if (!record.handoverOn) errors.handoverOn = 'Cần ghi ngày bàn giao.';
    if (!record.handoverPlace) errors.handoverPlace = 'Cần ghi nơi bàn giao (cửa khẩu, sân bay…).';
  }
  if (record.missionContactedOn && record.handoverOn && record.handoverOn < record.missionContactedOn)
    errors.handoverOn = 'Ngày bàn giao không được trước ngày liên hệ cơ quan đại diện.';
  return errors;
}

// ── Documents (attachments) ────────────────────────────────────────────────────────────────────────
export const ATTACHMENT_KINDS = [
  'identification_decision',
  'evidence',
  'reception_record',
  'consent_form',
  'support_document',
  'repatriation_document',
  'other',
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export const isAttachmentKind = guard(ATTACHMENT_KINDS);

export const ATTACHMENT_KIND_LABELS: Readonly<Record<AttachmentKind, CodeLabel>> = {
  identification_decision: { vi: 'Quyết định, văn bản xác định nạn nhân', en: 'Identification decision' },
  evidence: { vi: 'Tài liệu, chứng cứ (Điều 32 Luật PCMBN 2024)', en: 'Evidence' },
  reception_record: { vi: 'Biên bản tiếp nhận, bàn giao', en: 'Reception or handover record' },
  consent_form: { vi: 'Văn bản đồng ý', en: 'Consent form' },
  support_document: { vi: 'Hồ sơ đề nghị, chứng từ hỗ trợ', en: 'Support application or receipt' },
  repatriation_document: { vi: 'Giấy tờ hồi hương', en: 'Repatriation document' },
  other: { vi: 'Tài liệu khác', en: 'Other' },
};

/** Documents of a victim file: scans and office files, at most 5 MB each (they are encrypted at rest). */
export const VICTIM_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

export const ATTACHMENT_MEDIA_TYPES = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'] },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { mediaType: 'image/png', extensions: ['png'] },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
} as const;
export type AttachmentFormat = keyof typeof ATTACHMENT_MEDIA_TYPES;

/** The accepted file extensions, for the upload control (".pdf,.jpg,…"). */
export const ATTACHMENT_ACCEPT = Object.values(ATTACHMENT_MEDIA_TYPES)
  .flatMap((entry) => entry.extensions.map((extension) => `.${extension}`))
  .join(',');

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);

function containsAscii(bytes: Uint8Array, needle: string): boolean {
  const codes = Array.from(needle, (char) => char.charCodeAt(0));
  const first = codes[0]!;
  for (let index = bytes.indexOf(first); index !== -1 && index <= bytes.length - codes.length; index = bytes.indexOf(first, index + 1)) {
    if (startsWith(bytes, codes, index)) return true;
  }
  return false;
}

/**
 * Formats the server accepts as uploads (task evidence, plan attachments): the attachment formats plus
 * plain UTF-8 text (.txt), which is checked by content too (strict UTF-8, no control characters, no markup).
 */
export const UPLOAD_MEDIA_TYPES = {
  ...ATTACHMENT_MEDIA_TYPES,
  txt: { mediaType: 'text/plain', extensions: ['txt'] },
} as const;
export type UploadFormat = keyof typeof UPLOAD_MEDIA_TYPES;

/** Plain text a browser or an editor shows as text: strict UTF-8 (BOM allowed), no NUL/control bytes, not markup (HTML, SVG, XML). */
function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  text = text.replace(/^\uFEFF/, '');
  // eslint-disable-next-line no-control-regex -- C0 controls other than tab, newline, form feed, carriage return mark binary data.
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return false;
  return !text.trimStart().startsWith('<');
}

export type DocumentFormatResult =
  { ok: true; format: UploadFormat; mediaType: string } | { ok: false; problem: 'empty' | 'type' | 'extension'; message: string };

/**
 * The format of a document from its content (magic bytes) and its name, or a Vietnamese reason to
 * refuse it. The content decides: a renamed executable is refused whatever its extension, and the
 * extension must agree with the content (a PNG named .pdf is refused too). No size limit here: each
 * caller has its own. `allowText` also accepts plain UTF-8 text named .txt.
 */
export function detectDocumentFormat(fileName: string, bytes: Uint8Array, options: { allowText?: boolean } = {}): DocumentFormatResult {
  const allowed = options.allowText ? 'PDF, JPG, PNG, DOCX, XLSX hoặc TXT' : 'PDF, JPG, PNG, DOCX hoặc XLSX';
  if (bytes.length === 0) return { ok: false, problem: 'empty', message: 'Tệp rỗng (0 byte).' };
  const extension = /\.([a-z0-9]{1,8})$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  let format: UploadFormat | null = null;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) format = 'pdf';
  else if (startsWith(bytes, [0xff, 0xd8, 0xff])) format = 'jpeg';
  else if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) format = 'png';
  else if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // An Office Open XML package is a zip whose directory names its main part: a Word document has
    // word/document.xml, a workbook xl/workbook.xml (any other zip is refused).
    if (containsAscii(bytes, 'word/document.xml')) format = 'docx';
    else if (containsAscii(bytes, 'xl/workbook.xml')) format = 'xlsx';
  } else if (options.allowText && isPlainText(bytes)) {
    // Text under another name (.html, .js, .svg, .css…) is exactly what must not be accepted.
    format = extension === 'txt' ? 'txt' : null;
  }
  if (!format) return { ok: false, problem: 'type', message: `Loại tệp không được chấp nhận: chỉ nhận ${allowed}.` };
  const entry = UPLOAD_MEDIA_TYPES[format];
  if (!(entry.extensions as readonly string[]).includes(extension)) {
    return {
      ok: false,
      problem: 'extension',
      message: `Phần mở rộng của tên tệp không khớp với nội dung (nội dung là ${format.toUpperCase()}).`,
    };
  }
  return { ok: true, format, mediaType: entry.mediaType };
}

/** A victim file's document: `detectDocumentFormat` (no text) within VICTIM_ATTACHMENT_MAX_BYTES. */
export function detectAttachmentFormat(
  fileName: string,
  bytes: Uint8Array,
): { ok: true; format: AttachmentFormat; mediaType: string } | { ok: false; message: string } {
  if (bytes.length > VICTIM_ATTACHMENT_MAX_BYTES) {
    return { ok: false, message: `Tệp quá lớn: tối đa ${VICTIM_ATTACHMENT_MAX_BYTES / 1024 / 1024} MB.` };
  }
  const detected = detectDocumentFormat(fileName, bytes);
  if (!detected.ok) return { ok: false, message: detected.message };
  return { ok: true, format: detected.format as AttachmentFormat, mediaType: detected.mediaType };
}

// ── Corrections ────────────────────────────────────────────────────────────────────────────────────
/**
 * The fields that differ between two versions of a record (by JSON value), in the order of `after`'s
 * keys: a correction records which fields it changed (never their values, which stay encrypted).
 */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return keys.filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null));
}

export const CORRECTION_FIELD_LABELS: Readonly<Record<string, CodeLabel>> = {
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  otherNames: { vi: 'Tên gọi khác', en: 'Other names' },
  sex: { vi: 'Giới tính', en: 'Sex' },
  dateOfBirth: { vi: 'Ngày sinh', en: 'Date of birth' },
  birthYear: { vi: 'Năm sinh', en: 'Birth year' },
  estimatedAge: { vi: 'Tuổi ước tính', en: 'Estimated age' },
  ageEstimatedOn: { vi: 'Ngày ước tính tuổi', en: 'Age estimated on' },
  ageUncertain: { vi: 'Chưa chắc chắn về tuổi', en: 'Age uncertain' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnicity' },
  citizenship: { vi: 'Quốc tịch', en: 'Citizenship' },
  citizenId: { vi: 'Số định danh/CCCD', en: 'Citizen ID' },
  passportNumber: { vi: 'Số hộ chiếu', en: 'Passport number' },
  homeOrgUnitId: { vi: 'Đơn vị hành chính nơi cư trú', en: 'Home administrative unit' },
  homeAddress: { vi: 'Địa chỉ', en: 'Address' },
  phone: { vi: 'Số điện thoại', en: 'Phone' },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  guardian: { vi: 'Người giám hộ', en: 'Guardian' },
  relationship: { vi: 'Quan hệ với người được tiếp nhận', en: 'Relationship' },
  receivedOn: { vi: 'Ngày tiếp nhận', en: 'Received on' },
  receivedByAgencyId: { vi: 'Cơ quan tiếp nhận', en: 'Receiving agency' },
  receivedByName: { vi: 'Đơn vị tiếp nhận (ghi theo văn bản)', en: 'Receiving body (as written)' },
  receivingOfficer: { vi: 'Cán bộ tiếp nhận', en: 'Receiving officer' },
  place: { vi: 'Nơi tiếp nhận', en: 'Place' },
  way: { vi: 'Hình thức tiếp nhận', en: 'Way of reception' },
  fromCountry: { vi: 'Nước trở về từ', en: 'Returned from' },
  borderGate: { vi: 'Cửa khẩu', en: 'Border gate' },
  initialSupport: { vi: 'Hỗ trợ ban đầu', en: 'Initial support' },
  needs: { vi: 'Nhu cầu hỗ trợ', en: 'Needs' },
};
