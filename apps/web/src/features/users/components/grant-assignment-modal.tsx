import { SCOPE_LABELS, SCOPES, type Scope } from '@atmis/domain';
import { Alert, App, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { AgencySelect } from '../../../components/agency-select.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { OrgUnitSelect } from '../../../components/org-unit-select.tsx';
import { isApiError } from '../../../lib/api.ts';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import { useGrantableRoles, useGrantAssignment, type UserDetail } from '../api/users-api.ts';

interface FormValues {
  roleId: string;
  orgUnitId: string;
  agencyId?: string | null;
  scope: Scope;
}

export function GrantAssignmentModal({ user, open, onClose }: { user: UserDetail; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const orgUnitId = Form.useWatch('orgUnitId', form);
  const roles = useGrantableRoles(open);
  const mutation = useGrantAssignment(user.id);

  async function submit(values: FormValues) {
    try {
      await mutation.mutateAsync({
        roleId: values.roleId,
        orgUnitId: values.orgUnitId,
        agencyId: values.agencyId ?? null,
        scope: values.scope,
      });
      message.success(t('users.granted'));
      form.resetFields();
      onClose();
    } catch (error) {
      applyServerErrors(form, error, ['roleId', 'orgUnitId', 'agencyId', 'scope']);
    }
  }

  const isEscalation = isApiError(mutation.error) && mutation.error.code === 'access.escalation';
  return (
    <Modal
      title={t('users.grantTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('users.grant')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'assignment-grant-submit' }}
    >
      {isEscalation && isApiError(mutation.error) ? (
        <Alert
          type="error"
          showIcon
          title={mutation.error.title}
          description={mutation.error.detail}
          data-testid="assignment-escalation-error"
          style={{ marginBottom: 12 }}
        />
      ) : (
        <ErrorAlert error={mutation.error} />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ orgUnitId: user.orgUnitId, agencyId: user.agencyId, scope: 'subtree' }}
        data-testid="assignment-grant-form"
      >
        <Form.Item
          name="roleId"
          label={t('users.role')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('users.role').toLowerCase() }) }]}
        >
          <Select
            data-testid="assignment-role"
            loading={roles.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={(roles.data ?? []).map((role) => ({ value: role.id, label: i18n.language === 'en' ? role.nameEn : role.name }))}
          />
        </Form.Item>
        <Form.Item
          name="orgUnitId"
          label={t('users.orgUnit')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('users.orgUnit').toLowerCase() }) }]}
        >
          <OrgUnitSelect
            testId="assignment-org-unit"
            knownOptions={[{ value: user.orgUnitId, label: user.orgUnitName }]}
            onChange={(value) => form.setFieldsValue({ orgUnitId: value ?? '', agencyId: null })}
          />
        </Form.Item>
        <Form.Item name="agencyId" label={t('users.agency')}>
          <AgencySelect
            testId="assignment-agency"
            orgUnitId={orgUnitId || undefined}
            knownOptions={user.agencyId && user.agencyName ? [{ value: user.agencyId, label: user.agencyName }] : []}
          />
        </Form.Item>
        <Form.Item
          name="scope"
          label={t('users.scope')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('users.scope').toLowerCase() }) }]}
        >
          <Select
            data-testid="assignment-scope"
            options={SCOPES.map((scope) => ({ value: scope, label: pickLabel(SCOPE_LABELS[scope], scope) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
