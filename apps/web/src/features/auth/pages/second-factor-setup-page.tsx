import { useNavigate } from '@tanstack/react-router';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth/use-me.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useBeginSecondFactorSetup, useEnableSecondFactor } from '../api/auth-api.ts';

export function SecondFactorSetupPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const setup = useBeginSecondFactorSetup();
  const enable = useEnableSecondFactor();
  const [form] = Form.useForm<{ code: string }>();

  async function submit({ code }: { code: string }) {
    try {
      await enable.mutateAsync(code);
      message.success(t('auth.secondFactorEnabled'));
      await navigate({ to: '/' });
    } catch {
      form.setFieldValue('code', '');
    }
  }

  return (
    <>
      <PageHeader title={t('auth.secondFactorSetup')} />
      <Card style={{ maxWidth: 640 }}>
        {me.secondFactorRequired && (
          <Alert
            type="warning"
            showIcon
            title={t('auth.secondFactorRequired')}
            style={{ marginBottom: 16 }}
            data-testid="second-factor-required"
          />
        )}
        {me.user.totpEnabled ? (
          <Alert type="success" showIcon title={t('auth.secondFactorAlreadyEnabled')} data-testid="second-factor-enabled" />
        ) : !setup.data ? (
          <>
            <ErrorAlert error={setup.error} />
            <Button type="primary" onClick={() => setup.mutate()} loading={setup.isPending} data-testid="second-factor-start">
              {t('auth.secondFactorStart')}
            </Button>
          </>
        ) : (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Typography.Paragraph>{t('auth.secondFactorStep1')}</Typography.Paragraph>
            <div>
              <Typography.Text type="secondary">{t('auth.secret')}</Typography.Text>
              <Typography.Paragraph copyable className="atmis-mono" style={{ fontSize: 18 }} data-testid="second-factor-secret">
                {setup.data.secret}
              </Typography.Paragraph>
              <Typography.Text type="secondary">{t('auth.otpauthUrl')}</Typography.Text>
              <Typography.Paragraph copyable className="atmis-mono" data-testid="second-factor-url">
                {setup.data.otpauthUrl}
              </Typography.Paragraph>
            </div>
            <Typography.Paragraph>{t('auth.secondFactorStep2')}</Typography.Paragraph>
            <ErrorAlert error={enable.error} />
            <Form form={form} layout="inline" onFinish={submit} data-testid="second-factor-enable-form">
              <Form.Item
                name="code"
                label={t('auth.code')}
                rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.codeInvalid') }]}
              >
                <Input
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  data-testid="second-factor-code"
                  style={{ width: 140, letterSpacing: 4 }}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={enable.isPending} data-testid="second-factor-enable">
                {t('auth.enable')}
              </Button>
            </Form>
          </Space>
        )}
      </Card>
    </>
  );
}
