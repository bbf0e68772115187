import { SUPPORT_TYPE_LABELS, type VictimFileDetail } from '@atmis/domain';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLabel } from '../../../lib/i18n/index.ts';
import { StaySection } from './stay-section.tsx';
import { SupportAddModal } from './support-add-modal.tsx';
import { CareSection, ClosedFileNotice, useCareFlags } from './support-care-parts.tsx';
import { SupportServicesTable } from './support-services-table.tsx';

/**
 * Support of the persons: the needs assessed at reception, the support plan and the services given,
 * and stays in support facilities. A receiving agency of an active referral records here too.
 */
export function SupportTab({ file }: { file: VictimFileDetail }) {
  const { t } = useTranslation();
  const flags = useCareFlags(file);
  const [isAdding, setIsAdding] = useState(false);

  if (file.supportServices === null && file.needs === null && file.stays === null)
    return <Empty description={t('victimCare.common.notVisible')} />;
  return (
    <>
      <ClosedFileNotice file={file} />
      {file.needs !== null && (
        <CareSection title={t('victimCare.support.needsTitle')} testId="support-needs">
          {file.needs.length === 0 ? (
            <Typography.Text type="secondary">{t('victimCare.support.noNeeds')}</Typography.Text>
          ) : (
            <Space size={[0, 6]} wrap>
              {file.needs.map((need) => (
                <Tag key={need} color="purple" data-testid={`support-need-${need}`}>
                  {pickLabel(SUPPORT_TYPE_LABELS[need])}
                </Tag>
              ))}
            </Space>
          )}
        </CareSection>
      )}
      {file.supportServices !== null && (
        <CareSection
          title={t('victimCare.support.title')}
          action={
            flags.canRecordSupport && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsAdding(true)} data-testid="support-add">
                {t('victimCare.support.add')}
              </Button>
            )
          }
        >
          <SupportServicesTable file={file} services={file.supportServices} canUpdate={flags.canRecordSupport} />
        </CareSection>
      )}
      {file.stays !== null && <StaySection file={file} stays={file.stays} canRecord={flags.canRecordSupport} />}
      {isAdding && <SupportAddModal file={file} onClose={() => setIsAdding(false)} />}
    </>
  );
}
