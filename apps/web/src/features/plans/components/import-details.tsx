import type { PlanImportView } from '@atmis/domain';
import { Alert, Card, Col, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';

type Result = PlanImportView['result'];

/** The warnings, prominent, at the top of the review: what the parser could not place. */
export function ImportWarnings({ view }: { view: PlanImportView }) {
  const { t } = useTranslation();
  if (view.warnings.length === 0)
    return (
      <Alert type="success" showIcon title={t('planImport.noWarnings')} style={{ marginBottom: 16 }} data-testid="import-no-warnings" />
    );
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="import-warnings"
      title={<strong>{t('planImport.warnings', { count: view.warnings.length })}</strong>}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>{t('planImport.warningsIntro')}</Typography.Paragraph>
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {view.warnings.map((warning, index) => (
              <li key={index} data-testid={`import-warning-${warning.code}`}>
                {warning.message}
                {warning.excerpt && <Typography.Text type="secondary">{` — “${warning.excerpt}”`}</Typography.Text>}
              </li>
            ))}
          </ul>
        </>
      }
    />
  );
}

/** The reporting regime the parser found (legal basis, phases and targets have their own editors). */
export function ImportDetails({ result }: { result: Result }) {
  const { t } = useTranslation();
  return (
    <Card style={{ marginBottom: 16 }} data-testid="import-details">
      <Row gutter={[24, 16]}>
        <Col xs={24}>
          <Typography.Title level={5}>{t('planImport.reporting', { count: result.reporting.length })}</Typography.Title>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            data-testid="import-reporting"
            dataSource={result.reporting.map((rule, index) => ({ ...rule, key: index }))}
            locale={{ emptyText: t('plans.noReporting') }}
            columns={[
              {
                title: t('planImport.frequencyLabel'),
                dataIndex: 'frequency',
                width: 130,
                render: (value: string) => t(`plans.frequency.${value}`),
              },
              { title: t('planImport.reportFrom'), dataIndex: 'from', render: (from: string[]) => from.join('; ') || '—' },
              {
                title: t('planImport.recipient'),
                key: 'recipient',
                render: (_, rule) => [rule.recipient, rule.via].filter(Boolean).join(' ') || '—',
              },
              { title: t('planImport.due'), key: 'due', width: 180, render: (_, rule) => rule.dueText ?? (formatDate(rule.due) || '—') },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
