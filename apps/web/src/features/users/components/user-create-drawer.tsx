import { useNavigate } from '@tanstack/react-router';
import { App, Button, Drawer, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { AgencySelect } from '../../../components/agency-select.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { OrgUnitSelect } from '../../../components/org-unit-select.tsx';
import { useWorkingUnit } from '../../../app/auth/working-unit.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { passwordPolicyRule } from '../../../lib/password-rule.ts';
import { useCreateUser, type CreateUserBody } from '../api/users-api.ts';

const FIELDS = ['username', 'fullName', 'email', 'phone', 'orgUnitId', 'agencyId', 'password'] as const;
const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

interface FormValues {
  username: string;
  fullName: string;
  email?: string;
  phone?: string;
  orgUnitId: string;
  agencyId?: string | null;
  password: string;
}

export function UserCreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { workingUnit, options } = useWorkingUnit();
  const [form] = Form.useForm<FormValues>();
  const orgUnitId = Form.useWatch('orgUnitId', form);
  const mutation = useCreateUser();

  async function submit(values: FormValues) {
    const body: CreateUserBody = {
      username: values.username.trim(),
      fullName: values.fullName,
      email: values.email?.trim() ? values.email.trim() : null,
      phone: values.phone?.trim() ? values.phone.trim() : null,
      orgUnitId: values.orgUnitId,
      agencyId: values.agencyId ?? null,
      password: values.password,
    };
    try {
      const user = await mutation.mutateAsync(body);
      message.success(t('users.created', { username: user.username }));
      form.resetFields();
      onClose();
      await navigate({ to: '/admin/users/$id', params: { id: user.id } });
    } catch (error) {
      applyServerErrors(form, error, FIELDS);
    }
  }

  return (
    <Drawer
      title={t('users.createTitle')}
      open={open}
      onClose={onClose}
      size={520}
      destroyOnHidden
      data-testid="user-create-drawer"
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()} data-testid="user-create-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={mutation.error} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ orgUnitId: workingUnit?.orgUnitId }}
        data-testid="user-create-form"
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[
            { required: true, message: t('common.required', { field: t('users.username').toLowerCase() }) },
            { min: 3, max: 50, pattern: USERNAME_PATTERN, message: t('users.usernamePattern') },
          ]}
        >
          <Input autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item
          name="fullName"
          label={t('users.fullName')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('users.fullName').toLowerCase() }) },
            { max: 200 },
          ]}
        >
          <Input data-testid="user-full-name" />
        </Form.Item>
        <Form.Item name="email" label={t('users.email')} rules={[{ type: 'email', message: t('common.invalidEmail') }, { max: 200 }]}>
          <Input type="email" data-testid="user-email" />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')} rules={[{ max: 30 }]}>
          <Input type="tel" data-testid="user-phone" />
        </Form.Item>
        <Form.Item
          name="orgUnitId"
          label={t('users.orgUnit')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('users.orgUnit').toLowerCase() }) }]}
        >
          <OrgUnitSelect
            testId="user-org-unit"
            knownOptions={options.map((option) => ({ value: option.orgUnitId, label: option.orgUnitName }))}
            onChange={(value) => {
              form.setFieldsValue({ orgUnitId: value ?? '', agencyId: null });
            }}
          />
        </Form.Item>
        <Form.Item name="agencyId" label={t('users.agency')}>
          <AgencySelect testId="user-agency" orgUnitId={orgUnitId || undefined} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.password')}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            passwordPolicyRule(() => form.getFieldValue('username') as string | undefined),
          ]}
          dependencies={['username']}
        >
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
