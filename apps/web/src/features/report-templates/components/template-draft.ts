import { reportTemplateDefinitionSchema, type ReportTemplateDefinition } from '@atmis/domain';
import { uniqueKey } from './template-keys.ts';

/**
 * The form builder's working copy of a template definition. Items carry a stable `uid` so that
 * sections, groups and limits refer to tables, rows and columns by identity: renaming a key (or
 * its label, while the key follows the label) never breaks a reference. `keyTouched` is set once
 * the user edits a key, or for keys that came from a published version (they stay stable across
 * versions so that figures remain comparable).
 */
export interface DraftItem {
  uid: string;
  key: string;
  label: string;
  keyTouched: boolean;
}

export interface DraftGroup {
  uid: string;
  /** uid of the total row/column. */
  total: string | undefined;
  /** uids of the part rows/columns. */
  parts: string[];
  complete: boolean;
}

export interface DraftLimit {
  uid: string;
  row: string | undefined;
  notAbove: string | undefined;
}

export interface DraftTable {
  uid: string;
  key: string;
  keyTouched: boolean;
  title: string;
  unit: string;
  prefill: string | null;
  rows: DraftItem[];
  columns: DraftItem[];
  columnGroups: DraftGroup[];
  rowGroups: DraftGroup[];
  rowLimits: DraftLimit[];
}

export interface DraftSection {
  uid: string;
  key: string;
  keyTouched: boolean;
  title: string;
  guidance: string;
  /** The tables shown in the section, in order (a table belongs to exactly one section). */
  tables: DraftTable[];
}

export interface TemplateDraft {
  sections: DraftSection[];
}

export type ItemList = 'rows' | 'columns';
export type GroupList = 'columnGroups' | 'rowGroups';

/** The record sources that can prefill a table (ADR 0003). */
export const PREFILL_SOURCES = ['tipoffs', 'cases', 'victims', 'prevention'] as const;

let lastUid = 0;
export const newUid = () => `d${(lastUid += 1)}`;

const FALLBACK_KEYS = { section: 'muc', table: 'bang', rows: 'dong', columns: 'cot' } as const;

// ── Building ─────────────────────────────────────────────────────────────────────────────────────

export function emptyItem(label: string, taken: readonly DraftItem[], list: ItemList): DraftItem {
  return {
    uid: newUid(),
    label,
    key: uniqueKey(
      label,
      taken.map((item) => item.key),
      FALLBACK_KEYS[list],
    ),
    keyTouched: false,
  };
}

/** A new table: one empty row and one column (`columnLabel`, e.g. "Tổng số"). */
export function emptyTable(draft: TemplateDraft, columnLabel: string): DraftTable {
  const rows: DraftItem[] = [emptyItem('', [], 'rows')];
  const columns: DraftItem[] = [emptyItem(columnLabel, [], 'columns')];
  return {
    uid: newUid(),
    key: uniqueKey(
      '',
      allTables(draft).map((table) => table.key),
      FALLBACK_KEYS.table,
    ),
    keyTouched: false,
    title: '',
    unit: '',
    prefill: null,
    rows,
    columns,
    columnGroups: [],
    rowGroups: [],
    rowLimits: [],
  };
}

export function emptySection(draft: TemplateDraft): DraftSection {
  return {
    uid: newUid(),
    key: uniqueKey(
      '',
      draft.sections.map((section) => section.key),
      FALLBACK_KEYS.section,
    ),
    keyTouched: false,
    title: '',
    guidance: '',
    tables: [],
  };
}

export function emptyDraft(): TemplateDraft {
  const draft: TemplateDraft = { sections: [] };
  return { sections: [emptySection(draft)] };
}

export const allTables = (draft: TemplateDraft): DraftTable[] => draft.sections.flatMap((section) => section.tables);

