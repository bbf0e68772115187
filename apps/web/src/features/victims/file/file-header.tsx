import { ArrowLeftOutlined, LockOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { CONFIDENTIALITY_FLAG_LABELS, FILE_CLOSURE_REASON_LABELS, type VictimFileDetail } from '@atmis/domain';
import { Link } from '@tanstack/react-router';
import { Alert, Button, Card, Descriptions, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header.tsx';
import { formatDate } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import { ConfidentialityModal } from './confidentiality-modal.tsx';
import { FileCloseModal } from './file-close-modal.tsx';
import { FileReopenModal } from './file-reopen-modal.tsx';

type Dialog = 'confidentiality' | 'close' | 'reopen' | null;

function FileStatusTag({ file }: { file: VictimFileDetail }) {
  const { t } = useTranslation();
  if (file.status === 'open')
    return (
      <Tag color="green" data-testid="victim-file-status">
        {t('victimFile.header.open')}
      </Tag>
    );
  return (
    <Tag color="default" data-testid="victim-file-status">
      {file.closure
        ? t('victimFile.header.closedOn', {
            date: formatDate(file.closure.closedOn),
            reason: pickLabel(FILE_CLOSURE_REASON_LABELS[file.closure.reason]),
          })
        : t('victimFile.header.closed')}
      {file.closure?.note ? ` (${file.closure.note})` : ''}
    </Tag>
  );
}

/**
 * The file's header: reference, unit, agency, reception date, status, how the reader reaches it,
 * the confidentiality instructions every reader must see, overdue deadlines, and the file actions
 * the server allows (`canManage`).
 */
export function FileHeader({ file }: { file: VictimFileDetail }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const overdue = file.deadlines.filter((deadline) => deadline.status === 'overdue');
  const close = () => setDialog(null);

  return (
    <>
      <PageHeader
        title={t('victimFile.title', { reference: file.reference })}
        testId="victim-file-reference"
        extra={
          <Space wrap>
            <Link to="/victims">
              <Button icon={<ArrowLeftOutlined />} data-testid="victim-file-back">
                {t('victimFile.backToList')}
              </Button>
            </Link>
            {file.canManage && (
              <Button icon={<LockOutlined />} onClick={() => setDialog('confidentiality')} data-testid="confidentiality-edit">
                {t('victimFile.confidentiality.edit')}
              </Button>
            )}
            {file.canManage && file.status === 'open' && (
              <Button danger icon={<StopOutlined />} onClick={() => setDialog('close')} data-testid="file-close">
                {t('victimFile.close.button')}
              </Button>
            )}
            {file.canManage && file.status === 'closed' && (
              <Button icon={<UndoOutlined />} onClick={() => setDialog('reopen')} data-testid="file-reopen">
                {t('victimFile.reopen.button')}
              </Button>
            )}
          </Space>
        }
      />
      {file.confidentialityFlags.length > 0 && (
        <Alert
          type="error"
          showIcon
          icon={<LockOutlined />}
          style={{ marginBottom: 12 }}
          data-testid="victim-file-flags"
          title={t('victimFile.header.flags')}
          description={
            <Space wrap size={[4, 4]}>
              {file.confidentialityFlags.map((flag) => (
                <Tag key={flag} color="red" data-testid={`victim-flag-${flag}`}>
                  {pickLabel(CONFIDENTIALITY_FLAG_LABELS[flag])}
                </Tag>
              ))}
            </Space>
          }
        />
      )}
      {overdue.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="victim-file-overdue"
          title={t('victimFile.header.overdue')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {overdue.map((deadline) => (
                <li key={deadline.code}>
                  {t('victimFile.header.overdueItem', { label: deadline.label, date: formatDate(deadline.dueOn) })}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Card size="small" style={{ marginBottom: 16 }} data-testid="victim-file-summary">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          items={[
            { key: 'unit', label: t('victimFile.header.unit'), children: file.orgUnitName },
            { key: 'agency', label: t('victimFile.header.agency'), children: file.agencyName ?? t('victimFile.none') },
            ...(file.reception
              ? [{ key: 'received', label: t('victimFile.header.receivedOn'), children: formatDate(file.reception.receivedOn) }]
              : []),
            {
              key: 'status',
              label: t('victimFile.header.status'),
              children: (
                <Space wrap size={4}>
                  <FileStatusTag file={file} />
                  {file.access === 'referral' && (
                    <Tooltip title={t('victimFile.header.viaReferralHint')}>
                      <Tag color="blue" data-testid="victim-file-via-referral">
                        {t('victimFile.header.viaReferral')}
                      </Tag>
                    </Tooltip>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {dialog === 'confidentiality' && <ConfidentialityModal file={file} onClose={close} />}
      {dialog === 'close' && <FileCloseModal file={file} onClose={close} />}
      {dialog === 'reopen' && <FileReopenModal file={file} onClose={close} />}
    </>
  );
}
