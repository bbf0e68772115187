import { DatabaseOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { compareWithRecords, type ReportDetail, type ReportIssue, type ReportTable } from '@atmis/domain';
import { Alert, App, Button, Card, Input, Typography } from 'antd';
import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isSameValue, cellPath, narrativePath, type DraftAnalysis, type DraftValues } from '../model/report-draft.ts';
import type { ReportEditor } from '../model/use-report-editor.ts';
import type { CellMessage } from './report-cell.tsx';
import { issueMessage } from './report-labels.ts';
import { ReportTableGrid, type TableMarks } from './report-table-grid.tsx';

type PrefillCells = Record<string, Record<string, Record<string, number>>>;

/** The records' figures without the cells the records say nothing about. */
function knownFigures(tables: ReportDetail['prefill']['tables']): PrefillCells {
  const known: PrefillCells = {};
  for (const [tableKey, rows] of Object.entries(tables)) {
    for (const [rowKey, cells] of Object.entries(rows)) {
      for (const [columnKey, value] of Object.entries(cells)) {
        if (value === null) continue;
        ((known[tableKey] ??= {})[rowKey] ??= {})[columnKey] = value;
      }
    }
  }
  return known;
}

function messagesByPath(analysis: DraftAnalysis, serverErrors: Readonly<Record<string, string[]>>, language: string) {
  const map = new Map<string, CellMessage[]>();
  const add = (path: string, item: CellMessage) => {
    const list = map.get(path) ?? [];
    if (!list.some((existing) => existing.message === item.message)) map.set(path, [...list, item]);
  };
  for (const issue of analysis.inputIssues) add(issue.path, { severity: 'error', message: issueMessage(issue, language) });
  for (const issue of analysis.consistency) add(issue.path, { severity: issue.severity, message: issueMessage(issue, language) });
  for (const [path, messages] of Object.entries(serverErrors)) for (const message of messages) add(path, { severity: 'error', message });
  return map;
}

const inTable = (issue: ReportIssue, tableKey: string) => issue.path.startsWith(`tables.${tableKey}.`);

export interface ReportFormProps {
  report: ReportDetail;
  editor: ReportEditor;
  isEditable: boolean;
  /** What is shown: the draft while editing, the stored content otherwise. */
  values: DraftValues;
  analysis: DraftAnalysis;
}

