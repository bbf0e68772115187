import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createUserBodySchema } from './admin.ts';
import { firstBidiControl, hasBidiControls, multilineText, normalizeFreeText, optionalText, text } from './common.ts';
import { createPlanBodySchema } from './plans.ts';
import { saveReportBodySchema } from './report-workflow.ts';
import { identificationBodySchema } from './victims.ts';

/** Every bidirectional control the rule refuses: embeddings/overrides, isolates, marks, Arabic letter mark. */
const BIDI_CONTROLS = [
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
];

/** Legitimate Vietnamese text, in both normal forms (NFD: base letters + combining marks). */
const VIETNAMESE = ['Nguyễn Thị Hoà', 'Đặng Văn Ất', 'Kế hoạch phòng, chống mua bán người năm 2026', 'Hồ Thị Thuỷ – Ủy ban'];

function messagesOf(result: z.ZodSafeParseResult<unknown>): { path: string; message: string }[] {
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('bidirectional control characters in text fields', () => {
  it('finds every bidi control and names it by code point', () => {
    for (const control of BIDI_CONTROLS) {
      expect(hasBidiControls(`Nguyễn${control}Văn`)).toBe(true);
      expect(firstBidiControl(`a${control}b`)).toBe(`U+${control.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    }
    expect(firstBidiControl('Nguyễn Văn A')).toBeNull();
  });

  it('text() and optionalText() refuse each of them', () => {
    for (const control of BIDI_CONTROLS) {
      expect(text(200).safeParse(`Nguyễn Văn A${control}nóc`).success).toBe(false);
      expect(optionalText(200).safeParse(`${control}Ghi chú`).success).toBe(false);
    }
  });

  it('names the field in Vietnamese in the message, with the code point', () => {
    const result = createUserBodySchema.safeParse({
      username: 'spoof.user',
      fullName: 'Nguyễn Văn A\u202eanirtsnimdA',
      orgUnitId: 'VN.01',
      password: 'Mat-khau-rat-dai-2026',
    });
    expect(messagesOf(result)).toContainEqual({
      path: 'fullName',
      message: 'Họ và tên chứa ký tự điều khiển hướng chữ (U+202E) làm nội dung hiển thị khác với nội dung thực; vui lòng xóa ký tự này.',
    });
  });

  it('a plan title with an isolate is refused and named', () => {
    const result = createPlanBodySchema.safeParse({ title: 'Kế hoạch\u2067 2026' });
    const issue = messagesOf(result).find((entry) => entry.path === 'title');
    expect(issue?.message).toMatch(/^Tiêu đề chứa ký tự điều khiển hướng chữ \(U\+2067\)/);
  });

  it('a field without a known label is named by its key', () => {
    const schema = z.strictObject({ borderGate: optionalText(200) });
    expect(messagesOf(schema.safeParse({ borderGate: 'Móng Cái\u200f' }))[0]?.message).toMatch(
      /^Trường "borderGate" chứa ký tự điều khiển hướng chữ \(U\+200F\)/,
    );
  });

  it('still accepts Vietnamese text in NFC and NFD, normalised to NFC', () => {
    for (const value of VIETNAMESE) {
      for (const form of [value.normalize('NFC'), value.normalize('NFD')]) {
        expect(text(200).parse(form)).toBe(value.normalize('NFC'));
        expect(optionalText(200).parse(form)).toBe(value.normalize('NFC'));
      }
    }
  });

  it('still accepts the joiners used by emoji and other scripts (not bidi controls)', () => {
    expect(text(200).parse('Đội 👩\u200d👩\u200d👧 hỗ trợ')).toBe('Đội 👩\u200d👩\u200d👧 hỗ trợ');
    expect(text(200).parse('مرحبا Xin chào')).toBe('مرحبا Xin chào');
  });

  it('removes invisible format characters, so the stored text is what was displayed', () => {
    // Zero-width space, zero-width non-joiner, word joiner, BOM, soft hyphen, stray zero-width joiner.
    expect(text(200).parse('\ufeffNguy\u200bễn\u200c Văn\u2060 A\u00ad\u200d')).toBe('Nguyễn Văn A');
    expect(optionalText(200).parse('\u200b\ufeff')).toBeNull();
    expect(text(200).safeParse('\u200b\u200b').success).toBe(false);
    // A zero-width space between a letter and its combining mark: removed first, then composed (NFC).
    expect(normalizeFreeText('Nguye\u200b\u0302\u0303n')).toBe('Nguyễn');
  });

  it('multilineText() refuses bidi controls, removes invisible characters, keeps line breaks, stores NFC', () => {
    expect(multilineText(1000).parse('Đoạn một.\n\n  Đoạn\u200b hai.'.normalize('NFD'))).toBe('Đoạn một.\n\n  Đoạn hai.');
    expect(multilineText(1000).safeParse('Kết quả\u202e tốt').success).toBe(false);
  });

  it('free-text fields that used to bypass the shared builders now go through them', () => {
    const identification = identificationBodySchema.safeParse({
      transition: 'decide_victim',
      decidingAgency: 'Công an tỉnh\u202e',
      legalBasis: 'Điều 32\u2066',
      reason: '\u200fLý do',
      decisionNumber: '12/QĐ\ufeff',
    });
    const issues = messagesOf(identification);
    expect(issues.find((entry) => entry.path === 'decidingAgency')?.message).toMatch(
      /^Cơ quan ra quyết định chứa ký tự điều khiển hướng chữ \(U\+202E\)/,
    );
    expect(issues.find((entry) => entry.path === 'legalBasis')?.message).toMatch(/U\+2066/);
    expect(issues.find((entry) => entry.path === 'reason')?.message).toMatch(/^Lý do chứa ký tự điều khiển hướng chữ \(U\+200F\)/);
    expect(issues.some((entry) => entry.path === 'decisionNumber')).toBe(false);
    const clean = identificationBodySchema.parse({
      transition: 'decide_victim',
      decisionNumber: '12/QĐ\ufeff',
      decidingAgency: 'Công an tỉnh'.normalize('NFD'),
    });
    expect(clean.decisionNumber).toBe('12/QĐ');
    expect(clean.decidingAgency).toBe('Công an tỉnh'.normalize('NFC'));

    const report = saveReportBodySchema.safeParse({
      version: 1,
      content: { narratives: { tinh_hinh: 'Tình hình\u202d ổn định' }, notes: { w1: 'Ghi\u2068 chú' } },
    });
    expect(messagesOf(report).map((entry) => entry.path)).toEqual(
      expect.arrayContaining(['content.narratives.tinh_hinh', 'content.notes.w1']),
    );
  });
});
