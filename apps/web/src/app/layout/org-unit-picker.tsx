import { EnvironmentOutlined } from '@ant-design/icons';
import { Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWorkingUnit } from '../auth/working-unit.tsx';

export function OrgUnitPicker({ isCompact = false }: { isCompact?: boolean }) {
  const { t } = useTranslation();
  const { workingUnit, options, setWorkingUnitId } = useWorkingUnit();
  return (
    <Space size={6} align="center" style={{ whiteSpace: 'nowrap', lineHeight: 'normal' }}>
      <EnvironmentOutlined aria-hidden />
      {!isCompact && <Typography.Text type="secondary">{t('header.workingAt')}:</Typography.Text>}
      <Select
        data-testid="org-unit-picker"
        aria-label={t('header.workingAt')}
        value={workingUnit?.orgUnitId}
        placeholder={t('header.selectUnit')}
        onChange={setWorkingUnitId}
        options={options.map((option) => ({ value: option.orgUnitId, label: option.orgUnitName }))}
        style={{ minWidth: isCompact ? 140 : 200, maxWidth: 320 }}
        popupMatchSelectWidth={false}
        variant="borderless"
      />
    </Space>
  );
}
