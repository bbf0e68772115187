import { describe, expect, it } from 'vitest';
import { matchesSearch, textOrNull } from './support-form-kit.ts';

describe('care form kit', () => {
  it('searches labels without accents, every word in any order', () => {
    expect(matchesSearch('Hỗ trợ tâm lý', 'tam ly')).toBe(true);
    expect(matchesSearch('Chuyển tuyến, chuyển gửi', 'chuyen tuyen')).toBe(true);
    expect(matchesSearch('Nhà tạm lánh — Đà Nẵng (còn 3 chỗ)', 'da nang tam')).toBe(true);
    expect(matchesSearch('Người được hỗ trợ', 'duoc ho tro')).toBe(true);
    expect(matchesSearch('Hỗ trợ y tế', 'tam ly')).toBe(false);
    expect(matchesSearch('Anything', '  ')).toBe(true);
  });

  it('sends an empty optional text as null', () => {
    expect(textOrNull('  ')).toBeNull();
    expect(textOrNull(undefined)).toBeNull();
    expect(textOrNull(' Ghi chú ')).toBe('Ghi chú');
  });
});
