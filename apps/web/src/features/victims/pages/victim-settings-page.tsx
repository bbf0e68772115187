import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { PermissionGate } from '../../../app/auth/permission-gate.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useDeadlineSettings } from '../api/victims-api.ts';
import { DeadlineRulesCard } from '../components/deadline-rules-card.tsx';
import { HolidaysCard } from '../components/holidays-card.tsx';

/**
 * "Thiết lập thời hạn": the legal deadlines of victim work and the extra non-working days they skip.
 * Everyone who works with victim files may read them; national managers change them (`canManage`).
 */
function VictimSettings() {
  const { t } = useTranslation();
  const settings = useDeadlineSettings();
  return (
    <>
      <PageHeader
        title={t('victims.settings.title')}
        testId="victim-settings-title"
        extra={
          <Link to="/victims">
            <Button icon={<ArrowLeftOutlined />} data-testid="settings-back">
              {t('victims.reception.backToList')}
            </Button>
          </Link>
        }
      />
      <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} testId="settings-error" />
      {settings.data && !settings.data.canManage && (
        <Alert type="info" showIcon title={t('victims.settings.readOnly')} style={{ marginBottom: 16 }} data-testid="settings-read-only" />
      )}
      <DeadlineRulesCard settings={settings.data} isLoading={settings.isLoading} />
      <HolidaysCard settings={settings.data} isLoading={settings.isLoading} />
    </>
  );
}

export function VictimSettingsPage() {
  return (
    <PermissionGate permission={['read:victims', 'read:support']}>
      <VictimSettings />
    </PermissionGate>
  );
}
