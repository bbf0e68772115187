import { describe, expect, it } from 'vitest';
import { mergeDraft } from './merge-draft.ts';
import { changedPaths } from './report-draft.ts';

const FEMALE = 'tables.victims_received.identified.female';
const MALE = 'tables.victims_received.identified.male';
const TOTAL = 'tables.victims_received.identified.total';
const NARRATIVE = 'narratives.direction';
const NOTE = 'notes.parts_below_total:victims_received:received:total:female+male';

describe('mergeDraft', () => {
  it('keeps the fields the user changed and takes the others from the latest copy', () => {
    const loaded = { [FEMALE]: '1', [MALE]: '2', [TOTAL]: '3', [NARRATIVE]: '' };
    const mine = { ...loaded, [FEMALE]: '4', [NARRATIVE]: 'Đã ban hành kế hoạch' };
    const latest = { ...loaded, [MALE]: '5', [TOTAL]: '9' };
    const merged = mergeDraft(loaded, mine, latest);
    expect(merged.draft).toEqual({ [FEMALE]: '4', [MALE]: '5', [TOTAL]: '9', [NARRATIVE]: 'Đã ban hành kế hoạch' });
    expect(merged.kept).toEqual([NARRATIVE, FEMALE].sort());
    expect(merged.updatedByOthers).toEqual([MALE, TOTAL].sort());
    expect(merged.conflicts).toEqual([]);
  });

  it('reports a conflict, keeping the user value, when both changed a field to different values', () => {
    const loaded = { [FEMALE]: '1', [NARRATIVE]: 'A' };
    const mine = { [FEMALE]: '4', [NARRATIVE]: 'A – sửa của tôi' };
    const latest = { [FEMALE]: '7', [NARRATIVE]: 'A – sửa của người khác' };
    const merged = mergeDraft(loaded, mine, latest);
    expect(merged.draft).toEqual(mine);
    expect(merged.conflicts).toEqual([
      { path: NARRATIVE, mine: 'A – sửa của tôi', theirs: 'A – sửa của người khác', original: 'A' },
      { path: FEMALE, mine: '4', theirs: '7', original: '1' },
    ]);
    expect(merged.updatedByOthers).toEqual([]);
  });

  it('sees no conflict when both entered the same value, however it was typed', () => {
    const loaded = { [FEMALE]: '', [NARRATIVE]: 'x' };
    const mine = { [FEMALE]: ' 12 ', [NARRATIVE]: 'y\r\n' };
    const latest = { [FEMALE]: '12', [NARRATIVE]: 'y' };
    const merged = mergeDraft(loaded, mine, latest);
    expect(merged.conflicts).toEqual([]);
    expect(merged.draft[FEMALE]).toBe(' 12 ');
  });

  it('keeps what the user typed even when it is not a valid number (never discards input)', () => {
    const loaded = { [FEMALE]: '1' };
    const mine = { [FEMALE]: '1,5' };
    const latest = { [FEMALE]: '2' };
    const merged = mergeDraft(loaded, mine, latest);
    expect(merged.draft[FEMALE]).toBe('1,5');
    expect(merged.conflicts).toHaveLength(1);
  });

  it('keeps a value the user cleared, and a note the user added that the latest copy lacks', () => {
    const loaded = { [FEMALE]: '3' };
    const mine = { [FEMALE]: '', [NOTE]: 'Hai nạn nhân chưa xác định giới tính' };
    const latest = { [FEMALE]: '3', [MALE]: '1' };
    const merged = mergeDraft(loaded, mine, latest);
    expect(merged.draft).toEqual({ [FEMALE]: '', [MALE]: '1', [NOTE]: 'Hai nạn nhân chưa xác định giới tính' });
    expect(merged.kept).toEqual([NOTE, FEMALE].sort());
    expect(merged.updatedByOthers).toEqual([MALE]);
  });

  it('adopts the latest copy when the user changed nothing', () => {
    const loaded = { [FEMALE]: '1', [MALE]: '2' };
    const latest = { [FEMALE]: '3', [MALE]: '2' };
    const merged = mergeDraft(loaded, { ...loaded }, latest);
    expect(merged.draft).toEqual(latest);
    expect(merged.kept).toEqual([]);
    expect(changedPaths(latest, merged.draft)).toEqual([]);
  });

  it('leaves exactly the user changes as unsaved against the latest copy', () => {
    const loaded = { [FEMALE]: '1', [MALE]: '2', [TOTAL]: '3' };
    const mine = { ...loaded, [TOTAL]: '4' };
    const latest = { [FEMALE]: '1', [MALE]: '3', [TOTAL]: '3' };
    const merged = mergeDraft(loaded, mine, latest);
    expect(changedPaths(latest, merged.draft)).toEqual([TOTAL]);
  });
});
