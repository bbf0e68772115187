import { useNavigate, useSearch } from '@tanstack/react-router';
import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PermissionGate } from '../../../app/auth/permission-gate.tsx';
import type { SupportHubTab } from '../../../app/router.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { DEFAULT_VICTIM_LIST_FILTER, VictimFileTable, type VictimListFilter, VictimListToolbar } from '../../victims/index.ts';
import { FacilitiesTab } from '../components/facilities-tab.tsx';
import { RatesTab } from '../components/rates-tab.tsx';
import { ReferralInbox } from '../components/referral-inbox.tsx';

const TABS: readonly SupportHubTab[] = ['referrals', 'files', 'facilities', 'rates'];

/** The files a support officer reaches (by scope, or through a referral to their agency). */
function SupportFiles() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<VictimListFilter>(DEFAULT_VICTIM_LIST_FILTER);
  return (
    <>
      <VictimListToolbar filter={filter} onChange={setFilter} />
      <VictimFileTable
        filter={filter}
        onSortChange={(sort) => setFilter((current) => ({ ...current, sort }))}
        emptyText={t('victims.support.filesEmpty')}
      />
    </>
  );
}

/**
 * "Hỗ trợ nạn nhân": the referral inbox, the files in care, support facilities and support rates,
 * one tab each (`?tab=`), so a link can open any of them.
 */
function SupportHub() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = useSearch({ from: '/app/support' });
  const tab: SupportHubTab = (search as { tab?: SupportHubTab }).tab ?? 'referrals';

  return (
    <>
      <PageHeader title={t('victims.support.title')} testId="support-hub-title" />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(next) => void navigate({ to: '/support', search: { tab: next as SupportHubTab } })}
          destroyOnHidden
          items={TABS.map((key) => ({
            key,
            label: <span data-testid={`support-tab-${key}`}>{t(`victims.support.tabs.${key}`)}</span>,
            children:
              key === 'referrals' ? (
                <ReferralInbox />
              ) : key === 'files' ? (
                <SupportFiles />
              ) : key === 'facilities' ? (
                <FacilitiesTab />
              ) : (
                <RatesTab />
              ),
          }))}
        />
      </Card>
    </>
  );
}

export function SupportHubPage() {
  return (
    <PermissionGate permission="read:support">
      <SupportHub />
    </PermissionGate>
  );
}
