import { reportKeySchema } from '@atmis/domain';
import { describe, expect, it } from 'vitest';
import { MAX_KEY_LENGTH, suggestKey, uniqueKey } from './template-keys.ts';

describe('suggestKey', () => {
  it('folds Vietnamese labels to ascii snake_case', () => {
    expect(suggestKey('Số tin báo, tố giác tiếp nhận')).toBe('so_tin_bao_to_giac_tiep_nhan');
    expect(suggestKey('Được xác định là nạn nhân')).toBe('duoc_xac_dinh_la_nan_nhan');
    expect(suggestKey('ĐỐI TƯỢNG — bị bắt, xử lý')).toBe('doi_tuong_bi_bat_xu_ly');
    expect(suggestKey('  Tổng   số  ')).toBe('tong_so');
    expect(suggestKey('Từ đủ 16 đến dưới 18 tuổi')).toBe('tu_du_16_den_duoi_18_tuoi');
  });

  it('starts with a letter and fits the domain key rule', () => {
    expect(suggestKey('16 tuổi')).toBe('k_16_tuoi');
    const long = suggestKey('Hỗ trợ nhu cầu thiết yếu (ăn, ở, quần áo, vật dụng cá nhân)');
    expect(long.length).toBeLessThanOrEqual(MAX_KEY_LENGTH);
    expect(long.endsWith('_')).toBe(false);
    for (const label of ['16 tuổi', 'Nữ', 'a', 'Quốc gia khác', long, 'X'.repeat(100)])
      expect(reportKeySchema.safeParse(suggestKey(label)).success).toBe(true);
  });

  it('gives nothing for labels without letters or digits', () => {
    expect(suggestKey('')).toBe('');
    expect(suggestKey(' — … ')).toBe('');
  });
});

describe('uniqueKey', () => {
  it('adds a suffix when the key is taken', () => {
    expect(uniqueKey('Nữ', [], 'dong')).toBe('nu');
    expect(uniqueKey('Nữ', ['nu'], 'dong')).toBe('nu_2');
    expect(uniqueKey('Nữ', ['nu', 'nu_2'], 'dong')).toBe('nu_3');
    expect(uniqueKey('', ['dong'], 'dong')).toBe('dong_2');
  });

  it('stays within 40 characters with the suffix', () => {
    const base = suggestKey('a'.repeat(60));
    const key = uniqueKey('a'.repeat(60), [base], 'dong');
    expect(key).toBe(`${'a'.repeat(38)}_2`);
    expect(reportKeySchema.safeParse(key).success).toBe(true);
  });
});
