import { EditOutlined, EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import type { VictimFileDetail } from '@atmis/domain';
import { Alert, Button, Card, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevealResult } from '../api/victims-api.ts';
import { IdentificationStatusTag } from '../components/victim-tags.tsx';
import { AgeCell, ContactCell, GuardianCell, languageName, NameCell, PapersCell, type Person } from './person-cells.tsx';
import { PersonCorrectModal } from './person-correct-modal.tsx';
import { RevealModal } from './reveal-modal.tsx';
import { useExpiringState } from './use-audited-reveal.ts';

/**
 * The persons of the file, masked as the server sends them. Identifying values appear only after an
 * audited reveal, in place of the masked ones, for at most five minutes (and never in a cache).
 */
export function PersonsCard({ file }: { file: VictimFileDetail }) {
  const { t, i18n } = useTranslation();
  const [revealed, setRevealed, hide] = useExpiringState<RevealResult>();
  const [isRevealing, setIsRevealing] = useState(false);
  const [correcting, setCorrecting] = useState<Person | null>(null);
  const byId = new Map((revealed?.persons ?? []).map((person) => [person.id, person]));

  return (
    <Card
      size="small"
      title={t('victimFile.persons.title')}
      style={{ marginBottom: 16 }}
      extra={
        file.canRevealIdentity &&
        (revealed ? (
          <Button size="small" icon={<EyeInvisibleOutlined />} onClick={hide} data-testid="reveal-hide">
            {t('victimFile.reveal.hide')}
          </Button>
        ) : (
          <Button size="small" icon={<EyeOutlined />} onClick={() => setIsRevealing(true)} data-testid="reveal-button">
            {t('victimFile.reveal.button')}
          </Button>
        ))
      }
    >
      {revealed && (
        <Alert
          type="warning"
          showIcon
          icon={<EyeOutlined />}
          style={{ marginBottom: 12 }}
          data-testid="reveal-banner"
          title={t('victimFile.reveal.banner')}
          description={t('victimFile.reveal.bannerHint')}
        />
      )}
      <Table<Person>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 1100 }}
        dataSource={file.persons}
        data-testid="persons-table"
        locale={{ emptyText: t('victimFile.persons.empty') }}
        onRow={(person) => ({ 'data-testid': `person-row-${person.position}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'name',
            title: t('victimFile.persons.name'),
            width: 220,
            render: (_, person) => <NameCell person={person} revealed={byId.get(person.id)} />,
          },
          {
            key: 'age',
            title: t('victimFile.persons.age'),
            width: 170,
            render: (_, person) => <AgeCell person={person} revealed={byId.get(person.id)} />,
          },
          {
            key: 'papers',
            title: t('victimFile.persons.papers'),
            width: 200,
            render: (_, person) => <PapersCell person={person} revealed={byId.get(person.id)} />,
          },
          {
            key: 'contact',
            title: t('victimFile.persons.contact'),
            width: 220,
            render: (_, person) => <ContactCell person={person} revealed={byId.get(person.id)} />,
          },
          {
            key: 'language',
            title: t('victimFile.persons.language'),
            width: 110,
            render: (_, person) => languageName(person.language, i18n.language),
          },
          {
            key: 'guardian',
            title: t('victimFile.persons.guardian'),
            width: 170,
            render: (_, person) => <GuardianCell person={person} revealed={byId.get(person.id)} />,
          },
          {
            key: 'identification',
            title: t('victimFile.persons.identification'),
            width: 160,
            render: (_, person) =>
              person.identificationStatus ? (
                <IdentificationStatusTag status={person.identificationStatus} testId={`person-identification-${person.position}`} />
              ) : (
                <Typography.Text type="secondary">{t('victimFile.persons.notIdentified')}</Typography.Text>
              ),
          },
          ...(file.canManage && file.canRevealIdentity
            ? [
                {
                  key: 'actions',
                  title: '',
                  width: 110,
                  fixed: 'right' as const,
                  render: (_: unknown, person: Person) => (
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => setCorrecting(person)}
                      data-testid={`person-correct-${person.position}`}
                    >
                      {t('victimFile.persons.correct')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {isRevealing && <RevealModal file={file} onRevealed={setRevealed} onClose={() => setIsRevealing(false)} />}
      {correcting && <PersonCorrectModal file={file} person={correcting} onClose={() => setCorrecting(null)} />}
    </Card>
  );
}
