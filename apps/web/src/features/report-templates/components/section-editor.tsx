import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Collapse, Form, Input, Popconfirm, Row, Select, Space, Tooltip, Typography } from 'antd';
import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { IssueText, otherIssues } from './issue-text.tsx';
import { ItemListEditor } from './item-list-editor.tsx';
import { GroupsEditor, LimitsEditor } from './table-rules-editor.tsx';
import {
  addTable,
  moveByUid,
  moveTableToSection,
  removeSection,
  removeTable,
  retitleSection,
  retitleTable,
  updateSection,
  updateTable,
  PREFILL_SOURCES,
  type DraftIssue,
  type DraftSection,
  type DraftTable,
  type TemplateDraft,
} from './template-draft.ts';
import { previewOfDraftTable, TablePreview } from './template-preview.tsx';

type SetDraft = Dispatch<SetStateAction<TemplateDraft>>;

function MoveButtons({ index, count, onMove, testId }: { index: number; count: number; onMove: (offset: -1 | 1) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Tooltip title={t('reportSetup.editor.moveUp')}>
        <Button
          size="small"
          icon={<ArrowUpOutlined />}
          disabled={index === 0}
          onClick={() => onMove(-1)}
          aria-label={t('reportSetup.editor.moveUp')}
          data-testid={`${testId}-up`}
        />
      </Tooltip>
      <Tooltip title={t('reportSetup.editor.moveDown')}>
        <Button
          size="small"
          icon={<ArrowDownOutlined />}
          disabled={index === count - 1}
          onClick={() => onMove(1)}
          aria-label={t('reportSetup.editor.moveDown')}
          data-testid={`${testId}-down`}
        />
      </Tooltip>
    </>
  );
}

