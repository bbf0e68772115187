import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_KIND_LABELS,
  ATTACHMENT_KINDS,
  canMoveRepatriation,
  changedFields,
  CONFIDENTIALITY_FLAG_LABELS,
  CONFIDENTIALITY_FLAGS,
  CORRECTION_FIELD_LABELS,
  detectAttachmentFormat,
  FILE_CLOSURE_REASON_LABELS,
  FILE_CLOSURE_REASONS,
  fileClosureProblem,
  isAttachmentKind,
  isConfidentialityFlag,
  isFileClosureReason,
  isRepatriationStatus,
  REPATRIATION_STATUS_LABELS,
  REPATRIATION_STATUSES,
  repatriationProblems,
  VICTIM_ATTACHMENT_MAX_BYTES,
  type RepatriationStatus,
} from './file-records.ts';
import { personInputSchema } from './person.ts';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? Array.from(Buffer.from(part, 'latin1')) : part)));
const PDF = bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF');
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR');
const ZIP = [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00];
const DOCX = bytes(ZIP, '[Content_Types].xml', 'word/document.xml');
const XLSX = bytes(ZIP, '[Content_Types].xml', 'xl/workbook.xml');
const OTHER_ZIP = bytes(ZIP, 'payload/readme.txt');
const EXE = bytes('MZ', [0x90, 0x00, 0x03], 'This program cannot be run in DOS mode');

describe('codes and labels', () => {
  it('label every code in Vietnamese and English, and guard the code lists', () => {
    for (const [codes, labels, guard] of [
      [CONFIDENTIALITY_FLAGS, CONFIDENTIALITY_FLAG_LABELS, isConfidentialityFlag],
      [FILE_CLOSURE_REASONS, FILE_CLOSURE_REASON_LABELS, isFileClosureReason],
      [REPATRIATION_STATUSES, REPATRIATION_STATUS_LABELS, isRepatriationStatus],
      [ATTACHMENT_KINDS, ATTACHMENT_KIND_LABELS, isAttachmentKind],
    ] as const) {
      expect(Object.keys(labels).sort()).toEqual([...codes].sort());
      for (const code of codes) {
        expect((labels as Record<string, { vi: string; en: string }>)[code]!.vi).toMatch(/\S/);
        expect((labels as Record<string, { vi: string; en: string }>)[code]!.en).toMatch(/\S/);
        expect(guard(code)).toBe(true);
      }
      expect(guard('unknown_code')).toBe(false);
      expect(guard(null)).toBe(false);
    }
  });

  it('label every field a person or a reception correction may change', () => {
    for (const field of Object.keys(personInputSchema.shape)) expect(CORRECTION_FIELD_LABELS[field], field).toBeDefined();
    for (const field of [
      'receivedOn',
      'receivedByAgencyId',
      'receivedByName',
      'receivingOfficer',
      'place',
      'way',
      'fromCountry',
      'borderGate',
      'initialSupport',
      'needs',
    ]) {
      expect(CORRECTION_FIELD_LABELS[field], field).toBeDefined();
    }
  });
});

describe('closing and reopening a file', () => {
  it('closes an open file with a listed reason', () => {
    for (const reason of FILE_CLOSURE_REASONS.filter((code) => code !== 'other')) {
      expect(fileClosureProblem({ status: 'open', action: 'close', reason })).toBeNull();
    }
    expect(fileClosureProblem({ status: 'open', action: 'close', reason: 'other', note: 'Chuyển đi nước ngoài' })).toBeNull();
  });

  it('needs a note for another reason', () => {
    for (const note of [undefined, null, '', '   ']) {
      expect(fileClosureProblem({ status: 'open', action: 'close', reason: 'other', note })).toEqual({
        field: 'note',
        message: 'Cần ghi rõ lý do khác.',
      });
    }
  });

  it('refuses while a referral is active or someone stays in a facility, and a file already closed', () => {
    expect(fileClosureProblem({ status: 'open', action: 'close', reason: 'reintegrated', activeReferrals: 1 })).toMatchObject({
      field: 'status',
      message: expect.stringContaining('chuyển tuyến đang thực hiện'),
    });
    expect(fileClosureProblem({ status: 'open', action: 'close', reason: 'reintegrated', openStays: 2 })).toMatchObject({
      field: 'status',
      message: expect.stringContaining('cơ sở trợ giúp'),
    });
    expect(fileClosureProblem({ status: 'closed', action: 'close', reason: 'reintegrated' })).toEqual({
      field: 'status',
      message: 'Hồ sơ đã được đóng.',
    });
    // The state comes first: a closed file is reported as closed whatever else is wrong.
    expect(fileClosureProblem({ status: 'closed', action: 'close', reason: 'other', activeReferrals: 3 })!.message).toBe(
      'Hồ sơ đã được đóng.',
    );
  });

  it('reopens a closed file only', () => {
    expect(fileClosureProblem({ status: 'closed', action: 'reopen' })).toBeNull();
    expect(fileClosureProblem({ status: 'open', action: 'reopen' })).toEqual({
      field: 'status',
      message: 'Hồ sơ đang mở, không cần mở lại.',
    });
  });
});

