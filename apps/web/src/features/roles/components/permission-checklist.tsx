import { PERMISSION_LABELS, PERMISSIONS, type Permission } from '@atmis/domain';
import { Card, Checkbox, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickLabel } from '../../../lib/i18n/index.ts';

/** Permissions grouped by the entity they act on (`action:entity`), in catalogue order. */
const GROUPS: { entity: string; permissions: Permission[] }[] = [];
for (const permission of PERMISSIONS) {
  const entity = permission.split(':')[1] ?? permission;
  const group = GROUPS.find((candidate) => candidate.entity === entity);
  if (group) group.permissions.push(permission);
  else GROUPS.push({ entity, permissions: [permission] });
}

export function PermissionChecklist({
  value = [],
  onChange,
  disabled = false,
}: {
  value?: Permission[];
  onChange?: (value: Permission[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const selected = new Set(value);
  const setGroup = (permissions: Permission[], isOn: boolean) => {
    const next = new Set(selected);
    for (const permission of permissions) {
      if (isOn) next.add(permission);
      else next.delete(permission);
    }
    onChange?.(PERMISSIONS.filter((permission) => next.has(permission)));
  };

  return (
    <Row gutter={[12, 12]} data-testid="permission-checklist">
      {GROUPS.map((group) => {
        const count = group.permissions.filter((permission) => selected.has(permission)).length;
        return (
          <Col key={group.entity} xs={24} md={12}>
            <Card
              size="small"
              title={
                <Checkbox
                  checked={count === group.permissions.length}
                  indeterminate={count > 0 && count < group.permissions.length}
                  disabled={disabled}
                  onChange={(event) => setGroup(group.permissions, event.target.checked)}
                  data-testid={`permission-group-${group.entity}`}
                >
                  {t(`entities.${group.entity}`, { defaultValue: group.entity })}
                </Checkbox>
              }
            >
              {group.permissions.map((permission) => (
                <div key={permission}>
                  <Checkbox
                    checked={selected.has(permission)}
                    disabled={disabled}
                    onChange={(event) => setGroup([permission], event.target.checked)}
                    data-testid={`permission-${permission.replace(':', '-')}`}
                  >
                    {pickLabel(PERMISSION_LABELS[permission], permission)}
                  </Checkbox>
                </div>
              ))}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