/** One table of a section: title, key, unit, prefill source, rows, columns, rules and a live preview. */
function TableEditor({
  table,
  index,
  count,
  section,
  sections,
  setDraft,
  byUid,
  testId,
}: {
  table: DraftTable;
  index: number;
  count: number;
  section: DraftSection;
  sections: { uid: string; label: string }[];
  setDraft: SetDraft;
  byUid: Map<string, DraftIssue[]>;
  testId: string;
}) {
  const { t } = useTranslation();
  const issues = byUid.get(table.uid);
  const change = (fn: (current: DraftTable) => DraftTable) => setDraft((draft) => updateTable(draft, table.uid, fn));
  const ruleCount = table.rowGroups.length + table.columnGroups.length + table.rowLimits.length;
  return (
    <Card
      size="small"
      type="inner"
      style={{ marginBottom: 12 }}
      data-testid={testId}
      title={
        <Typography.Text>
          {t('reportSetup.editor.tableN', { n: index + 1 })}: {table.title || <i>{t('reportSetup.editor.unnamed')}</i>}
        </Typography.Text>
      }
      extra={
        <Space size={4} wrap>
          <MoveButtons
            index={index}
            count={count}
            testId={testId}
            onMove={(offset) =>
              setDraft((draft) =>
                updateSection(draft, section.uid, (current) => ({ ...current, tables: moveByUid(current.tables, table.uid, offset) })),
              )
            }
          />
          {sections.length > 1 && (
            <Select
              size="small"
              value={section.uid}
              onChange={(target: string) => setDraft((draft) => moveTableToSection(draft, table.uid, target))}
              options={sections}
              aria-label={t('reportSetup.editor.moveToSection')}
              title={t('reportSetup.editor.moveToSection')}
              style={{ width: 160 }}
              popupMatchSelectWidth={false}
              data-testid={`${testId}-section`}
            />
          )}
          <Popconfirm
            title={t('reportSetup.editor.removeTableConfirm')}
            onConfirm={() => setDraft((draft) => removeTable(draft, table.uid))}
            okButtonProps={{ 'data-testid': `${testId}-remove-confirm` } as Record<string, string>}
          >
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('reportSetup.editor.removeTable')}
              data-testid={`${testId}-remove`}
            />
          </Popconfirm>
        </Space>
      }
    >
      <Row gutter={[16, 8]}>
        <Col xs={24} xxl={12}>
          <Form layout="vertical" component="div">
            <Row gutter={8}>
              <Col xs={24} md={14}>
                <Form.Item label={t('reportSetup.editor.tableTitle')} required style={{ marginBottom: 8 }}>
                  <Input
                    value={table.title}
                    onChange={(event) => setDraft((draft) => retitleTable(draft, table.uid, event.target.value))}
                    status={issues?.some((issue) => issue.field === 'title') ? 'error' : undefined}
                    maxLength={300}
                    data-testid={`${testId}-title`}
                  />
                  <IssueText issues={issues} field="title" />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item label={t('reportSetup.editor.key')} tooltip={t('reportSetup.editor.keyHelp')} style={{ marginBottom: 8 }}>
                  <Input
                    value={table.key}
                    onChange={(event) => change((current) => ({ ...current, key: event.target.value.trim(), keyTouched: true }))}
                    status={issues?.some((issue) => issue.field === 'key') ? 'error' : undefined}
                    className="atmis-mono"
                    maxLength={40}
                    data-testid={`${testId}-key`}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item label={t('reportSetup.editor.unit')} tooltip={t('reportSetup.editor.unitHelp')} style={{ marginBottom: 8 }}>
                  <Input
                    value={table.unit}
                    onChange={(event) => change((current) => ({ ...current, unit: event.target.value }))}
                    status={issues?.some((issue) => issue.field === 'unit') ? 'error' : undefined}
                    maxLength={40}
                    data-testid={`${testId}-unit`}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={14}>
                <Form.Item
                  label={t('reportSetup.editor.prefill')}
                  tooltip={t('reportSetup.editor.prefillHelp')}
                  style={{ marginBottom: 8 }}
                >
                  <Select<string>
                    value={table.prefill ?? ''}
                    onChange={(value) => change((current) => ({ ...current, prefill: value || null }))}
                    options={[
                      { value: '', label: t('reportSetup.prefill.none') },
                      ...PREFILL_SOURCES.map((source) => ({ value: source, label: t(`reportSetup.prefill.${source}`) })),
                    ]}
                    data-testid={`${testId}-prefill`}
                  />
                </Form.Item>
              </Col>
            </Row>
          </Form>
          <IssueText issues={otherIssues(issues, ['title'])} testId={`${testId}-issues`} />
          <Row gutter={16}>
            <Col xs={24} lg={14}>
              <ItemListEditor table={table} list="rows" onChange={change} byUid={byUid} testId={`${testId}-rows`} />
            </Col>
            <Col xs={24} lg={10}>
              <ItemListEditor table={table} list="columns" onChange={change} byUid={byUid} testId={`${testId}-columns`} />
            </Col>
          </Row>
          <Collapse
            size="small"
            style={{ marginTop: 12 }}
            defaultActiveKey={ruleCount > 0 ? ['rules'] : []}
            items={[
              {
                key: 'rules',
                label: t('reportSetup.editor.rules', { count: ruleCount }),
                children: (
                  <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                    <GroupsEditor table={table} groupList="rowGroups" onChange={change} byUid={byUid} testId={`${testId}-row-groups`} />
                    <GroupsEditor
                      table={table}
                      groupList="columnGroups"
                      onChange={change}
                      byUid={byUid}
                      testId={`${testId}-column-groups`}
                    />
                    <LimitsEditor table={table} onChange={change} byUid={byUid} testId={`${testId}-limits`} />
                  </Space>
                ),
              },
            ]}
          />
        </Col>
        <Col xs={24} xxl={12}>
          <Typography.Text type="secondary">{t('reportSetup.editor.preview.title')}</Typography.Text>
          <TablePreview table={previewOfDraftTable(table)} testId={`${testId}-preview`} />
        </Col>
      </Row>
    </Card>
  );
}

