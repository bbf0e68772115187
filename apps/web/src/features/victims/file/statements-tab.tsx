import { EyeInvisibleOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import type { VictimFileDetail } from '@atmis/domain';
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import type { RevealResult } from '../api/victims-api.ts';
import { languageName } from './person-cells.tsx';
import { ReasonRevealModal } from './reason-reveal-modal.tsx';
import { StatementModal } from './statement-modal.tsx';
import { useExpiringState } from './use-audited-reveal.ts';

type Statement = NonNullable<VictimFileDetail['statements']>[number];

/**
 * Statements and records: the list shows who, when, in which language; the contents are read
 * through the audited reveal (with a reason) and shown until hidden, at most five minutes.
 */
export function StatementsTab({ file }: { file: VictimFileDetail }) {
  const { t, i18n } = useTranslation();
  const [dialog, setDialog] = useState<'add' | 'show' | null>(null);
  const [revealed, setRevealed, hide] = useExpiringState<RevealResult>();
  const contents = new Map((revealed?.statements ?? []).map((statement) => [statement.id, statement.content]));
  const persons = new Map(file.persons.map((person) => [person.id, person.maskedName]));
  const none = t('victimFile.none');

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        {file.canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('add')} data-testid="statement-add">
            {t('victimFile.statements.add')}
          </Button>
        )}
        {file.canRevealIdentity &&
          (file.statements ?? []).length > 0 &&
          (revealed ? (
            <Button icon={<EyeInvisibleOutlined />} onClick={hide} data-testid="statement-hide">
              {t('victimFile.statements.hide')}
            </Button>
          ) : (
            <Button icon={<EyeOutlined />} onClick={() => setDialog('show')} data-testid="statement-show">
              {t('victimFile.statements.show')}
            </Button>
          ))}
      </Space>
      {revealed && (
        <Alert
          type="warning"
          showIcon
          title={t('victimFile.statements.shown')}
          description={t('victimFile.reveal.bannerHint')}
          data-testid="statement-banner"
        />
      )}
      <Table<Statement>
        // Remounted when the contents come or go, so that every row opens at once on a reveal.
        key={revealed ? 'shown' : 'masked'}
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={file.statements ?? []}
        data-testid="statements-table"
        locale={{ emptyText: t('victimFile.statements.empty') }}
        onRow={(statement) => ({ 'data-testid': `statement-row-${statement.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'date', title: t('victimFile.statements.takenOn'), width: 110, render: (_, row) => formatDate(row.takenOn) },
          {
            key: 'kind',
            title: t('victimFile.statements.kind'),
            width: 110,
            render: (_, row) => <Tag>{t(`victimFile.statements.kinds.${row.kind}`)}</Tag>,
          },
          {
            key: 'person',
            title: t('victimFile.statements.person'),
            width: 120,
            render: (_, row) => (row.personId ? (persons.get(row.personId) ?? none) : none),
          },
          { key: 'by', title: t('victimFile.statements.takenBy'), render: (_, row) => row.takenBy ?? none },
          {
            key: 'language',
            title: t('victimFile.statements.language'),
            width: 170,
            render: (_, row) => (
              <Space wrap size={4}>
                <span>{languageName(row.language, i18n.language)}</span>
                {row.interpreter && <Tag color="blue">{t('victimFile.statements.interpreter')}</Tag>}
              </Space>
            ),
          },
        ]}
        expandable={
          revealed
            ? {
                defaultExpandAllRows: true,
                expandedRowRender: (row) => (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid={`statement-content-${row.id}`}>
                    {contents.get(row.id) ?? t('victimFile.statements.contentMissing')}
                  </Typography.Paragraph>
                ),
              }
            : undefined
        }
      />
      {dialog === 'add' && <StatementModal file={file} onClose={() => setDialog(null)} />}
      {dialog === 'show' && (
        <ReasonRevealModal
          fileId={file.id}
          fields={['statements']}
          title={t('victimFile.statements.showTitle')}
          okText={t('victimFile.statements.showSubmit')}
          testIdPrefix="statement-reveal"
          onRevealed={setRevealed}
          onClose={() => setDialog(null)}
        />
      )}
    </Space>
  );
}
