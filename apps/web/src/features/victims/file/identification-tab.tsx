import {
  IDENTIFICATION_TRANSITION_LABELS,
  IDENTIFICATION_TRANSITIONS,
  nextIdentificationStatus,
  PERSON_ROLE_LABELS,
  type IdentificationTransition,
  type VictimFileDetail,
} from '@atmis/domain';
import { Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLabel } from '../../../lib/i18n/index.ts';
import { IdentificationStatusTag } from '../components/victim-tags.tsx';
import type { Person } from './person-cells.tsx';
import { IdentificationModal } from './identification-modal.tsx';
import { IdentificationTimeline } from './identification-timeline.tsx';
import { personLabel } from './person-select.tsx';

/**
 * Verification and identification, per person who goes through it: where they stand, the steps the
 * state machine allows from there (for those who manage the file), and the history of the steps.
 */
export function IdentificationTab({ file }: { file: VictimFileDetail }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<{ person: Person; transition: IdentificationTransition } | null>(null);
  const persons = file.persons.filter((person) => person.identificationStatus !== null);
  const history = [...(file.identificationHistory ?? [])].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (persons.length === 0) return <Empty description={t('victimFile.identification.empty')} />;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {persons.map((person) => {
        const status = person.identificationStatus!;
        const transitions = IDENTIFICATION_TRANSITIONS.filter((transition) => nextIdentificationStatus(status, transition) !== null);
        return (
          <Card
            key={person.id}
            size="small"
            data-testid={`identification-person-${person.position}`}
            title={
              <Space wrap>
                <span>{personLabel(person)}</span>
              </Space>
            }
          >
            <Space wrap style={{ marginBottom: 12 }}>
              <Typography.Text type="secondary">{t('victimFile.identification.status')}:</Typography.Text>
              <Space size={4} data-testid={`identification-status-${person.position}`}>
                <IdentificationStatusTag status={status} />
                <Tag>{pickLabel(PERSON_ROLE_LABELS[person.role])}</Tag>
              </Space>
            </Space>
            {file.canManage && transitions.length > 0 && (
              <Space wrap style={{ display: 'flex', marginBottom: 12 }}>
                {transitions.map((transition) => (
                  <Button
                    key={transition}
                    type={transition === 'decide_victim' ? 'primary' : 'default'}
                    onClick={() => setStep({ person, transition })}
                    data-testid={`identification-action-${transition}-${person.position}`}
                  >
                    {pickLabel(IDENTIFICATION_TRANSITION_LABELS[transition])}
                  </Button>
                ))}
              </Space>
            )}
            <Typography.Title level={5}>{t('victimFile.identification.history')}</Typography.Title>
            <IdentificationTimeline
              events={history.filter((event) => event.personId === person.id)}
              all={history}
              testId={`identification-history-${person.position}`}
            />
          </Card>
        );
      })}
      {step && <IdentificationModal key={`${step.person.id}-${step.transition}`} {...step} onClose={() => setStep(null)} />}
    </Space>
  );
}
