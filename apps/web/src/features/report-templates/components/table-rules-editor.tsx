import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { IssueText } from './issue-text.tsx';
import { newUid, type DraftIssue, type DraftTable, type GroupList } from './template-draft.ts';

/**
 * Groups "tổng = phần 1 + phần 2 (đầy đủ)" of rows or of columns: the parts may not add up to more
 * than the total; when the group is complete ("đầy đủ") a sum below the total is a warning.
 */
export function GroupsEditor({
  table,
  groupList,
  onChange,
  byUid,
  testId,
}: {
  table: DraftTable;
  groupList: GroupList;
  onChange: (change: (table: DraftTable) => DraftTable) => void;
  byUid: Map<string, DraftIssue[]>;
  testId: string;
}) {
  const { t } = useTranslation();
  const list = groupList === 'rowGroups' ? 'rows' : 'columns';
  const options = table[list].map((item, index) => ({
    value: item.uid,
    label: item.label || `${t('reportSetup.editor.unnamed')} ${index + 1}`,
  }));
  const update = (uid: string, patch: Partial<DraftTable[GroupList][number]>) =>
    onChange((current) => ({
      ...current,
      [groupList]: current[groupList].map((group) => (group.uid === uid ? { ...group, ...patch } : group)),
    }));
  return (
    <div data-testid={testId}>
      <Typography.Text strong>{t(`reportSetup.editor.${groupList}`)}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0 8px' }}>
        {t('reportSetup.editor.groupHelp')}
      </Typography.Paragraph>
      {table[groupList].map((group, index) => (
        <div key={group.uid} style={{ marginBottom: 8 }} data-testid={`${testId}-${index}`}>
          <Space wrap align="center">
            <Select
              value={group.total}
              onChange={(total: string) => update(group.uid, { total, parts: group.parts.filter((part) => part !== total) })}
              options={options}
              placeholder={t('reportSetup.editor.groupTotal')}
              aria-label={t('reportSetup.editor.groupTotal')}
              style={{ minWidth: 180 }}
              popupMatchSelectWidth={false}
              data-testid={`${testId}-${index}-total`}
            />
            <span aria-hidden>=</span>
            <Select
              mode="multiple"
              value={group.parts}
              onChange={(parts: string[]) => update(group.uid, { parts })}
              options={options.filter((option) => option.value !== group.total)}
              placeholder={t('reportSetup.editor.groupParts')}
              aria-label={t('reportSetup.editor.groupParts')}
              style={{ minWidth: 260 }}
              popupMatchSelectWidth={false}
              data-testid={`${testId}-${index}-parts`}
            />
            <Checkbox
              checked={group.complete}
              onChange={(event) => update(group.uid, { complete: event.target.checked })}
              data-testid={`${testId}-${index}-complete`}
            >
              {t('reportSetup.editor.groupComplete')}
            </Checkbox>
            <Button
              icon={<DeleteOutlined />}
              danger
              onClick={() =>
                onChange((current) => ({ ...current, [groupList]: current[groupList].filter((item) => item.uid !== group.uid) }))
              }
              aria-label={t('reportSetup.editor.remove')}
              data-testid={`${testId}-${index}-remove`}
            />
          </Space>
          <IssueText issues={byUid.get(group.uid)} />
        </div>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        disabled={table[list].length < 2}
        onClick={() =>
          onChange((current) => ({
            ...current,
            [groupList]: [
              ...current[groupList],
              { uid: newUid(), total: current[list][0]?.uid, parts: current[list].slice(1).map((item) => item.uid), complete: true },
            ],
          }))
        }
        data-testid={`${testId}-add`}
      >
        {t('reportSetup.editor.addGroup')}
      </Button>
    </div>
  );
}

/** Limits "dòng A không vượt dòng B", checked in every column (identified ≤ received). */
export function LimitsEditor({
  table,
  onChange,
  byUid,
  testId,
}: {
  table: DraftTable;
  onChange: (change: (table: DraftTable) => DraftTable) => void;
  byUid: Map<string, DraftIssue[]>;
  testId: string;
}) {
  const { t } = useTranslation();
  const options = table.rows.map((item, index) => ({
    value: item.uid,
    label: item.label || `${t('reportSetup.editor.unnamed')} ${index + 1}`,
  }));
  const update = (uid: string, patch: Partial<DraftTable['rowLimits'][number]>) =>
    onChange((current) => ({
      ...current,
      rowLimits: current.rowLimits.map((limit) => (limit.uid === uid ? { ...limit, ...patch } : limit)),
    }));
  return (
    <div data-testid={testId}>
      <Typography.Text strong>{t('reportSetup.editor.rowLimits')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0 8px' }}>
        {t('reportSetup.editor.limitHelp')}
      </Typography.Paragraph>
      {table.rowLimits.map((limit, index) => (
        <div key={limit.uid} style={{ marginBottom: 8 }} data-testid={`${testId}-${index}`}>
          <Space wrap align="center">
            <Select
              value={limit.row}
              onChange={(row: string) => update(limit.uid, { row })}
              options={options}
              placeholder={t('reportSetup.editor.limitRow')}
              aria-label={t('reportSetup.editor.limitRow')}
              style={{ minWidth: 200 }}
              popupMatchSelectWidth={false}
              data-testid={`${testId}-${index}-row`}
            />
            <span>{t('reportSetup.editor.limitNotAbove')}</span>
            <Select
              value={limit.notAbove}
              onChange={(notAbove: string) => update(limit.uid, { notAbove })}
              options={options.filter((option) => option.value !== limit.row)}
              placeholder={t('reportSetup.editor.limitBound')}
              aria-label={t('reportSetup.editor.limitBound')}
              style={{ minWidth: 200 }}
              popupMatchSelectWidth={false}
              data-testid={`${testId}-${index}-not-above`}
            />
            <Button
              icon={<DeleteOutlined />}
              danger
              onClick={() => onChange((current) => ({ ...current, rowLimits: current.rowLimits.filter((item) => item.uid !== limit.uid) }))}
              aria-label={t('reportSetup.editor.remove')}
              data-testid={`${testId}-${index}-remove`}
            />
          </Space>
          <IssueText issues={byUid.get(limit.uid)} />
        </div>
      ))}
      <Button
        size="small"
        icon={<PlusOutlined />}
        disabled={table.rows.length < 2}
        onClick={() =>
          onChange((current) => ({
            ...current,
            rowLimits: [...current.rowLimits, { uid: newUid(), row: current.rows[1]?.uid, notAbove: current.rows[0]?.uid }],
          }))
        }
        data-testid={`${testId}-add`}
      >
        {t('reportSetup.editor.addLimit')}
      </Button>
    </div>
  );
}
