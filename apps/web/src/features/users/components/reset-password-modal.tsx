import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { passwordPolicyRule } from '../../../lib/password-rule.ts';
import { useResetPassword, type UserDetail } from '../api/users-api.ts';

export function ResetPasswordModal({ user, open, onClose }: { user: UserDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const mutation = useResetPassword(user.id);

  async function submit({ newPassword }: { newPassword: string }) {
    try {
      await mutation.mutateAsync(newPassword);
      message.success(t('users.resetPasswordDone'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error, ['newPassword']);
    }
  }

  return (
    <Modal
      title={`${t('users.resetPassword')}: ${user.username}`}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('users.resetPassword')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      okButtonProps={{ danger: true, 'data-testid': 'user-reset-password-submit' }}
    >
      <ErrorAlert error={mutation.error} />
      <Typography.Paragraph type="secondary">{t('users.resetPasswordHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          rules={[{ required: true, message: t('auth.passwordRequired') }, passwordPolicyRule(() => user.username)]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-reset-password-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
