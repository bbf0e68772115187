import { DEFAULT_TEMPLATE_DEFINITION } from '@atmis/domain';
import { describe, expect, it } from 'vitest';
import {
  addItem,
  addSection,
  addTable,
  allTables,
  checkDraft,
  draftOf,
  emptyDraft,
  moveTableToSection,
  relabelItem,
  rekeyItem,
  removeItem,
  retitleSection,
  retitleTable,
  updateTable,
  type TemplateDraft,
} from './template-draft.ts';

const t = (key: string, options?: Record<string, unknown>) => (options ? `${key} ${JSON.stringify(options)}` : key);

describe('template draft', () => {
  it('gives back the published definition unchanged', () => {
    const check = checkDraft(draftOf(DEFAULT_TEMPLATE_DEFINITION), t);
    expect(check.issues).toEqual([]);
    // The builder lists tables in the order of the sections that show them.
    const byKey = (tables: { key: string }[]) => [...tables].sort((a, b) => a.key.localeCompare(b.key));
    expect(check.definition?.sections).toEqual(DEFAULT_TEMPLATE_DEFINITION.sections);
    expect(byKey(check.definition?.tables ?? [])).toEqual(byKey(DEFAULT_TEMPLATE_DEFINITION.tables));
  });

  it('suggests keys from titles and labels until the key is edited', () => {
    let draft = retitleSection(emptyDraft(), emptyDraft().sections[0]!.uid, 'x');
    const sectionUid = draft.sections[0]!.uid;
    draft = retitleSection(draft, sectionUid, 'I. Công tác chỉ đạo');
    expect(draft.sections[0]!.key).toBe('i_cong_tac_chi_dao');
    draft = addTable(draft, sectionUid, 'Tổng số');
    const table = draft.sections[0]!.tables[0]!;
    expect(table.columns[0]!.key).toBe('tong_so');
    draft = retitleTable(draft, table.uid, 'Nạn nhân được tiếp nhận');
    expect(allTables(draft)[0]!.key).toBe('nan_nhan_duoc_tiep_nhan');
    const rowUid = table.rows[0]!.uid;
    draft = updateTable(draft, table.uid, (current) => relabelItem(current, 'rows', rowUid, 'Được tiếp nhận'));
    expect(allTables(draft)[0]!.rows[0]!.key).toBe('duoc_tiep_nhan');
    draft = updateTable(draft, table.uid, (current) => rekeyItem(current, 'rows', rowUid, 'received'));
    draft = updateTable(draft, table.uid, (current) => relabelItem(current, 'rows', rowUid, 'Số được tiếp nhận'));
    expect(allTables(draft)[0]!.rows[0]!.key).toBe('received');
    // A second row with the same label gets a distinct key.
    draft = updateTable(draft, table.uid, (current) => addItem(current, 'rows'));
    const second = allTables(draft)[0]!.rows[1]!.uid;
    draft = updateTable(draft, table.uid, (current) => relabelItem(current, 'rows', second, 'Received'));
    draft = updateTable(draft, table.uid, (current) => relabelItem(current, 'rows', second, 'received'));
    expect(allTables(draft)[0]!.rows[1]!.key).toBe('received_2');
    expect(checkDraft(draft, t).definition).not.toBeNull();
  });

  it('places the domain messages on the element they concern', () => {
    const draft = draftOf(DEFAULT_TEMPLATE_DEFINITION);
    const table = allTables(draft).find((candidate) => candidate.key === 'victims_received')!;
    const [first, second] = table.rows;
    const broken: TemplateDraft = updateTable(draft, table.uid, (current) =>
      rekeyItem(relabelItem(current, 'rows', second!.uid, '  '), 'rows', second!.uid, first!.key),
    );
    const check = checkDraft(broken, t);
    expect(check.definition).toBeNull();
    const issues = check.byUid.get(second!.uid) ?? [];
    expect(issues.map((issue) => [issue.field, issue.message])).toEqual(
      expect.arrayContaining([
        ['label', 'Không được để trống.'],
        ['key', 'Bảng "victims_received": mã dòng "received" bị trùng.'],
      ]),
    );
  });

  it('removing a row drops it from groups and limits', () => {
    const draft = draftOf(DEFAULT_TEMPLATE_DEFINITION);
    const table = allTables(draft).find((candidate) => candidate.key === 'victims_received')!;
    const received = table.rows.find((row) => row.key === 'received')!;
    const after = updateTable(draft, table.uid, (current) => removeItem(current, 'rows', received.uid));
    const updated = allTables(after).find((candidate) => candidate.uid === table.uid)!;
    expect(updated.rowLimits).toEqual([]);
    expect(checkDraft(after, t).issues).toEqual([]);
  });

  it('reports unfinished groups and a table moved to another section stays placed once', () => {
    let draft = addSection(draftOf(DEFAULT_TEMPLATE_DEFINITION));
    const target = draft.sections.at(-1)!;
    draft = retitleSection(draft, target.uid, 'VIII. Khác');
    const table = allTables(draft)[0]!;
    draft = moveTableToSection(draft, table.uid, target.uid);
    expect(draft.sections.at(-1)!.tables.map((candidate) => candidate.uid)).toEqual([table.uid]);
    expect(checkDraft(draft, t).issues).toEqual([]);
    draft = updateTable(draft, table.uid, (current) => ({
      ...current,
      rowGroups: [...current.rowGroups, { uid: 'g', total: undefined, parts: [], complete: true }],
    }));
    const check = checkDraft(draft, t);
    expect(check.definition).toBeNull();
    expect(check.byUid.get('g')?.[0]?.message).toBe('reportSetup.editor.issues.groupIncomplete');
  });

  it('asks for at least one section', () => {
    const check = checkDraft({ sections: [] }, t);
    expect(check.definition).toBeNull();
    expect(check.issues[0]?.message).toBe('reportSetup.editor.issues.tooFew {"min":1}');
  });
});
