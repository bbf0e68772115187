import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVietnamese, foldVietnamese, hasInvalidCharacters, normalizeText, searchWords } from './vietnamese.ts';

describe('Vietnamese folding', () => {
  it('strips every tone and vowel mark and turns đ into d', () => {
    expect(foldVietnamese('Nguyễn Đức Thắng')).toBe('nguyen duc thang');
    expect(foldVietnamese('Hải Phòng')).toBe('hai phong');
    expect(foldVietnamese('ỦY BAN NHÂN DÂN')).toBe('uy ban nhan dan');
    expect(foldVietnamese('Bắc Giang, Hưng Yên, Quảng Ngãi')).toBe('bac giang, hung yen, quang ngai');
  });
  it('gives the same key for NFC and NFD input (text pasted from Word or a Mac)', () => {
    expect(foldVietnamese('Nguyễn'.normalize('NFD'))).toBe(foldVietnamese('Nguyễn'.normalize('NFC')));
  });

  const vietnameseLetter = fc.constantFrom(
    ...'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵAĂÂĐÊÔƠƯÀÁẢÃẠ '.split(''),
  );
  const vietnameseText = fc.array(vietnameseLetter, { maxLength: 40 }).map((letters) => letters.join(''));

  it('property: folding is idempotent and yields only unaccented lower-case ASCII for Vietnamese text', () => {
    fc.assert(
      fc.property(vietnameseText, (value) => {
        const folded = foldVietnamese(value);
        expect(foldVietnamese(folded)).toBe(folded);
        expect(folded).toMatch(/^[a-z ]*$/);
        expect(folded.length).toBe(value.normalize('NFC').length);
      }),
    );
  });
  it('property: a folded substring still matches inside the folded whole (accent-insensitive search)', () => {
    fc.assert(
      fc.property(vietnameseText, fc.nat(), fc.nat(), (value, a, b) => {
        const nfc = value.normalize('NFC');
        const start = Math.min(a, b) % (nfc.length + 1);
        const end = Math.max(a, b) % (nfc.length + 1);
        const part = nfc.slice(Math.min(start, end), Math.max(start, end));
        expect(foldVietnamese(nfc).includes(foldVietnamese(part))).toBe(true);
      }),
    );
  });
  it('property: never throws on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (value) => void foldVietnamese(value)));
  });
});

describe('text normalisation and sort order', () => {
  it('stores NFC with collapsed whitespace', () => {
    expect(normalizeText('  Nguyễn   Văn\tA '.normalize('NFD'))).toBe('Nguyễn Văn A');
  });
  it('flags NUL and lone surrogates but not emoji', () => {
    expect(hasInvalidCharacters('a\u0000b')).toBe(true);
    expect(hasInvalidCharacters('\ud800')).toBe(true);
    expect(hasInvalidCharacters('x\udc00')).toBe(true);
    expect(hasInvalidCharacters('Xin chào 😀')).toBe(false);
  });
  it('sorts the Vietnamese way: đ after d, accented vowels beside their base', () => {
    const names = ['Đào', 'Dương', 'Ánh', 'Bình', 'An'];
    expect([...names].sort(compareVietnamese)).toEqual(['An', 'Ánh', 'Bình', 'Dương', 'Đào']);
  });
});

describe('search words', () => {
  it('splits a query into words, dropping punctuation at their edges', () => {
    expect(searchWords('  Sở  Nội vụ, Hải Phòng. ')).toEqual(['Sở', 'Nội', 'vụ', 'Hải', 'Phòng']);
    expect(searchWords('45/KH-UBND')).toEqual(['45/KH-UBND']);
    expect(searchWords(' , . ')).toEqual([]);
    expect(searchWords('a b c d e f g h i j')).toHaveLength(8);
  });
});
