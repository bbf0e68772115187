import { BarChartOutlined, FileExcelOutlined, PlusOutlined, SafetyCertificateOutlined, SettingOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { App, Button, Card, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PermissionGate } from '../../../app/auth/permission-gate.tsx';
import { useCan } from '../../../app/auth/use-me.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { errorMessageOf } from '../../../lib/api.ts';
import { downloadFile } from '../../../lib/download.ts';
import { victimExportUrl, type VictimListFilter } from '../api/victims-api.ts';
import { IdentifiedExportModal } from '../components/identified-export-modal.tsx';
import { VictimFileTable } from '../components/victim-file-table.tsx';
import { DEFAULT_VICTIM_LIST_FILTER, VictimListToolbar } from '../components/victim-list-toolbar.tsx';

/**
 * "Hồ sơ nạn nhân": the files the reader may see, masked, with search and filters; reception of a
 * new person, statistics, deadline settings, and exports (de-identified for everyone who reads the
 * list; with identity only for holders of export:victim_identity, with a reason, audited).
 */
function VictimList() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const canManage = useCan('manage:victims');
  const canReadVictims = useCan('read:victims');
  const canExportIdentity = useCan('export:victim_identity');
  const [filter, setFilter] = useState<VictimListFilter>(DEFAULT_VICTIM_LIST_FILTER);
  const [isExporting, setExporting] = useState(false);
  const [isIdentifiedOpen, setIdentifiedOpen] = useState(false);

  async function exportDeidentified() {
    setExporting(true);
    try {
      await downloadFile(victimExportUrl(filter), t('victims.export.fileName'), i18n.language);
    } catch (error) {
      void message.error(errorMessageOf(error, t('common.error')));
    } finally {
      setExporting(false);
    }
  }

  return (
    <>
      <PageHeader
        title={t('victims.title')}
        testId="victim-list-title"
        extra={
          <Space wrap>
            {canManage && (
              <Link to="/victims/new">
                <Button type="primary" icon={<PlusOutlined />} data-testid="victim-new-button">
                  {t('victims.list.new')}
                </Button>
              </Link>
            )}
            {canReadVictims && (
              <Link to="/victims/statistics">
                <Button icon={<BarChartOutlined />} data-testid="victim-statistics-link">
                  {t('victims.statistics.title')}
                </Button>
              </Link>
            )}
            <Link to="/victims/settings">
              <Button icon={<SettingOutlined />} data-testid="victim-settings-link">
                {t('victims.settings.title')}
              </Button>
            </Link>
            <Tooltip title={t('victims.export.deidentifiedHelp')}>
              <Button
                icon={<FileExcelOutlined />}
                loading={isExporting}
                onClick={() => void exportDeidentified()}
                data-testid="victim-export"
              >
                {t('victims.export.deidentified')}
              </Button>
            </Tooltip>
            {canExportIdentity && (
              <Button
                danger
                icon={<SafetyCertificateOutlined />}
                onClick={() => setIdentifiedOpen(true)}
                data-testid="victim-export-identified"
              >
                {t('victims.export.identified')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <VictimListToolbar filter={filter} onChange={setFilter} />
        <VictimFileTable filter={filter} onSortChange={(sort) => setFilter((current) => ({ ...current, sort }))} />
      </Card>
      {isIdentifiedOpen && <IdentifiedExportModal filter={filter} onClose={() => setIdentifiedOpen(false)} />}
    </>
  );
}

export function VictimListPage() {
  return (
    <PermissionGate permission={['read:victims', 'read:support']}>
      <VictimList />
    </PermissionGate>
  );
}
