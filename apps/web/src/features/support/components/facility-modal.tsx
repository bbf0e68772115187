import { App, Col, Form, Input, Row, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth/use-me.ts';
import { AgencySelect } from '../../../components/agency-select.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { FormModal } from '../../../components/form-modal.tsx';
import { OrgUnitSelect } from '../../../components/org-unit-select.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { NumberField } from '../../../components/number-field.tsx';
import { type FacilityView, useCreateFacility, useUpdateFacility } from '../../victims/index.ts';

interface FacilityFormValues {
  name: string;
  orgUnitId?: string;
  agencyId?: string | null;
  capacity: number;
  isActive?: boolean;
}

const FIELDS = ['name', 'orgUnitId', 'agencyId', 'capacity', 'isActive'] as const;

/**
 * Adds a support facility (cơ sở trợ giúp: shelter, social-work centre) or edits one: name,
 * capacity and whether it still takes people. Its unit and agency are fixed once created.
 */
export function FacilityModal({ facility, onClose }: { facility?: FacilityView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const [form] = Form.useForm<FacilityFormValues>();
  const create = useCreateFacility();
  const update = useUpdateFacility();
  const [failure, setFailure] = useState<unknown>(null);
  const orgUnitId = Form.useWatch('orgUnitId', form);
  const isEditing = Boolean(facility);

  async function submit(values: FacilityFormValues) {
    setFailure(null);
    try {
      if (facility) {
        await update.mutateAsync({
          facilityId: facility.id,
          name: values.name,
          capacity: values.capacity,
          isActive: values.isActive ?? true,
        });
      } else {
        await create.mutateAsync({
          name: values.name,
          orgUnitId: values.orgUnitId,
          agencyId: values.agencyId ?? null,
          capacity: values.capacity,
        });
      }
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      if (!applyServerErrors(form, error, FIELDS)) setFailure(error);
    }
  }

  return (
    <FormModal
      title={isEditing ? t('victims.facilities.editTitle') : t('victims.facilities.addTitle')}
      form={form}
      onClose={onClose}
      isSaving={create.isPending || update.isPending}
      submitTestId="facility-submit"
      width={640}
    >
      <ErrorAlert error={failure} testId="facility-error" />
      <Form<FacilityFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="facility-form"
        initialValues={
          facility
            ? { name: facility.name, capacity: facility.capacity, isActive: facility.isActive }
            : { orgUnitId: me.user.orgUnitId, agencyId: me.user.agencyId, capacity: 0 }
        }
        onValuesChange={(changed: Partial<FacilityFormValues>) => {
          // The agency belongs to the unit: a new unit starts it over.
          if (changed.orgUnitId !== undefined) form.setFieldValue('agencyId', null);
        }}
      >
        <Form.Item
          name="name"
          label={t('victims.facilities.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('victims.facilities.name').toLowerCase() }) },
          ]}
        >
          <Input maxLength={300} data-testid="facility-name" />
        </Form.Item>
        {!isEditing && (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="orgUnitId" label={t('victims.facilities.unit')}>
                <OrgUnitSelect knownOptions={[{ value: me.user.orgUnitId, label: me.user.orgUnitName }]} testId="facility-unit" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="agencyId" label={t('victims.facilities.agency')}>
                <AgencySelect
                  orgUnitId={orgUnitId}
                  knownOptions={me.user.agencyId && me.user.agencyName ? [{ value: me.user.agencyId, label: me.user.agencyName }] : []}
                  testId="facility-agency"
                />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="capacity"
              label={t('victims.facilities.capacity')}
              rules={[{ required: true, message: t('common.required', { field: t('victims.facilities.capacity').toLowerCase() }) }]}
            >
              <NumberField min={0} max={100_000} testId="facility-capacity" />
            </Form.Item>
          </Col>
          {isEditing && (
            <Col xs={24} md={12}>
              <Form.Item name="isActive" label={t('victims.facilities.active')} valuePropName="checked">
                <Switch data-testid="facility-active" />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </FormModal>
  );
}
