import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { useUpdateUser, type UserDetail } from '../api/users-api.ts';

interface FormValues {
  fullName: string;
  email?: string | null;
  phone?: string | null;
}

export function UserEditModal({ user, open, onClose }: { user: UserDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const mutation = useUpdateUser(user.id);

  async function submit(values: FormValues) {
    try {
      await mutation.mutateAsync({
        fullName: values.fullName,
        email: values.email?.trim() ? values.email.trim() : null,
        phone: values.phone?.trim() ? values.phone.trim() : null,
      });
      message.success(t('users.updated'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error, ['fullName', 'email', 'phone']);
    }
  }

  return (
    <Modal
      title={t('users.edit')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'user-edit-submit' }}
    >
      <ErrorAlert error={mutation.error} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ fullName: user.fullName, email: user.email, phone: user.phone }}
        data-testid="user-edit-form"
      >
        <Form.Item
          name="fullName"
          label={t('users.fullName')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('users.fullName').toLowerCase() }) },
            { max: 200 },
          ]}
        >
          <Input data-testid="user-edit-full-name" />
        </Form.Item>
        <Form.Item name="email" label={t('users.email')} rules={[{ type: 'email', message: t('common.invalidEmail') }, { max: 200 }]}>
          <Input type="email" data-testid="user-edit-email" />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')} rules={[{ max: 30 }]}>
          <Input type="tel" data-testid="user-edit-phone" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
