import { EditOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../../components/use-notify-error.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useResetDeadlineRule, type DeadlineSettings } from '../api/victims-api.ts';
import { DeadlineRuleModal } from './deadline-rule-modal.tsx';

type DeadlineRuleView = DeadlineSettings['rules'][number];

/** The legal deadlines of victim work, as the system applies them now; national managers adjust them. */
export function DeadlineRulesCard({ settings, isLoading }: { settings: DeadlineSettings | undefined; isLoading: boolean }) {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const notifyError = useNotifyError();
  const reset = useResetDeadlineRule();
  const [editing, setEditing] = useState<DeadlineRuleView | null>(null);
  const canManage = settings?.canManage ?? false;

  function confirmReset(rule: DeadlineRuleView) {
    modal.confirm({
      title: t('victims.settings.resetTitle'),
      content: t('victims.settings.resetContent', {
        days: rule.defaultDays,
        kind: t(`victims.settings.kinds.${rule.defaultKind}`).toLowerCase(),
      }),
      okText: t('victims.settings.reset'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'deadline-reset-confirm' },
      onOk: async () => {
        try {
          await reset.mutateAsync(rule.code);
          void message.success(t('common.saved'));
        } catch (error) {
          notifyError(error);
        }
      },
    });
  }

  return (
    <Card title={t('victims.settings.deadlines')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('victims.settings.deadlinesHelp')}</Typography.Paragraph>
      <Table<DeadlineRuleView>
        data-testid="deadline-table"
        rowKey="code"
        size="middle"
        loading={isLoading}
        dataSource={settings?.rules ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        onRow={(rule) => ({ 'data-testid': `deadline-row-${rule.code}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('victims.settings.rule'),
            key: 'label',
            render: (_, rule) => (
              <Space size={4} wrap>
                <span>{i18n.language === 'en' ? rule.labelEn : rule.label}</span>
                {rule.isOverridden && (
                  <Tooltip title={rule.updatedAt ? t('victims.settings.adjustedAt', { at: formatDateTime(rule.updatedAt) }) : undefined}>
                    <Tag color="orange" data-testid={`deadline-overridden-${rule.code}`}>
                      {t('victims.settings.adjusted')}
                    </Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          { title: t('victims.settings.days'), dataIndex: 'days', width: 90, align: 'right' },
          {
            title: t('victims.settings.kind'),
            dataIndex: 'kind',
            width: 140,
            render: (kind: DeadlineRuleView['kind']) => t(`victims.settings.kinds.${kind}`),
          },
          {
            title: t('victims.settings.from'),
            dataIndex: 'from',
            width: 200,
            render: (from: string) => t(`victims.settings.starts.${from}`, { defaultValue: from }),
          },
          {
            title: t('victims.settings.legalReference'),
            key: 'legalReference',
            width: 320,
            render: (_, rule) => (
              <>
                {rule.legalReference ?? <Typography.Text type="warning">{t('victims.settings.noLegalReference')}</Typography.Text>}
                {rule.note && (
                  <div>
                    <Typography.Text type="secondary">{rule.note}</Typography.Text>
                  </div>
                )}
              </>
            ),
          },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 200,
                  render: (_: unknown, rule: DeadlineRuleView) => (
                    <Space size={4}>
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        onClick={() => setEditing(rule)}
                        data-testid={`deadline-edit-${rule.code}`}
                      >
                        {t('common.edit')}
                      </Button>
                      {rule.isOverridden && (
                        <Button
                          size="small"
                          icon={<UndoOutlined />}
                          onClick={() => confirmReset(rule)}
                          data-testid={`deadline-reset-${rule.code}`}
                        >
                          {t('victims.settings.reset')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <DeadlineRuleModal rule={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
