import { Link, type ErrorComponentProps } from '@tanstack/react-router';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessageOf } from '../../lib/api.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      data-testid="page-not-found"
      extra={
        <Link to="/">
          <Button type="primary">{t('common.home')}</Button>
        </Link>
      }
    />
  );
}

export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  return (
    <Result
      status="error"
      title={t('common.error')}
      subTitle={errorMessageOf(error, t('common.error'))}
      data-testid="page-error"
      extra={
        <Button type="primary" onClick={() => (reset ? reset() : window.location.reload())}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
