import { DatabaseOutlined } from '@ant-design/icons';
import type { ReportIssue, ReportTable } from '@atmis/domain';
import { Alert, Button, Input, Space, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { cellPath, notePath, type DraftValues } from '../model/report-draft.ts';
import { ReportCell, type CellMessage, type Contribution } from './report-cell.tsx';
import { focusField, issueMessage, sanitiseKey } from './report-labels.ts';

const NO_CONTRIBUTIONS: Contribution[] = [];

export interface TableMarks {
  /** Messages per cell path: the domain's live checks, then what the server answered. */
  messages: ReadonlyMap<string, CellMessage[]>;
  /** Cell path → the records' figure, for cells that differ from it. */
  differences: ReadonlyMap<string, number>;
  /** Cell path → the value another person saved, for fields both changed. */
  conflicts: ReadonlyMap<string, string>;
}

export interface ReportTableGridProps {
  table: ReportTable;
  values: DraftValues;
  isEditable: boolean;
  marks: TableMarks;
  /** The consistency warnings of this table: each needs a note before submission. */
  warnings: ReportIssue[];
  /** The issues of this table that are errors (input and consistency), listed under the grid. */
  errors: ReportIssue[];
  prefill: { label: string; cells: Record<string, Record<string, number | null>> | undefined } | null;
  contributions: Record<string, Contribution[]> | null;
  onChange: (path: string, value: string) => void;
  onFillFromRecords: (table: ReportTable) => void;
}

function Notes({ warnings, values, isEditable, onChange }: Pick<ReportTableGridProps, 'warnings' | 'values' | 'isEditable' | 'onChange'>) {
  const { t, i18n } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }} size={8}>
      {warnings.map((warning) => {
        const path = notePath(warning.key);
        const note = values[path] ?? '';
        const isMissing = note.trim() === '';
        return (
          <Alert
            key={warning.key}
            type="warning"
            showIcon
            data-testid={`report-warning-${sanitiseKey(warning.key)}`}
            title={issueMessage(warning, i18n.language)}
            description={
              isEditable ? (
                <>
                  <Input.TextArea
                    value={note}
                    onChange={(event) => onChange(path, event.target.value)}
                    autoSize={{ minRows: 1, maxRows: 6 }}
                    maxLength={2000}
                    placeholder={t('reportWork.note.placeholder')}
                    aria-label={t('reportWork.note.label')}
                    status={isMissing ? 'warning' : undefined}
                    data-testid={`report-note-${sanitiseKey(warning.key)}`}
                    data-path={path}
                  />
                  {isMissing && (
                    <Typography.Text type="warning" style={{ fontSize: 12 }}>
                      {t('reportWork.note.required')}
                    </Typography.Text>
                  )}
                </>
              ) : (
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid={`report-note-${sanitiseKey(warning.key)}`}>
                  {isMissing ? <Typography.Text type="secondary">{t('reportWork.note.none')}</Typography.Text> : note}
                </Typography.Paragraph>
              )
            }
          />
        );
      })}
    </Space>
  );
}

/** A report table as a grid of rows × columns, with the records' figures, its errors, and the notes its warnings need. */
export const ReportTableGrid = memo(function ReportTableGrid({
  table,
  values,
  isEditable,
  marks,
  warnings,
  errors,
  prefill,
  contributions,
  onChange,
  onFillFromRecords,
}: ReportTableGridProps) {
  const { t, i18n } = useTranslation();
  return (
    <div style={{ marginTop: 16 }} data-testid={`report-table-${table.key}`}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 6 }}>
        <Typography.Text strong>
          {table.title}
          {table.unit && (
            <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
              {' '}
              ({t('reportWork.table.unit', { unit: table.unit })})
            </Typography.Text>
          )}
        </Typography.Text>
        {prefill && (
          <Space wrap size={8}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <DatabaseOutlined /> {t('reportWork.prefill.source', { label: prefill.label })}
            </Typography.Text>
            {isEditable && prefill.cells && (
              <Button size="small" onClick={() => onFillFromRecords(table)} data-testid={`report-prefill-${table.key}`}>
                {t('reportWork.prefill.fill')}
              </Button>
            )}
          </Space>
        )}
      </Space>
      <div style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse', minWidth: '100%' }}>
          <thead>
            <tr style={{ background: '#fafafa' }}>
              <th style={{ textAlign: 'left', padding: 6, minWidth: 220, borderBottom: '1px solid #f0f0f0' }}>
                {t('reportWork.table.rowHeader')}
              </th>
              {table.columns.map((column) => (
                <th
                  key={column.key}
                  style={{ textAlign: 'right', padding: 6, minWidth: 100, fontWeight: 500, borderBottom: '1px solid #f0f0f0' }}
                >
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" style={{ textAlign: 'left', padding: 6, fontWeight: 400, borderBottom: '1px solid #f0f0f0' }}>
                  {row.label}
                </th>
                {table.columns.map((column) => {
                  const path = cellPath(table.key, row.key, column.key);
                  const difference = marks.differences.get(path);
                  return (
                    <ReportCell
                      key={column.key}
                      path={path}
                      raw={values[path] ?? ''}
                      label={`${table.title} — ${row.label} — ${column.label}`}
                      isEditable={isEditable}
                      messages={marks.messages.get(path)}
                      fromRecords={prefill?.cells?.[row.key]?.[column.key]}
                      differs={difference !== undefined}
                      theirs={marks.conflicts.get(path)}
                      contributions={contributions ? (contributions[path] ?? NO_CONTRIBUTIONS) : undefined}
                      onChange={onChange}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {errors.length > 0 && (
        <ul style={{ margin: '6px 0 0', paddingLeft: 18 }} data-testid={`report-table-errors-${table.key}`}>
          {errors.map((issue) => (
            <li key={issue.key}>
              <Typography.Link type="danger" onClick={() => focusField(issue.path)} style={{ fontSize: 13 }}>
                {issueMessage(issue, i18n.language)}
              </Typography.Link>
            </li>
          ))}
        </ul>
      )}
      <Notes warnings={warnings} values={values} isEditable={isEditable} onChange={onChange} />
    </div>
  );
});
