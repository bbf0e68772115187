import type { ReportTable, ReportTemplateDefinition } from '@atmis/domain';
import { Card, Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { DraftTable } from './template-draft.ts';

/** A table as shown (in the builder's preview and the read-only view); `id` is a key or a draft uid. */
export interface PreviewTable {
  key: string;
  title: string;
  unit: string | null;
  prefill: string | null;
  rows: { id: string; label: string }[];
  columns: { id: string; label: string }[];
  rowGroups: { total: string | undefined; parts: string[]; complete: boolean }[];
  columnGroups: { total: string | undefined; parts: string[]; complete: boolean }[];
  rowLimits: { row: string | undefined; notAbove: string | undefined }[];
}

export function previewOfTable(table: ReportTable): PreviewTable {
  return {
    key: table.key,
    title: table.title,
    unit: table.unit,
    prefill: table.prefill,
    rows: table.rows.map((row) => ({ id: row.key, label: row.label })),
    columns: table.columns.map((column) => ({ id: column.key, label: column.label })),
    rowGroups: table.rowGroups,
    columnGroups: table.columnGroups,
    rowLimits: table.rowLimits,
  };
}

export function previewOfDraftTable(table: DraftTable): PreviewTable {
  return {
    key: table.key,
    title: table.title,
    unit: table.unit.trim() || null,
    prefill: table.prefill,
    rows: table.rows.map((row) => ({ id: row.uid, label: row.label })),
    columns: table.columns.map((column) => ({ id: column.uid, label: column.label })),
    rowGroups: table.rowGroups,
    columnGroups: table.columnGroups,
    rowLimits: table.rowLimits,
  };
}

/** The consistency rules of a table in words: "Tổng số = Nữ + Nam (đầy đủ)", "Được xác định ≤ Được tiếp nhận". */
export function TableRules({ table }: { table: PreviewTable }) {
  const { t } = useTranslation();
  const labelOf = (list: 'rows' | 'columns', id: string | undefined) =>
    table[list].find((item) => item.id === id)?.label || t('reportSetup.editor.unnamed');
  const lines: string[] = [];
  for (const [groupList, list] of [
    ['columnGroups', 'columns'],
    ['rowGroups', 'rows'],
  ] as const)
    for (const group of table[groupList]) {
      if (!group.total || group.parts.length === 0) continue;
      lines.push(
        t(group.complete ? 'reportSetup.editor.rule.groupComplete' : 'reportSetup.editor.rule.groupPartial', {
          kind: t(`reportSetup.editor.rule.${list}`),
          total: labelOf(list, group.total),
          parts: group.parts.map((part) => labelOf(list, part)).join(' + '),
        }),
      );
    }
  for (const limit of table.rowLimits) {
    if (!limit.row || !limit.notAbove) continue;
    lines.push(t('reportSetup.editor.rule.limit', { row: labelOf('rows', limit.row), notAbove: labelOf('rows', limit.notAbove) }));
  }
  if (lines.length === 0) return null;
  return (
    <ul style={{ margin: '8px 0 0', paddingInlineStart: 18 }} data-testid={`template-rules-${table.key}`}>
      {lines.map((line, index) => (
        <li key={index}>
          <Typography.Text type="secondary">{line}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

interface PreviewRow {
  id: string;
  label: string;
}

/** The table as the reporting unit will see it: row labels down the side, empty cells to fill. */
export function TablePreview({ table, testId }: { table: PreviewTable; testId?: string }) {
  const { t } = useTranslation();
  const totalRows = new Set(table.rowGroups.map((group) => group.total));
  const totalColumns = new Set(table.columnGroups.map((group) => group.total));
  const columns: ColumnsType<PreviewRow> = [
    {
      title: table.unit ? t('reportSetup.editor.preview.unit', { unit: table.unit }) : t('reportSetup.editor.preview.item'),
      dataIndex: 'label',
      key: '__label',
      fixed: 'left',
      width: 260,
      render: (label: string, row) => (
        <Typography.Text strong={totalRows.has(row.id)}>{label || <i>{t('reportSetup.editor.unnamed')}</i>}</Typography.Text>
      ),
    },
    ...table.columns.map((column) => ({
      title: <Typography.Text strong={totalColumns.has(column.id)}>{column.label || t('reportSetup.editor.unnamed')}</Typography.Text>,
      key: column.id,
      width: 110,
      align: 'center' as const,
      render: () => (
        <span
          aria-hidden
          style={{ display: 'inline-block', width: 64, height: 20, background: '#fafafa', border: '1px dashed #d9d9d9', borderRadius: 4 }}
        />
      ),
    })),
  ];
  return (
    <div data-testid={testId ?? `template-preview-${table.key}`}>
      <Table<PreviewRow>
        size="small"
        bordered
        rowKey="id"
        pagination={false}
        dataSource={table.rows}
        columns={columns}
        scroll={{ x: 260 + 110 * table.columns.length }}
        locale={{ emptyText: <Empty description={t('reportSetup.editor.preview.noRows')} /> }}
        title={() => (
          <Typography.Text strong>
            {table.title || t('reportSetup.editor.unnamed')}
            {table.prefill && (
              <Tag style={{ marginInlineStart: 8 }} color="blue">
                {t('reportSetup.editor.preview.prefilled', {
                  source: t(`reportSetup.prefill.${table.prefill}`, { defaultValue: table.prefill }),
                })}
              </Tag>
            )}
          </Typography.Text>
        )}
      />
      <TableRules table={table} />
    </div>
  );
}

/** A published definition, read-only: each section with its guidance and tables. */
export function TemplateDefinitionView({ definition }: { definition: ReportTemplateDefinition }) {
  const { t } = useTranslation();
  const tablesByKey = new Map(definition.tables.map((table) => [table.key, table]));
  return (
    <div data-testid="template-view">
      {definition.sections.map((section) => (
        <Card
          key={section.key}
          size="small"
          title={section.title}
          style={{ marginBottom: 12 }}
          data-testid={`template-view-section-${section.key}`}
        >
          {section.guidance && (
            <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
              {section.guidance}
            </Typography.Paragraph>
          )}
          <Typography.Paragraph type="secondary" italic>
            {t('reportSetup.editor.preview.narrative')}
          </Typography.Paragraph>
          {section.tables.map((key) => {
            const table = tablesByKey.get(key);
            return table ? (
              <div key={key} style={{ marginBottom: 16 }}>
                <TablePreview table={previewOfTable(table)} />
              </div>
            ) : null;
          })}
        </Card>
      ))}
    </div>
  );
}
