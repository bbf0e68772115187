import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { IssueText, otherIssues } from './issue-text.tsx';
import {
  addItem,
  moveByUid,
  rekeyItem,
  relabelItem,
  removeItem,
  type DraftIssue,
  type DraftTable,
  type ItemList,
} from './template-draft.ts';

/**
 * The rows or the columns of a table as an editable list: label, key (suggested from the label
 * until edited), move up/down, remove. Removing a row also drops it from groups and limits.
 */
export function ItemListEditor({
  table,
  list,
  onChange,
  byUid,
  testId,
}: {
  table: DraftTable;
  list: ItemList;
  onChange: (change: (table: DraftTable) => DraftTable) => void;
  byUid: Map<string, DraftIssue[]>;
  testId: string;
}) {
  const { t } = useTranslation();
  const noun = list === 'rows' ? 'row' : 'column';
  const items = table[list];
  return (
    <div data-testid={testId}>
      <Typography.Text strong>{t(`reportSetup.editor.${list}`)}</Typography.Text>
      <ol style={{ paddingInlineStart: 24, margin: '8px 0' }}>
        {items.map((item, index) => {
          const issues = byUid.get(item.uid);
          const position = { n: index + 1 };
          return (
            <li key={item.uid} style={{ marginBottom: 6 }} data-testid={`${testId}-${index}`}>
              <Space.Compact style={{ width: '100%' }}>
                <Input
                  value={item.label}
                  onChange={(event) => onChange((current) => relabelItem(current, list, item.uid, event.target.value))}
                  placeholder={t(`reportSetup.editor.${noun}Label`)}
                  aria-label={t(`reportSetup.editor.${noun}LabelN`, position)}
                  status={issues?.some((issue) => issue.field === 'label') ? 'error' : undefined}
                  data-testid={`${testId}-${index}-label`}
                  maxLength={list === 'rows' ? 300 : 120}
                />
                <Tooltip title={t('reportSetup.editor.keyHelp')}>
                  <Input
                    value={item.key}
                    onChange={(event) => onChange((current) => rekeyItem(current, list, item.uid, event.target.value.trim()))}
                    aria-label={t(`reportSetup.editor.${noun}KeyN`, position)}
                    status={issues?.some((issue) => issue.field === 'key') ? 'error' : undefined}
                    data-testid={`${testId}-${index}-key`}
                    className="atmis-mono"
                    style={{ maxWidth: 200 }}
                    maxLength={40}
                  />
                </Tooltip>
                <Button
                  icon={<ArrowUpOutlined />}
                  disabled={index === 0}
                  onClick={() => onChange((current) => ({ ...current, [list]: moveByUid(current[list], item.uid, -1) }))}
                  aria-label={t('reportSetup.editor.moveUp')}
                  data-testid={`${testId}-${index}-up`}
                />
                <Button
                  icon={<ArrowDownOutlined />}
                  disabled={index === items.length - 1}
                  onClick={() => onChange((current) => ({ ...current, [list]: moveByUid(current[list], item.uid, 1) }))}
                  aria-label={t('reportSetup.editor.moveDown')}
                  data-testid={`${testId}-${index}-down`}
                />
                <Button
                  icon={<DeleteOutlined />}
                  danger
                  disabled={items.length <= 1}
                  onClick={() => onChange((current) => removeItem(current, list, item.uid))}
                  aria-label={t('reportSetup.editor.remove')}
                  data-testid={`${testId}-${index}-remove`}
                />
              </Space.Compact>
              <IssueText issues={otherIssues(issues, [])} />
            </li>
          );
        })}
      </ol>
      <Button
        size="small"
        icon={<PlusOutlined />}
        onClick={() => onChange((current) => addItem(current, list))}
        data-testid={`${testId}-add`}
      >
        {t(`reportSetup.editor.add${list === 'rows' ? 'Row' : 'Column'}`)}
      </Button>
    </div>
  );
}
