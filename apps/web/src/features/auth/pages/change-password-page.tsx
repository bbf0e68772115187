import { useNavigate } from '@tanstack/react-router';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth/use-me.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { isApiError } from '../../../lib/api.ts';
import { passwordPolicyRule } from '../../../lib/password-rule.ts';
import { useChangePassword, type ChangePasswordBody } from '../api/auth-api.ts';

type FormValues = ChangePasswordBody & { confirmPassword: string };

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const mutation = useChangePassword();

  async function submit(values: FormValues) {
    try {
      await mutation.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      message.success(t('auth.passwordChanged'));
      form.resetFields();
      await navigate({ to: '/' });
    } catch (error) {
      if (isApiError(error) && error.code === 'auth.password_wrong') form.setFields([{ name: 'currentPassword', errors: [error.title] }]);
      else if (isApiError(error) && error.code === 'auth.password_weak') form.setFields([{ name: 'newPassword', errors: [error.title] }]);
      else applyServerErrors(form, error, ['currentPassword', 'newPassword']);
    }
  }

  const isFieldError = isApiError(mutation.error) && ['auth.password_wrong', 'auth.password_weak'].includes(mutation.error.code);

  return (
    <>
      <PageHeader title={t('auth.changePassword')} />
      <Card style={{ maxWidth: 520 }}>
        {me.user.mustChangePassword && (
          <Alert
            type="warning"
            showIcon
            title={t('auth.mustChangePassword')}
            style={{ marginBottom: 16 }}
            data-testid="must-change-password"
          />
        )}
        {!isFieldError && <ErrorAlert error={mutation.error} />}
        <Form<FormValues> form={form} layout="vertical" onFinish={submit} data-testid="change-password-form">
          <Form.Item
            name="currentPassword"
            label={t('auth.currentPassword')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" data-testid="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('auth.newPassword')}
            rules={[{ required: true, message: t('auth.passwordRequired') }, passwordPolicyRule(() => me.user.username)]}
            hasFeedback
          >
            <Input.Password autoComplete="new-password" data-testid="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('auth.confirmPassword')}
            dependencies={['newPassword']}
            hasFeedback
            rules={[
              { required: true, message: t('auth.passwordRequired') },
              ({ getFieldValue }) => ({
                validator: async (_rule, value) => {
                  if (value && value !== getFieldValue('newPassword')) throw new Error(t('auth.passwordMismatch'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="confirm-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="change-password-submit">
            {t('auth.changePassword')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
