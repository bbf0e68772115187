import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ME_QUERY_KEY } from '../../../app/auth/me-query.ts';
import { LanguageSwitch } from '../../../app/layout/language-switch.tsx';
import { errorMessageOf } from '../../../lib/api.ts';
import { login, type LoginBody } from '../api/auth-api.ts';
import { SecondFactorStep } from '../components/second-factor-step.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = useSearch({ from: '/login' });
  const queryClient = useQueryClient();
  const [form] = Form.useForm<LoginBody>();
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);
  const [isSecondFactorStep, setSecondFactorStep] = useState(false);

  async function enterApp() {
    await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    await navigate({ to: search.redirect ?? '/' });
  }

  async function submit(values: LoginBody) {
    setError(null);
    setSubmitting(true);
    try {
      const result = await login(values);
      queryClient.clear();
      if (result.status === 'second_factor_required') {
        setSecondFactorStep(true);
        return;
      }
      if (result.me) queryClient.setQueryData(ME_QUERY_KEY, result.me);
      await enterApp();
    } catch (cause) {
      setError(errorMessageOf(cause, t('common.error')));
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div className="atmis-login">
      <Card style={{ width: 420, maxWidth: '100%', boxShadow: '0 8px 32px rgba(0,0,0,0.15)' }} data-testid="login-card">
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 8 }}>
            <img src="/favicon.svg" alt="" width={44} height={44} />
            <LanguageSwitch />
          </div>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary" data-testid="product-name">
              {t('app.tagline')}
            </Typography.Text>
          </div>
          {isSecondFactorStep ? (
            <SecondFactorStep
              onVerified={(me) => {
                queryClient.setQueryData(ME_QUERY_KEY, me);
                void enterApp();
              }}
              onBack={() => setSecondFactorStep(false)}
            />
          ) : (
            <Form<LoginBody>
              form={form}
              layout="vertical"
              onFinish={submit}
              requiredMark={false}
              data-testid="login-form"
              disabled={isSubmitting}
            >
              <Typography.Title level={4} style={{ marginTop: 0 }}>
                {t('auth.loginTitle')}
              </Typography.Title>
              {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" role="alert" />}
              <Form.Item
                name="username"
                label={t('auth.username')}
                rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
              >
                <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" size="large" />
              </Form.Item>
              <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" size="large" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block size="large" loading={isSubmitting} data-testid="login-submit">
                {t('auth.login')}
              </Button>
            </Form>
          )}
        </Space>
      </Card>
    </div>
  );
}
