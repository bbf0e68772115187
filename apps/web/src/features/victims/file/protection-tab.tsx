import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { PROTECTION_MEASURE_LABELS, type VictimFileDetail } from '@atmis/domain';
import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import { ProtectionModal, RISK_COLORS } from './protection-modal.tsx';
import { ThreatModal } from './threat-modal.tsx';

type Summary = NonNullable<VictimFileDetail['protection']>;
type Assessment = NonNullable<VictimFileDetail['protectionDetails']>['assessments'][number];
type Threat = NonNullable<VictimFileDetail['protectionDetails']>['threats'][number];

function RiskTag({ level, testId }: { level: Summary['riskLevel']; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={RISK_COLORS[level]} data-testid={testId}>
      {t(`victimFile.protection.risk.${level}`)}
    </Tag>
  );
}

function Measures({ measures }: { measures: Summary['measures'] }) {
  const { t } = useTranslation();
  if (measures.length === 0) return <>{t('victimFile.none')}</>;
  return (
    <Space wrap size={[4, 4]}>
      {measures.map((measure) => (
        <Tag key={measure}>{pickLabel(PROTECTION_MEASURE_LABELS[measure])}</Tag>
      ))}
    </Space>
  );
}

/**
 * The person's safety: the latest assessment (what a referral receiver sees, summary only), every
 * assessment with its details and the threats logged (the managing unit only).
 */
export function ProtectionTab({ file }: { file: VictimFileDetail }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'assessment' | 'threat' | null>(null);
  const latest = file.protection;
  const details = file.protectionDetails;
  const none = t('victimFile.none');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {file.canManage && (
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('assessment')} data-testid="protection-add">
            {t('victimFile.protection.add')}
          </Button>
          {details && (
            <Button icon={<WarningOutlined />} onClick={() => setDialog('threat')} data-testid="threat-add">
              {t('victimFile.protection.threatAdd')}
            </Button>
          )}
        </Space>
      )}
      {!details && <Alert type="info" showIcon title={t('victimFile.protection.referralOnly')} />}
      <Card size="small" title={t('victimFile.protection.latest')} data-testid="protection-latest">
        {latest ? (
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'date', label: t('victimFile.protection.assessedOn'), children: formatDate(latest.assessedOn) },
              {
                key: 'risk',
                label: t('victimFile.protection.riskLevel'),
                children: <RiskTag level={latest.riskLevel} testId="protection-latest-risk" />,
              },
              {
                key: 'measures',
                label: t('victimFile.protection.measures'),
                span: 'filled',
                children: <Measures measures={latest.measures} />,
              },
              { key: 'summary', label: t('victimFile.protection.summary'), span: 'filled', children: latest.summary ?? none },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{t('victimFile.protection.none')}</Typography.Text>
        )}
      </Card>
      {details && (
        <Card size="small" title={t('victimFile.protection.assessments')}>
          <Table<Assessment>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={details.assessments}
            data-testid="protection-assessments"
            locale={{ emptyText: t('victimFile.protection.none') }}
            columns={[
              { key: 'date', title: t('victimFile.protection.assessedOn'), width: 120, render: (_, row) => formatDate(row.assessedOn) },
              {
                key: 'risk',
                title: t('victimFile.protection.riskLevel'),
                width: 120,
                render: (_, row) => <RiskTag level={row.riskLevel} />,
              },
              { key: 'measures', title: t('victimFile.protection.measures'), render: (_, row) => <Measures measures={row.measures} /> },
              { key: 'summary', title: t('victimFile.protection.summary'), render: (_, row) => row.summary ?? none },
              {
                key: 'details',
                title: t('victimFile.protection.details'),
                render: (_, row) => <span style={{ whiteSpace: 'pre-wrap' }}>{row.details ?? none}</span>,
              },
            ]}
          />
        </Card>
      )}
      {details && (
        <Card size="small" title={t('victimFile.protection.threats')}>
          <Table<Threat>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={details.threats}
            data-testid="protection-threats"
            locale={{ emptyText: t('victimFile.protection.noThreats') }}
            columns={[
              { key: 'date', title: t('victimFile.protection.reportedOn'), width: 120, render: (_, row) => formatDate(row.reportedOn) },
              {
                key: 'description',
                title: t('victimFile.protection.description'),
                render: (_, row) => <span style={{ whiteSpace: 'pre-wrap' }}>{row.description}</span>,
              },
            ]}
          />
        </Card>
      )}
      {dialog === 'assessment' && <ProtectionModal file={file} onClose={() => setDialog(null)} />}
      {dialog === 'threat' && <ThreatModal file={file} onClose={() => setDialog(null)} />}
    </Space>
  );
}
