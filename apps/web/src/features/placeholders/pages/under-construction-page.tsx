import type { Permission } from '@atmis/domain';
import { Card, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { PermissionGate } from '../../../app/auth/permission-gate.tsx';
import { PageHeader } from '../../../components/page-header.tsx';

export type PlannedModule = 'plans' | 'reports' | 'indicators' | 'tipoffs' | 'cases' | 'victims' | 'support' | 'prevention';

const READ_PERMISSION: Record<PlannedModule, Permission> = {
  plans: 'read:plans',
  reports: 'read:reports',
  indicators: 'read:indicators',
  tipoffs: 'read:tipoffs',
  cases: 'read:cases',
  victims: 'read:victims',
  support: 'read:support',
  prevention: 'read:prevention',
};

/** A module of the domain that is not built yet: said plainly, with one line on what it will do. */
export function UnderConstructionPage({ module }: { module: PlannedModule }) {
  const { t } = useTranslation();
  return (
    <PermissionGate permission={READ_PERMISSION[module]}>
      <PageHeader title={t(`nav.${module}`)} />
      <Card>
        <Result
          status="info"
          title={t('underConstruction.title')}
          subTitle={t(`underConstruction.${module}`)}
          data-testid="under-construction"
        />
      </Card>
    </PermissionGate>
  );
}
