import type { Permission, RoleView } from '@atmis/domain';
import { App, Checkbox, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { useSaveRole } from '../api/roles-api.ts';
import { PermissionChecklist } from './permission-checklist.tsx';

interface FormValues {
  code: string;
  name: string;
  nameEn: string;
  description?: string | null;
  permissions: Permission[];
  requiresTotp: boolean;
}

const FIELDS = ['code', 'name', 'nameEn', 'description', 'permissions', 'requiresTotp'];

/** Create (role = null) or edit a role. The code is fixed once created. */
export function RoleFormModal({ role, onClose }: { role: RoleView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const mutation = useSaveRole(role?.id ?? null);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field: field.toLowerCase() }) });

  async function submit(values: FormValues) {
    try {
      await mutation.mutateAsync({
        code: values.code,
        name: values.name,
        nameEn: values.nameEn,
        description: values.description?.trim() ? values.description : null,
        permissions: values.permissions ?? [],
        requiresTotp: Boolean(values.requiresTotp),
      });
      message.success(t('roles.saved'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error, FIELDS);
    }
  }

  return (
    <Modal
      open
      title={role ? `${t('roles.editTitle')}: ${role.name}` : t('roles.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'role-form-submit' }}
      width={880}
    >
      <ErrorAlert error={mutation.error} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="role-form"
        initialValues={
          role
            ? {
                code: role.code,
                name: role.name,
                nameEn: role.nameEn,
                description: role.description,
                permissions: role.permissions,
                requiresTotp: role.requiresTotp,
              }
            : { permissions: [], requiresTotp: false }
        }
      >
        <Form.Item
          name="code"
          label={t('roles.code')}
          rules={[required(t('roles.code')), { min: 2, max: 50, pattern: /^[a-z][a-z0-9_]*$/, message: t('roles.codePattern') }]}
        >
          <Input className="atmis-mono" disabled={Boolean(role)} data-testid="role-code" />
        </Form.Item>
        <Form.Item name="name" label={t('roles.name')} rules={[required(t('roles.name')), { max: 200 }]}>
          <Input data-testid="role-name" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('roles.nameEn')} rules={[required(t('roles.nameEn')), { max: 200 }]}>
          <Input data-testid="role-name-en" />
        </Form.Item>
        <Form.Item name="description" label={t('roles.description')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} data-testid="role-description" />
        </Form.Item>
        <Form.Item name="requiresTotp" valuePropName="checked">
          <Checkbox data-testid="role-requires-totp">{t('roles.requiresTotp')}</Checkbox>
        </Form.Item>
        <Form.Item name="permissions" label={t('roles.permissions')}>
          <PermissionChecklist />
        </Form.Item>
      </Form>
    </Modal>
  );
}
