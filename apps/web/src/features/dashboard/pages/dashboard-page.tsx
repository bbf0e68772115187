import { SCOPE_LABELS } from '@atmis/domain';
import { Link } from '@tanstack/react-router';
import { Card, Col, Empty, Row, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth/use-me.ts';
import { ADMIN_NAV, MAIN_NAV, isNavItemVisible } from '../../../app/layout/nav-items.tsx';
import { pickLabel } from '../../../lib/i18n/index.ts';

export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const modules = [...MAIN_NAV, ...ADMIN_NAV].filter((item) => item.path !== '/' && isNavItemVisible(item, me.permissions));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card data-testid="welcome-card">
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="welcome-title">
          {t('dashboard.welcome', { name: me.user.fullName })}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('dashboard.intro')}</Typography.Paragraph>
        <Typography.Paragraph>
          {me.user.orgUnitName}
          {me.user.agencyName ? ` · ${me.user.agencyName}` : ''}
        </Typography.Paragraph>
        <Typography.Title level={5}>{t('dashboard.assignments')}</Typography.Title>
        <Table
          data-testid="my-assignments"
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={me.assignments}
          scroll={{ x: 600 }}
          locale={{ emptyText: <Empty description={t('dashboard.noAssignments')} /> }}
          columns={[
            {
              title: t('dashboard.role'),
              dataIndex: 'roleName',
              render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
            },
            { title: t('dashboard.unit'), dataIndex: 'orgUnitName' },
            { title: t('dashboard.agency'), dataIndex: 'agencyName', render: (name: string | null) => name ?? '—' },
            {
              title: t('dashboard.scope'),
              dataIndex: 'scope',
              render: (scope: keyof typeof SCOPE_LABELS) => <Tag color="blue">{pickLabel(SCOPE_LABELS[scope], scope)}</Tag>,
            },
          ]}
        />
      </Card>
      {modules.length > 0 && (
        <Card title={t('dashboard.modules')}>
          <Row gutter={[12, 12]}>
            {modules.map((item) => (
              <Col key={item.key} xs={24} sm={12} lg={8} xl={6}>
                <Link to={item.path} data-testid={`dashboard-module-${item.key}`}>
                  <Card size="small" hoverable>
                    <Space>
                      {item.icon}
                      {t(item.labelKey)}
                      {item.planned && (
                        <Tag title={t('nav.plannedHint')} data-testid={`dashboard-module-${item.key}-planned`}>
                          {t('nav.planned')}
                        </Tag>
                      )}
                    </Space>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </Card>
      )}
    </Space>
  );
}
