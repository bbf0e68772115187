import type { VictimFileDetail } from '@atmis/domain';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { Button, Card, Grid, Result, Skeleton, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PermissionGate } from '../../../app/auth/permission-gate.tsx';
import type { VictimFileTab } from '../../../app/router.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useVictimFile } from '../api/victims-api.ts';
import { ConsentsTab } from '../file/consents-tab.tsx';
import { DocumentsTab } from '../file/documents-tab.tsx';
import { ExploitationTab } from '../file/exploitation-tab.tsx';
import { FileHeader } from '../file/file-header.tsx';
import { FollowUpTab } from '../file/follow-up-tab.tsx';
import { HistoryTab } from '../file/history-tab.tsx';
import { IdentificationTab } from '../file/identification-tab.tsx';
import { OverviewTab } from '../file/overview-tab.tsx';
import { ProtectionTab } from '../file/protection-tab.tsx';
import { ReferralsTab } from '../file/referrals-tab.tsx';
import { StatementsTab } from '../file/statements-tab.tsx';
import { SupportTab } from '../file/support-tab.tsx';

interface TabDefinition {
  key: VictimFileTab;
  label: string;
  /** Whether the reader has something there: the server sends null for sections they may not see. */
  isShown: (file: VictimFileDetail) => boolean;
  render: (file: VictimFileDetail) => ReactNode;
}

const TABS: TabDefinition[] = [
  { key: 'overview', label: 'overview', isShown: () => true, render: (file) => <OverviewTab file={file} /> },
  {
    key: 'identification',
    label: 'identification',
    isShown: (file) => file.sections.includes('identification'),
    render: (file) => <IdentificationTab file={file} />,
  },
  {
    key: 'exploitation',
    label: 'exploitation',
    isShown: (file) => file.exploitation !== null,
    render: (file) => <ExploitationTab file={file} />,
  },
  {
    key: 'protection',
    label: 'protection',
    isShown: (file) => file.protection !== null || file.protectionDetails !== null,
    render: (file) => <ProtectionTab file={file} />,
  },
  { key: 'consents', label: 'consents', isShown: (file) => file.consents !== null, render: (file) => <ConsentsTab file={file} /> },
  { key: 'referrals', label: 'referrals', isShown: () => true, render: (file) => <ReferralsTab file={file} /> },
  {
    key: 'support',
    label: 'support',
    isShown: (file) => file.supportServices !== null || file.stays !== null,
    render: (file) => <SupportTab file={file} />,
  },
  {
    key: 'follow-up',
    label: 'followUp',
    isShown: (file) => file.followUps !== null || file.repatriations !== null,
    render: (file) => <FollowUpTab file={file} />,
  },
  { key: 'statements', label: 'statements', isShown: (file) => file.statements !== null, render: (file) => <StatementsTab file={file} /> },
  { key: 'documents', label: 'documents', isShown: (file) => file.attachments !== null, render: (file) => <DocumentsTab file={file} /> },
  { key: 'history', label: 'history', isShown: (file) => file.corrections !== null, render: (file) => <HistoryTab file={file} /> },
];

function VictimFileView({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = useSearch({ from: '/app/victims/$id' });
  const query = useVictimFile(id);
  const screens = Grid.useBreakpoint();

  if (query.isLoading)
    return (
      <Card data-testid="victim-file-loading">
        <Skeleton active />
      </Card>
    );
  // Out of scope and missing look the same (404): the page never says which.
  if (isApiError(query.error) && query.error.status === 404)
    return (
      <Result
        status="404"
        title="404"
        subTitle={t('victimFile.notFound')}
        data-testid="victim-file-not-found"
        extra={
          <Link to="/victims">
            <Button>{t('victimFile.backToList')}</Button>
          </Link>
        }
      />
    );
  if (!query.data) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const file = query.data;
  const tabs = TABS.filter((tab) => tab.isShown(file));
  const active = tabs.find((tab) => tab.key === search.tab)?.key ?? 'overview';

  return (
    <div data-testid="victim-file-page">
      {query.error && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      <FileHeader file={file} />
      <Card>
        <Tabs
          data-testid="victim-file-tabs"
          activeKey={active}
          // Eleven tabs do not fit in one row: on wide screens they stand in a column, all visible at once.
          tabPlacement={screens.xl ? 'start' : 'top'}
          // A hidden tab is unmounted: identifying values revealed there are dropped when the reader moves on.
          destroyOnHidden
          onChange={(key) =>
            void navigate({
              to: '/victims/$id',
              params: { id },
              search: key === 'overview' ? {} : { tab: key as VictimFileTab },
              replace: true,
            })
          }
          items={tabs.map((tab) => ({
            key: tab.key,
            label: <span data-testid={`victim-tab-${tab.key}`}>{t(`victimFile.tabs.${tab.label}` as 'victimFile.tabs.overview')}</span>,
            children: tab.render(file),
          }))}
        />
      </Card>
    </div>
  );
}

export function VictimFilePage() {
  const { id } = useParams({ from: '/app/victims/$id' });
  return (
    <PermissionGate permission={['read:victims', 'read:support']}>
      <VictimFileView id={id} />
    </PermissionGate>
  );
}
