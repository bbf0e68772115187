import type { VictimFileDetail } from '@atmis/domain';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Table } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { FollowUpAddModal } from './follow-up-add-modal.tsx';
import { isNextVisitOverdue } from './follow-up-rules.ts';
import { FollowUpSituationTag } from './follow-up-situation-tag.tsx';
import { RepatriationSection } from './repatriation-section.tsx';
import { CareSection, ClosedFileNotice, OverdueTag, PERSON_COLUMN_WIDTH, PersonCell, useCareFlags } from './support-care-parts.tsx';
import { todayIso } from './support-form-kit.ts';

type FollowUpView = NonNullable<VictimFileDetail['followUps']>[number];

/** Reintegration follow-up visits and, for foreign persons, their repatriation. */
export function FollowUpTab({ file }: { file: VictimFileDetail }) {
  const { t } = useTranslation();
  const flags = useCareFlags(file);
  const [isAdding, setIsAdding] = useState(false);
  const today = todayIso();

  if (file.followUps === null && file.repatriations === null) return <Empty description={t('victimCare.common.notVisible')} />;
  const visits = file.followUps ?? [];
  return (
    <>
      <ClosedFileNotice file={file} />
      {file.followUps !== null && (
        <CareSection
          title={t('victimCare.followUp.title')}
          action={
            flags.canRecord && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsAdding(true)} data-testid="follow-up-add">
                {t('victimCare.followUp.add')}
              </Button>
            )
          }
        >
          <Table<FollowUpView>
            data-testid="follow-ups-table"
            rowKey="id"
            size="small"
            dataSource={visits}
            pagination={false}
            scroll={{ x: 900 }}
            onRow={(visit) => ({ 'data-testid': `follow-up-row-${visit.id}` }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: <Empty description={t('victimCare.followUp.empty')} /> }}
            columns={[
              {
                title: t('victimCare.followUp.visitedOn'),
                dataIndex: 'visitedOn',
                width: 110,
                render: (_, visit) => formatDate(visit.visitedOn),
              },
              {
                title: t('victimCare.common.person'),
                key: 'person',
                width: PERSON_COLUMN_WIDTH,
                render: (_, visit) => <PersonCell file={file} personId={visit.personId} fallback={t('victimCare.followUp.wholeFamily')} />,
              },
              { title: t('victimCare.followUp.visitedBy'), dataIndex: 'visitedBy', render: (_, visit) => visit.visitedBy ?? '' },
              {
                title: t('victimCare.followUp.situation'),
                dataIndex: 'situation',
                render: (_, visit) => <FollowUpSituationTag situation={visit.situation} testId={`follow-up-situation-${visit.id}`} />,
              },
              { title: t('victimCare.common.notes'), dataIndex: 'notes', width: 280, render: (_, visit) => visit.notes ?? '' },
              {
                title: t('victimCare.followUp.nextVisitOn'),
                dataIndex: 'nextVisitOn',
                width: 150,
                render: (_, visit) =>
                  visit.nextVisitOn && (
                    <Space size={4} wrap>
                      <span>{formatDate(visit.nextVisitOn)}</span>
                      {isNextVisitOverdue(visit, visits, today) && <OverdueTag testId={`follow-up-overdue-${visit.id}`} />}
                    </Space>
                  ),
              },
            ]}
          />
        </CareSection>
      )}
      {file.repatriations !== null && (
        <RepatriationSection file={file} repatriations={file.repatriations} canRecord={flags.canRepatriate} />
      )}
      {isAdding && <FollowUpAddModal file={file} onClose={() => setIsAdding(false)} />}
    </>
  );
}
