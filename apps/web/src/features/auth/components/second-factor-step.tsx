import type { Me } from '@atmis/domain';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageOf } from '../../../lib/api.ts';
import { verifySecondFactor } from '../api/auth-api.ts';

/** The 6-digit code step after a password sign-in when the account has 2FA on. */
export function SecondFactorStep({ onVerified, onBack }: { onVerified: (me: Me) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);

  async function submit({ code }: { code: string }) {
    setError(null);
    setSubmitting(true);
    try {
      onVerified(await verifySecondFactor(code));
    } catch (cause) {
      setError(errorMessageOf(cause, t('common.error')));
      form.setFieldValue('code', '');
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="second-factor-form">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('auth.secondFactorTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('auth.secondFactorHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="second-factor-error" role="alert" />}
      <Form.Item name="code" label={t('auth.code')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.codeInvalid') }]}>
        <Input
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          autoFocus
          size="large"
          data-testid="second-factor-code"
          style={{ letterSpacing: 8, fontSize: 20, textAlign: 'center' }}
        />
      </Form.Item>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button type="primary" htmlType="submit" block size="large" loading={isSubmitting} data-testid="second-factor-submit">
          {t('auth.verify')}
        </Button>
        <Button type="link" block onClick={onBack}>
          {t('auth.backToLogin')}
        </Button>
      </Space>
    </Form>
  );
}