describe('repatriation', () => {
  const ALLOWED: Record<RepatriationStatus, RepatriationStatus[]> = {
    planned: ['planned', 'mission_contacted', 'handed_over', 'cancelled'],
    mission_contacted: ['mission_contacted', 'handed_over', 'cancelled'],
    handed_over: ['handed_over'],
    cancelled: [],
  };

  it('moves forward only: a handover is final, a cancelled repatriation takes no change', () => {
    for (const from of REPATRIATION_STATUSES) {
      for (const to of REPATRIATION_STATUSES) expect(canMoveRepatriation(from, to), `${from} → ${to}`).toBe(ALLOWED[from].includes(to));
    }
  });

  it('concerns a foreign person only', () => {
    expect(repatriationProblems({ citizenship: 'VN', status: 'planned' })).toEqual({
      personId: 'Chỉ hồi hương nạn nhân là người nước ngoài (quốc tịch khác Việt Nam).',
    });
    expect(repatriationProblems({ citizenship: 'KH', status: 'planned' })).toEqual({});
  });

  it('a Cambodian child handed over needs the date and the place; the mission is contacted before', () => {
    expect(repatriationProblems({ citizenship: 'KH', status: 'handed_over' })).toEqual({
      handoverOn: 'Cần ghi ngày bàn giao.',
      handoverPlace: 'Cần ghi nơi bàn giao (cửa khẩu, sân bay…).',
    });
    expect(repatriationProblems({ citizenship: 'KH', status: 'mission_contacted' })).toEqual({
      missionContactedOn: 'Cần ghi ngày liên hệ cơ quan đại diện.',
    });
    expect(
      repatriationProblems({
        citizenship: 'KH',
        status: 'handed_over',
        missionContactedOn: '2026-03-10',
        handoverOn: '2026-03-09',
        handoverPlace: 'Cửa khẩu quốc tế Mộc Bài',
      }),
    ).toEqual({ handoverOn: 'Ngày bàn giao không được trước ngày liên hệ cơ quan đại diện.' });
    expect(
      repatriationProblems({
        citizenship: 'KH',
        status: 'handed_over',
        missionContactedOn: '2026-03-10',
        handoverOn: '2026-03-20',
        handoverPlace: 'Cửa khẩu quốc tế Mộc Bài',
      }),
    ).toEqual({});
  });
});