/** A section: title, key, guidance for the writer, and the tables it shows (each table belongs to one section). */
export function SectionEditor({
  section,
  index,
  draft,
  setDraft,
  byUid,
}: {
  section: DraftSection;
  index: number;
  draft: TemplateDraft;
  setDraft: SetDraft;
  byUid: Map<string, DraftIssue[]>;
}) {
  const { t } = useTranslation();
  const testId = `template-section-${index}`;
  const issues = byUid.get(section.uid);
  const sections = draft.sections.map((candidate, position) => ({
    value: candidate.uid,
    uid: candidate.uid,
    label: `${t('reportSetup.editor.sectionN', { n: position + 1 })}${candidate.title ? `: ${candidate.title}` : ''}`,
  }));
  return (
    <Card
      style={{ marginBottom: 16 }}
      data-testid={testId}
      title={
        <Typography.Text strong>
          {t('reportSetup.editor.sectionN', { n: index + 1 })}: {section.title || <i>{t('reportSetup.editor.unnamed')}</i>}
        </Typography.Text>
      }
      extra={
        <Space size={4}>
          <MoveButtons
            index={index}
            count={draft.sections.length}
            testId={testId}
            onMove={(offset) => setDraft((current) => ({ sections: moveByUid(current.sections, section.uid, offset) }))}
          />
          <Popconfirm
            title={t('reportSetup.editor.removeSectionConfirm', { count: section.tables.length })}
            onConfirm={() => setDraft((current) => removeSection(current, section.uid))}
            disabled={draft.sections.length <= 1}
            okButtonProps={{ 'data-testid': `${testId}-remove-confirm` } as Record<string, string>}
          >
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              disabled={draft.sections.length <= 1}
              aria-label={t('reportSetup.editor.removeSection')}
              data-testid={`${testId}-remove`}
            />
          </Popconfirm>
        </Space>
      }
    >
      <Form layout="vertical" component="div">
        <Row gutter={8}>
          <Col xs={24} md={16}>
            <Form.Item label={t('reportSetup.editor.sectionTitle')} required style={{ marginBottom: 8 }}>
              <Input
                value={section.title}
                onChange={(event) => setDraft((current) => retitleSection(current, section.uid, event.target.value))}
                status={issues?.some((issue) => issue.field === 'title') ? 'error' : undefined}
                placeholder={t('reportSetup.editor.sectionTitlePlaceholder')}
                maxLength={300}
                data-testid={`${testId}-title`}
              />
              <IssueText issues={issues} field="title" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('reportSetup.editor.key')} tooltip={t('reportSetup.editor.keyHelp')} style={{ marginBottom: 8 }}>
              <Input
                value={section.key}
                onChange={(event) =>
                  setDraft((current) =>
                    updateSection(current, section.uid, (s) => ({ ...s, key: event.target.value.trim(), keyTouched: true })),
                  )
                }
                status={issues?.some((issue) => issue.field === 'key') ? 'error' : undefined}
                className="atmis-mono"
                maxLength={40}
                data-testid={`${testId}-key`}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('reportSetup.editor.guidance')} tooltip={t('reportSetup.editor.guidanceHelp')} style={{ marginBottom: 8 }}>
          <Input.TextArea
            value={section.guidance}
            onChange={(event) =>
              setDraft((current) => updateSection(current, section.uid, (s) => ({ ...s, guidance: event.target.value })))
            }
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            data-testid={`${testId}-guidance`}
          />
        </Form.Item>
      </Form>
      <IssueText issues={otherIssues(issues, ['title'])} testId={`${testId}-issues`} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('reportSetup.editor.narrativeNote')}
      </Typography.Paragraph>
      {section.tables.map((table, tableIndex) => (
        <TableEditor
          key={table.uid}
          table={table}
          index={tableIndex}
          count={section.tables.length}
          section={section}
          sections={sections}
          setDraft={setDraft}
          byUid={byUid}
          testId={`template-table-${index}-${tableIndex}`}
        />
      ))}
      <Button
        icon={<PlusOutlined />}
        onClick={() => setDraft((current) => addTable(current, section.uid, t('reportSetup.editor.defaultColumn')))}
        data-testid={`${testId}-add-table`}
      >
        {t('reportSetup.editor.addTable')}
      </Button>
    </Card>
  );
}
