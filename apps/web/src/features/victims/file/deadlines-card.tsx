import { DEFAULT_DEADLINE_RULES, type VictimFileDetail } from '@atmis/domain';
import { Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';

const STATUS_COLORS = { done: 'green', overdue: 'red', due_soon: 'orange', ok: 'blue' } as const;

/** The legal and internal deadlines of the file, computed by the server with its rules and holidays. */
export function DeadlinesCard({ file }: { file: VictimFileDetail }) {
  const { t, i18n } = useTranslation();
  // The server sends the Vietnamese label; an English reader gets the rule's English one when known.
  const labelOf = (code: string, label: string) =>
    i18n.language === 'en' ? (DEFAULT_DEADLINE_RULES.find((rule) => rule.code === code)?.labelEn ?? label) : label;
  return (
    <Card size="small" title={t('victimFile.deadlines.title')} style={{ marginBottom: 16 }} data-testid="deadlines-card">
      {file.deadlines.length === 0 && <Typography.Text type="secondary">{t('victimFile.deadlines.empty')}</Typography.Text>}
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {file.deadlines.map((deadline) => (
          <div key={deadline.code} data-testid={`deadline-${deadline.code}`}>
            <Space wrap size={8}>
              <Typography.Text strong>{labelOf(deadline.code, deadline.label)}</Typography.Text>
              <Tag color={STATUS_COLORS[deadline.status]} data-testid={`deadline-status-${deadline.code}`}>
                {t(`victimFile.deadlines.status.${deadline.status}`)}
              </Tag>
              <Typography.Text>{t('victimFile.deadlines.dueOn', { date: formatDate(deadline.dueOn) })}</Typography.Text>
            </Space>
            {deadline.legalReference && (
              <div>
                <Typography.Text type="secondary">
                  {t('victimFile.deadlines.legal', { reference: deadline.legalReference })}
                </Typography.Text>
              </div>
            )}
          </div>
        ))}
      </Space>
    </Card>
  );
}
