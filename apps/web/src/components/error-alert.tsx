import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessageOf, isApiError } from '../lib/api.ts';

/** A failed call, shown with the server's (already localised) title. */
export function ErrorAlert({ error, onRetry, testId = 'error-alert' }: { error: unknown; onRetry?: () => void; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const details =
    isApiError(error) && error.errors.length > 0 ? error.errors.map((issue) => `${issue.path}: ${issue.message}`).join('; ') : undefined;
  return (
    <Alert
      type="error"
      showIcon
      title={errorMessageOf(error, t('common.error'))}
      description={details}
      data-testid={testId}
      style={{ marginBottom: 12 }}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