/** A published definition as a working copy: its keys are kept as they are. */
export function draftOf(definition: ReportTemplateDefinition): TemplateDraft {
  const tablesByKey = new Map(definition.tables.map((table) => [table.key, table]));
  const itemsOf = (items: readonly { key: string; label: string }[]): DraftItem[] =>
    items.map((item) => ({ uid: newUid(), key: item.key, label: item.label, keyTouched: true }));
  const tableOf = (table: ReportTemplateDefinition['tables'][number]): DraftTable => {
    const rows = itemsOf(table.rows);
    const columns = itemsOf(table.columns);
    const uidOf = (items: DraftItem[], key: string) => items.find((item) => item.key === key)?.uid;
    const groupsOf = (groups: ReportTemplateDefinition['tables'][number]['rowGroups'], items: DraftItem[]): DraftGroup[] =>
      groups.map((group) => ({
        uid: newUid(),
        total: uidOf(items, group.total),
        parts: group.parts.map((part) => uidOf(items, part)).filter((uid): uid is string => Boolean(uid)),
        complete: group.complete,
      }));
    return {
      uid: newUid(),
      key: table.key,
      keyTouched: true,
      title: table.title,
      unit: table.unit ?? '',
      prefill: table.prefill,
      rows,
      columns,
      columnGroups: groupsOf(table.columnGroups, columns),
      rowGroups: groupsOf(table.rowGroups, rows),
      rowLimits: table.rowLimits.map((limit) => ({ uid: newUid(), row: uidOf(rows, limit.row), notAbove: uidOf(rows, limit.notAbove) })),
    };
  };
  return {
    sections: definition.sections.map((section) => ({
      uid: newUid(),
      key: section.key,
      keyTouched: true,
      title: section.title,
      guidance: section.guidance ?? '',
      tables: section.tables.flatMap((key) => {
        const table = tablesByKey.get(key);
        return table ? [tableOf(table)] : [];
      }),
    })),
  };
}

// ── Editing (pure: each returns a new draft) ─────────────────────────────────────────────────────