describe('documents', () => {
  it('recognise each accepted format from its content, whatever the case of the extension', () => {
    expect(detectAttachmentFormat('quyet-dinh.pdf', PDF)).toEqual({ ok: true, format: 'pdf', mediaType: 'application/pdf' });
    expect(detectAttachmentFormat('anh.JPG', JPEG)).toMatchObject({ ok: true, format: 'jpeg', mediaType: 'image/jpeg' });
    expect(detectAttachmentFormat('anh.jpeg', JPEG)).toMatchObject({ ok: true, format: 'jpeg' });
    expect(detectAttachmentFormat('chup.png', PNG)).toMatchObject({ ok: true, format: 'png', mediaType: 'image/png' });
    expect(detectAttachmentFormat('Biên bản.docx', DOCX)).toMatchObject({
      ok: true,
      format: 'docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(detectAttachmentFormat('bang-ke.xlsx', XLSX)).toMatchObject({
      ok: true,
      format: 'xlsx',
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(ATTACHMENT_ACCEPT).toBe('.pdf,.jpg,.jpeg,.png,.docx,.xlsx');
  });

  it('refuse an empty or too large file', () => {
    expect(detectAttachmentFormat('a.pdf', new Uint8Array())).toEqual({ ok: false, message: 'Tệp rỗng (0 byte).' });
    const large = new Uint8Array(VICTIM_ATTACHMENT_MAX_BYTES + 1);
    large.set(PDF);
    expect(detectAttachmentFormat('a.pdf', large)).toEqual({ ok: false, message: 'Tệp quá lớn: tối đa 5 MB.' });
    const largest = new Uint8Array(VICTIM_ATTACHMENT_MAX_BYTES);
    largest.set(PDF);
    expect(detectAttachmentFormat('a.pdf', largest).ok).toBe(true);
  });

  it('refuse what the content does not prove: a renamed executable, another zip, an unknown format', () => {
    const refused = { ok: false, message: 'Loại tệp không được chấp nhận: chỉ nhận PDF, JPG, PNG, DOCX hoặc XLSX.' };
    expect(detectAttachmentFormat('quyet-dinh.pdf', EXE)).toEqual(refused);
    expect(detectAttachmentFormat('tai-lieu.docx', OTHER_ZIP)).toEqual(refused);
    expect(detectAttachmentFormat('ghi-chu.txt', bytes('Ghi chú'))).toEqual(refused);
    expect(detectAttachmentFormat('anh.gif', bytes('GIF89a'))).toEqual(refused);
  });

  it('refuse an extension that does not match the content', () => {
    const mismatch = (format: string) => ({
      ok: false,
      message: `Phần mở rộng của tên tệp không khớp với nội dung (nội dung là ${format}).`,
    });
    expect(detectAttachmentFormat('anh.pdf', PNG)).toEqual(mismatch('PNG'));
    expect(detectAttachmentFormat('bang-ke.docx', XLSX)).toEqual(mismatch('XLSX'));
    expect(detectAttachmentFormat('bien-ban.xlsx', DOCX)).toEqual(mismatch('DOCX'));
    expect(detectAttachmentFormat('quyet-dinh', PDF)).toEqual(mismatch('PDF'));
    expect(detectAttachmentFormat('quyet-dinh.pdf.exe', PDF)).toEqual(mismatch('PDF'));
  });

  it('never accept content without a known signature, whatever the name (property)', () => {
    const signatures = [
      [0x25, 0x50, 0x44, 0x46, 0x2d],
      [0xff, 0xd8, 0xff],
      [0x89, 0x50, 0x4e, 0x47],
      [0x50, 0x4b, 0x03, 0x04],
    ];
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.constantFrom('a.pdf', 'a.jpg', 'a.png', 'a.docx', 'a.xlsx'),
        (content, name) => {
          const known = signatures.some((signature) => signature.every((byte, index) => content[index] === byte));
          fc.pre(!known);
          expect(detectAttachmentFormat(name, content).ok).toBe(false);
        },
      ),
    );
  });
});

describe('corrections', () => {
  it('lists the fields whose value differs, in the order of the new record', () => {
    const before = { fullName: 'Nguyễn Thị Hoà', phone: '+84912345678', otherNames: [], guardian: null, birthYear: null };
    const after = { fullName: 'Nguyễn Thị Hòa', phone: '+84912345678', otherNames: [], guardian: null, birthYear: null };
    expect(changedFields(before, after)).toEqual(['fullName']);
    expect(changedFields(before, { ...after, otherNames: ['Hoa'], phone: null })).toEqual(['fullName', 'phone', 'otherNames']);
  });

  it('takes a missing field as null, and compares nested values by content', () => {
    expect(changedFields({ guardian: null }, {})).toEqual([]);
    expect(changedFields({}, { ethnicity: null })).toEqual([]);
    expect(changedFields({ ethnicity: 'Kinh' }, {})).toEqual(['ethnicity']);
    expect(
      changedFields({ guardian: { fullName: 'Lò Văn A', relationship: 'Bố' } }, { guardian: { fullName: 'Lò Văn A', relationship: 'Bố' } }),
    ).toEqual([]);
    expect(changedFields({ needs: ['medical', 'travel'] }, { needs: ['travel', 'medical'] })).toEqual(['needs']);
  });

  it('finds no change between a record and itself, and every changed key otherwise (property)', () => {
    const record = fc.dictionary(
      fc.string({ minLength: 1, maxLength: 8 }),
      fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
    );
    fc.assert(
      fc.property(record, record, (a, b) => {
        expect(changedFields(a, { ...a })).toEqual([]);
        for (const key of changedFields(a, b)) expect(JSON.stringify(a[key] ?? null)).not.toBe(JSON.stringify(b[key] ?? null));
      }),
    );
  });
});
