import { EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { foldVietnamese, type ReportTemplateView } from '@atmis/domain';
import { Card, Empty, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { SearchInput } from '../../../components/search-input.tsx';
import { formatDate } from '../../../lib/format.ts';
import { reportPaths } from '../../report-schedules/index.ts';
import { AppLink, AppLinkButton } from '../../../components/app-link.tsx';
import { templateFamilies, useReportTemplates, type TemplateFamily } from '../api/report-templates-api.ts';
import { TemplateGate, TemplateStatusTag, useTemplateAccess } from '../components/template-access.tsx';

/** The versions of one template: each keeps the reports made with it. */
function VersionsTable({ family }: { family: TemplateFamily }) {
  const { t } = useTranslation();
  return (
    <Table<ReportTemplateView>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={family.versions}
      data-testid={`template-versions-${family.code}`}
      onRow={(version) => ({ 'data-testid': `template-version-${version.id}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('reportSetup.templates.version'),
          dataIndex: 'version',
          width: 120,
          render: (version: number, row) => (
            <AppLink to={reportPaths.template(row.id)}>{t('reportSetup.templates.versionN', { version })}</AppLink>
          ),
        },
        { title: t('reportSetup.templates.name'), dataIndex: 'name' },
        {
          title: t('common.status'),
          dataIndex: 'status',
          width: 150,
          render: (status: ReportTemplateView['status']) => <TemplateStatusTag status={status} />,
        },
        { title: t('reportSetup.templates.reportCount'), dataIndex: 'reportCount', width: 130, align: 'right' },
        { title: t('reportSetup.templates.createdAt'), dataIndex: 'createdAt', width: 130, render: (value: string) => formatDate(value) },
      ]}
    />
  );
}

function TemplateList() {
  const { t } = useTranslation();
  const { canManage } = useTemplateAccess();
  const query = useReportTemplates();
  const [q, setQ] = useState('');
  const words = foldVietnamese(q).split(/\s+/).filter(Boolean);
  const families = templateFamilies(query.data ?? []).filter((family) => {
    const haystack = foldVietnamese(`${family.latest.name} ${family.code} ${family.latest.description ?? ''}`);
    return words.every((word) => haystack.includes(word));
  });

  return (
    <>
      <PageHeader
        title={t('reportSetup.templates.title')}
        testId="templates-title"
        extra={
          canManage && (
            <AppLinkButton to={reportPaths.newTemplate()} type="primary" icon={<PlusOutlined />} testId="template-create">
              {t('reportSetup.templates.create')}
            </AppLinkButton>
          )
        }
      />
      <Card>
        <Typography.Paragraph type="secondary">{t('reportSetup.templates.intro')}</Typography.Paragraph>
        <div className="atmis-toolbar">
          <SearchInput onSearch={setQ} testId="template-search" placeholder={t('reportSetup.templates.searchPlaceholder')} width={320} />
        </div>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        <Table<TemplateFamily>
          data-testid="templates-table"
          rowKey="code"
          size="middle"
          loading={query.isLoading}
          dataSource={families}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={q ? t('common.noResults') : t('reportSetup.templates.empty')} /> }}
          onRow={(family) => ({ 'data-testid': `template-row-${family.code}` }) as React.HTMLAttributes<HTMLElement>}
          expandable={{
            expandedRowRender: (family) => <VersionsTable family={family} />,
            rowExpandable: (family) => family.versions.length > 0,
            expandRowByClick: false,
          }}
          columns={[
            {
              title: t('reportSetup.templates.name'),
              key: 'name',
              render: (_, family) => (
                <Space orientation="vertical" size={0}>
                  <AppLink to={reportPaths.template(family.latest.id)} testId={`template-link-${family.code}`}>
                    {family.latest.name}
                  </AppLink>
                  {family.latest.description && (
                    <Typography.Text type="secondary" ellipsis style={{ maxWidth: 480 }}>
                      {family.latest.description}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t('reportSetup.editor.code'),
              key: 'code',
              width: 180,
              responsive: ['md'],
              render: (_, family) => <span className="atmis-mono">{family.code}</span>,
            },
            {
              title: t('reportSetup.templates.version'),
              key: 'version',
              width: 150,
              render: (_, family) => (
                <span data-testid={`template-version-count-${family.code}`}>
                  {t('reportSetup.templates.versionN', { version: family.latest.version })}
                  {family.versions.length > 1 && (
                    <Typography.Text type="secondary">
                      {' '}
                      ({t('reportSetup.templates.versionCount', { count: family.versions.length })})
                    </Typography.Text>
                  )}
                </span>
              ),
            },
            {
              title: t('common.status'),
              key: 'status',
              width: 150,
              render: (_, family) => <TemplateStatusTag status={family.latest.status} testId={`template-status-${family.code}`} />,
            },
            {
              title: t('reportSetup.templates.reportCount'),
              key: 'reports',
              width: 130,
              align: 'right',
              render: (_, family) => family.versions.reduce((sum, version) => sum + version.reportCount, 0),
            },
            {
              title: t('reportSetup.templates.createdAt'),
              key: 'created',
              width: 130,
              responsive: ['lg'],
              render: (_, family) => formatDate(family.latest.createdAt),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 240,
              render: (_, family) =>
                canManage && family.latest.status === 'active' ? (
                  <AppLinkButton
                    to={reportPaths.template(family.latest.id)}
                    size="small"
                    icon={<EditOutlined />}
                    testId={`template-edit-${family.code}`}
                  >
                    {t('reportSetup.templates.edit')}
                  </AppLinkButton>
                ) : (
                  <AppLinkButton
                    to={reportPaths.template(family.latest.id)}
                    size="small"
                    icon={<EyeOutlined />}
                    testId={`template-view-${family.code}`}
                  >
                    {t('common.details')}
                  </AppLinkButton>
                ),
            },
          ]}
        />
        {families.length > 0 && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12 }} data-testid="templates-count">
            {t('common.total', { count: families.length })}
          </Typography.Text>
        )}
      </Card>
    </>
  );
}

/** "Mẫu báo cáo": templates with their versions, status and the reports made with them. */
export function ReportTemplateListPage() {
  return (
    <TemplateGate>
      <TemplateList />
    </TemplateGate>
  );
}