function move<T>(items: readonly T[], index: number, offset: -1 | 1): T[] {
  const target = index + offset;
  if (index < 0 || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export function moveByUid<T extends { uid: string }>(items: readonly T[], uid: string, offset: -1 | 1): T[] {
  return move(
    items,
    items.findIndex((item) => item.uid === uid),
    offset,
  );
}

export function updateSection(draft: TemplateDraft, uid: string, change: (section: DraftSection) => DraftSection): TemplateDraft {
  return { sections: draft.sections.map((section) => (section.uid === uid ? change(section) : section)) };
}

export function updateTable(draft: TemplateDraft, uid: string, change: (table: DraftTable) => DraftTable): TemplateDraft {
  return {
    sections: draft.sections.map((section) =>
      section.tables.some((table) => table.uid === uid)
        ? { ...section, tables: section.tables.map((table) => (table.uid === uid ? change(table) : table)) }
        : section,
    ),
  };
}

/** A title typed for a section or table: the key follows it until the user edits the key. */
export function retitleSection(draft: TemplateDraft, uid: string, title: string): TemplateDraft {
  const others = draft.sections.filter((section) => section.uid !== uid).map((section) => section.key);
  return updateSection(draft, uid, (section) => ({
    ...section,
    title,
    key: section.keyTouched ? section.key : uniqueKey(title, others, FALLBACK_KEYS.section),
  }));
}

export function retitleTable(draft: TemplateDraft, uid: string, title: string): TemplateDraft {
  const others = allTables(draft)
    .filter((table) => table.uid !== uid)
    .map((table) => table.key);
  return updateTable(draft, uid, (table) => ({
    ...table,
    title,
    key: table.keyTouched ? table.key : uniqueKey(title, others, FALLBACK_KEYS.table),
  }));
}

export function relabelItem(table: DraftTable, list: ItemList, uid: string, label: string): DraftTable {
  const others = table[list].filter((item) => item.uid !== uid).map((item) => item.key);
  return {
    ...table,
    [list]: table[list].map((item) =>
      item.uid === uid ? { ...item, label, key: item.keyTouched ? item.key : uniqueKey(label, others, FALLBACK_KEYS[list]) } : item,
    ),
  };
}

export function rekeyItem(table: DraftTable, list: ItemList, uid: string, key: string): DraftTable {
  return { ...table, [list]: table[list].map((item) => (item.uid === uid ? { ...item, key, keyTouched: true } : item)) };
}

export function addItem(table: DraftTable, list: ItemList): DraftTable {
  return { ...table, [list]: [...table[list], emptyItem('', table[list], list)] };
}

/** Removing a row or column also removes it from the groups and limits that named it. */
export function removeItem(table: DraftTable, list: ItemList, uid: string): DraftTable {
  const groupList: GroupList = list === 'rows' ? 'rowGroups' : 'columnGroups';
  return {
    ...table,
    [list]: table[list].filter((item) => item.uid !== uid),
    [groupList]: table[groupList]
      .filter((group) => group.total !== uid)
      .map((group) => ({ ...group, parts: group.parts.filter((part) => part !== uid) })),
    rowLimits: list === 'rows' ? table.rowLimits.filter((limit) => limit.row !== uid && limit.notAbove !== uid) : table.rowLimits,
  };
}

export function addTable(draft: TemplateDraft, sectionUid: string, columnLabel: string): TemplateDraft {
  const table = emptyTable(draft, columnLabel);
  return updateSection(draft, sectionUid, (section) => ({ ...section, tables: [...section.tables, table] }));
}

export function removeTable(draft: TemplateDraft, uid: string): TemplateDraft {
  return { sections: draft.sections.map((section) => ({ ...section, tables: section.tables.filter((table) => table.uid !== uid) })) };
}

/** Moves a table to the end of another section. */
export function moveTableToSection(draft: TemplateDraft, uid: string, sectionUid: string): TemplateDraft {
  const table = allTables(draft).find((candidate) => candidate.uid === uid);
  if (!table) return draft;
  const without = removeTable(draft, uid);
  return updateSection(without, sectionUid, (section) => ({ ...section, tables: [...section.tables, table] }));
}

export function addSection(draft: TemplateDraft): TemplateDraft {
  return { sections: [...draft.sections, emptySection(draft)] };
}

export function removeSection(draft: TemplateDraft, uid: string): TemplateDraft {
  return { sections: draft.sections.filter((section) => section.uid !== uid) };
}

// ── Output and checks ────────────────────────────────────────────────────────────────────────────

export interface DraftIssue {
  /** The section, table, row/column, group or limit the issue is about; null for the whole template. */
  uid: string | null;
  /** The field of that element (key, label, title…), when the issue names one. */
  field: string | null;
  message: string;
  /** Where, for the summary: "Mục 2 › Bảng 1 › Dòng 3". */
  where: string;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;
type ParseParams = NonNullable<Parameters<typeof reportTemplateDefinitionSchema.safeParse>[1]>;
type ErrorMap = NonNullable<ParseParams['error']>;

/**
 * Messages for zod's own checks (list sizes, text lengths) in the current language; the
 * domain's rules carry their own Vietnamese messages, which take precedence.
 */
function errorMap(t: Translate): ErrorMap {
  return (issue) => {
    if (issue.code === 'too_small')
      return issue.origin === 'array'
        ? t('reportSetup.editor.issues.tooFew', { min: Number(issue.minimum) })
        : t('reportSetup.editor.issues.empty');
    if (issue.code === 'too_big')
      return issue.origin === 'array'
        ? t('reportSetup.editor.issues.tooMany', { max: Number(issue.maximum) })
        : t('reportSetup.editor.issues.tooLong', { max: Number(issue.maximum) });
    return undefined;
  };
}

interface Owner {
  uid: string;
  where: string;
}

export interface DraftCheck {
  /** The definition as the domain normalised it (labels NFC, whitespace collapsed), when valid. */
  definition: ReportTemplateDefinition | null;
  issues: DraftIssue[];
  byUid: Map<string, DraftIssue[]>;
}

/**
 * The builder's output checked with the domain's reportTemplateDefinitionSchema (the same schema
 * the server applies), each issue placed on the element it concerns. Groups and limits with a
 * row or column still unchosen are reported here and left out of what the schema sees.
 */
export function checkDraft(draft: TemplateDraft, t: Translate): DraftCheck {
  const owners = new Map<string, Owner>();
  const local: DraftIssue[] = [];
  const tables: unknown[] = [];
  const sections = draft.sections.map((section, sectionIndex) => {
    const sectionWhere = t('reportSetup.editor.where.section', { n: sectionIndex + 1 });
    owners.set(`sections.${sectionIndex}`, { uid: section.uid, where: sectionWhere });
    section.tables.forEach((table, index) => {
      const tableIndex = tables.length;
      const tableWhere = `${sectionWhere} › ${t('reportSetup.editor.where.table', { n: index + 1 })}`;
      owners.set(`sections.${sectionIndex}.tables.${index}`, { uid: table.uid, where: tableWhere });
      owners.set(`tables.${tableIndex}`, { uid: table.uid, where: tableWhere });
      const keyOf = (list: ItemList, uid: string | undefined) => table[list].find((item) => item.uid === uid)?.key;
      for (const list of ['rows', 'columns'] as const)
        table[list].forEach((item, itemIndex) =>
          owners.set(`tables.${tableIndex}.${list}.${itemIndex}`, {
            uid: item.uid,
            where: `${tableWhere} › ${t(`reportSetup.editor.where.${list === 'rows' ? 'row' : 'column'}`, { n: itemIndex + 1 })}`,
          }),
        );
      const groupsOf = (groupList: GroupList) => {
        const list: ItemList = groupList === 'rowGroups' ? 'rows' : 'columns';
        const kept: unknown[] = [];
        table[groupList].forEach((group, groupIndex) => {
          const where = `${tableWhere} › ${t(`reportSetup.editor.where.${groupList}`, { n: groupIndex + 1 })}`;
          const total = keyOf(list, group.total);
          const parts = group.parts.map((part) => keyOf(list, part)).filter((key): key is string => Boolean(key));
          if (!total || parts.length === 0) {
            local.push({
              uid: group.uid,
              field: total ? 'parts' : 'total',
              where,
              message: t('reportSetup.editor.issues.groupIncomplete'),
            });
            return;
          }
          owners.set(`tables.${tableIndex}.${groupList}.${kept.length}`, { uid: group.uid, where });
          kept.push({ total, parts, complete: group.complete });
        });
        return kept;
      };
      const limits: unknown[] = [];
      table.rowLimits.forEach((limit, limitIndex) => {
        const where = `${tableWhere} › ${t('reportSetup.editor.where.rowLimits', { n: limitIndex + 1 })}`;
        const row = keyOf('rows', limit.row);
        const notAbove = keyOf('rows', limit.notAbove);
        if (!row || !notAbove) {
          local.push({ uid: limit.uid, field: row ? 'notAbove' : 'row', where, message: t('reportSetup.editor.issues.limitIncomplete') });
          return;
        }
        owners.set(`tables.${tableIndex}.rowLimits.${limits.length}`, { uid: limit.uid, where });
        limits.push({ row, notAbove });
      });
      tables.push({
        key: table.key,
        title: table.title,
        unit: table.unit.trim() ? table.unit : null,
        prefill: table.prefill,
        rows: table.rows.map(({ key, label }) => ({ key, label })),
        columns: table.columns.map(({ key, label }) => ({ key, label })),
        columnGroups: groupsOf('columnGroups'),
        rowGroups: groupsOf('rowGroups'),
        rowLimits: limits,
      });
    });
    return {
      key: section.key,
      title: section.title,
      guidance: section.guidance.trim() ? section.guidance : null,
      tables: section.tables.map((table) => table.key),
    };
  });

  const result = reportTemplateDefinitionSchema.safeParse({ sections, tables }, { error: errorMap(t) });
  const issues: DraftIssue[] = [...local];
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.map(String);
      let owner: Owner | undefined;
      let depth = path.length;
      for (; depth > 0 && !owner; depth -= 1) owner = owners.get(path.slice(0, depth).join('.'));
      const rest = path.slice(depth + 1);
      const field = rest.find((segment) => !/^\d+$/.test(segment)) ?? null;
      issues.push({
        uid: owner?.uid ?? null,
        field,
        message: issue.message,
        where: owner?.where ?? t('reportSetup.editor.where.template'),
      });
    }
  }
  const byUid = new Map<string, DraftIssue[]>();
  for (const issue of issues) if (issue.uid) byUid.set(issue.uid, [...(byUid.get(issue.uid) ?? []), issue]);
  return { definition: result.success && local.length === 0 ? result.data : null, issues, byUid };
}