/** Every section of the template: title, guidance, narrative and its tables. */
export function ReportForm({ report, editor, isEditable, values, analysis }: ReportFormProps) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const definition = report.template.definition;
  const { setField, setFields, serverErrors, conflicts } = editor;
  const valuesRef = useRef(values);
  valuesRef.current = values;

  const figures = useMemo(() => knownFigures(report.prefill.tables), [report.prefill.tables]);
  const sources = useMemo(() => new Map(report.prefill.sources.map((source) => [source.table, source])), [report.prefill.sources]);
  const marks: TableMarks = useMemo(
    () => ({
      messages: messagesByPath(analysis, isEditable ? serverErrors : {}, i18n.language),
      differences: new Map(compareWithRecords(analysis.content, figures).map((difference) => [difference.path, difference.fromRecords])),
      conflicts: new Map(isEditable ? conflicts.map((conflict) => [conflict.path, conflict.theirs]) : []),
    }),
    [analysis, conflicts, figures, i18n.language, isEditable, serverErrors],
  );

  /** Puts the records' figures in the cells of `tables`; asks first when that replaces different entries. */
  const fillFromRecords = useCallback(
    (tables: ReportTable[]) => {
      const updates: Record<string, string> = {};
      let replaced = 0;
      for (const table of tables) {
        const rows = report.prefill.tables[table.key];
        for (const row of table.rows) {
          for (const column of table.columns) {
            const figure = rows?.[row.key]?.[column.key];
            if (figure === null || figure === undefined) continue;
            const path = cellPath(table.key, row.key, column.key);
            const current = valuesRef.current[path] ?? '';
            if (isSameValue(path, current, String(figure))) continue;
            if (current.trim() !== '') replaced += 1;
            updates[path] = String(figure);
          }
        }
      }
      const count = Object.keys(updates).length;
      if (count === 0) {
        void message.info(t('reportWork.prefill.nothing'));
        return;
      }
      const apply = () => {
        setFields(updates);
        void message.success(t('reportWork.prefill.filled', { count }));
      };
      if (replaced === 0) return apply();
      modal.confirm({
        title: t('reportWork.prefill.overwriteTitle'),
        content: t('reportWork.prefill.overwriteContent', { count: replaced }),
        okText: t('reportWork.prefill.fill'),
        cancelText: t('common.cancel'),
        okButtonProps: { 'data-testid': 'report-prefill-confirm' },
        onOk: apply,
      });
    },
    [message, modal, report.prefill.tables, setFields, t],
  );
  const fillTable = useCallback((table: ReportTable) => fillFromRecords([table]), [fillFromRecords]);
  const prefilledTables = definition.tables.filter((table) => sources.has(table.key) && report.prefill.tables[table.key]);

  return (
    <div data-testid="report-form" data-editable={String(isEditable)}>
      {isEditable && prefilledTables.length > 0 && (
        <Alert
          type="info"
          showIcon
          icon={<DatabaseOutlined />}
          style={{ marginBottom: 16 }}
          title={t('reportWork.prefill.available', { count: prefilledTables.length })}
          description={t('reportWork.prefill.availableHint')}
          action={
            <Button size="small" onClick={() => fillFromRecords(prefilledTables)} data-testid="report-prefill-all">
              {t('reportWork.prefill.fillAll')}
            </Button>
          }
        />
      )}
      {definition.sections.map((section) => {
        const path = narrativePath(section.key);
        const narrativeMessages = marks.messages.get(path);
        const text = values[path] ?? '';
        return (
          <Card key={section.key} title={section.title} style={{ marginBottom: 16 }} data-testid={`report-section-${section.key}`}>
            {section.guidance && (
              <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
                <InfoCircleOutlined /> {section.guidance}
              </Typography.Paragraph>
            )}
            {isEditable ? (
              <>
                <Input.TextArea
                  value={text}
                  onChange={(event) => setField(path, event.target.value)}
                  autoSize={{ minRows: 3, maxRows: 20 }}
                  maxLength={20_000}
                  showCount
                  placeholder={t('reportWork.narrativePlaceholder')}
                  aria-label={section.title}
                  status={narrativeMessages ? 'error' : undefined}
                  data-testid={`report-narrative-${section.key}`}
                  data-path={path}
                  style={conflicts.some((conflict) => conflict.path === path) ? { boxShadow: '0 0 0 2px #722ed1' } : undefined}
                />
                {narrativeMessages?.map((item) => (
                  <Typography.Text key={item.message} type="danger" style={{ display: 'block', fontSize: 13 }}>
                    {item.message}
                  </Typography.Text>
                ))}
              </>
            ) : (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid={`report-narrative-${section.key}`}>
                {text.trim() ? text : <Typography.Text type="secondary">{t('reportWork.noNarrative')}</Typography.Text>}
              </Typography.Paragraph>
            )}
            {section.tables.map((tableKey) => {
              const table = definition.tables.find((item) => item.key === tableKey);
              if (!table) return null;
              const source = sources.get(table.key);
              return (
                <ReportTableGrid
                  key={table.key}
                  table={table}
                  values={values}
                  isEditable={isEditable}
                  marks={marks}
                  warnings={analysis.consistency.filter((issue) => issue.severity === 'warning' && inTable(issue, table.key))}
                  errors={[...analysis.inputIssues, ...analysis.consistency].filter(
                    (issue) => issue.severity === 'error' && inTable(issue, table.key),
                  )}
                  prefill={source ? { label: source.label, cells: report.prefill.tables[table.key] } : null}
                  contributions={report.consolidation ? report.consolidation.contributions : null}
                  onChange={setField}
                  onFillFromRecords={fillTable}
                />
              );
            })}
          </Card>
        );
      })}
    </div>
  );
}
