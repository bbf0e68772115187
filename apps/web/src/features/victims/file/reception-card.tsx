import { EditOutlined } from '@ant-design/icons';
import { RECEPTION_WAY_LABELS, SUPPORT_TYPE_LABELS, type VictimFileDetail } from '@atmis/domain';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../../lib/countries.ts';
import { formatDate } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import { ReceptionCorrectModal } from './reception-correct-modal.tsx';
import { useAgencyNames } from '../../../lib/use-reference-names.ts';

/** The reception facts (file readers only), with their correction for those who manage the file. */
export function ReceptionCard({ file }: { file: VictimFileDetail }) {
  const { t, i18n } = useTranslation();
  const [isCorrecting, setIsCorrecting] = useState(false);
  const reception = file.reception;
  const agencyNames = useAgencyNames([reception?.receivedByAgencyId]);
  const none = t('victimFile.none');
  if (!reception)
    return (
      <Card size="small" title={t('victimFile.reception.title')} style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('victimFile.reception.hidden')}</Typography.Text>
      </Card>
    );
  const receivedBy = [
    reception.receivedByAgencyId
      ? (agencyNames.get(reception.receivedByAgencyId) ?? (reception.receivedByAgencyId === file.agencyId ? file.agencyName : null))
      : null,
    reception.receivedByName,
  ]
    .filter(Boolean)
    .join(' — ');
  const text = (value: string | null | undefined) => value || none;

  return (
    <Card
      size="small"
      title={t('victimFile.reception.title')}
      style={{ marginBottom: 16 }}
      data-testid="reception-card"
      extra={
        file.canManage && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setIsCorrecting(true)} data-testid="reception-correct">
            {t('victimFile.reception.correct')}
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'way',
            label: t('victimFile.reception.way'),
            children: <span data-testid="reception-way-value">{pickLabel(RECEPTION_WAY_LABELS[reception.way])}</span>,
          },
          { key: 'date', label: t('victimFile.reception.receivedOn'), children: formatDate(reception.receivedOn) },
          {
            key: 'country',
            label: t('victimFile.reception.fromCountry'),
            children: (
              <span data-testid="reception-country-value">
                {reception.fromCountry ? countryName(reception.fromCountry, i18n.language) : none}
              </span>
            ),
          },
          { key: 'gate', label: t('victimFile.reception.borderGate'), children: text(reception.borderGate) },
          { key: 'place', label: t('victimFile.reception.place'), children: text(reception.place) },
          { key: 'by', label: t('victimFile.reception.receivedBy'), children: text(receivedBy) },
          { key: 'officer', label: t('victimFile.reception.receivingOfficer'), children: text(reception.receivingOfficer) },
          {
            key: 'initial',
            label: t('victimFile.reception.initialSupport'),
            span: 'filled',
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{text(reception.initialSupport)}</span>,
          },
          ...(file.needs
            ? [
                {
                  key: 'needs',
                  label: t('victimFile.reception.needs'),
                  span: 'filled' as const,
                  children: file.needs.length ? (
                    <Space wrap size={[4, 4]} data-testid="reception-needs">
                      {file.needs.map((need) => (
                        <Tag key={need}>{pickLabel(SUPPORT_TYPE_LABELS[need])}</Tag>
                      ))}
                    </Space>
                  ) : (
                    none
                  ),
                },
              ]
            : []),
        ]}
      />
      {isCorrecting && <ReceptionCorrectModal file={file} onClose={() => setIsCorrecting(false)} />}
    </Card>
  );
}
