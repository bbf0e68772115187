import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessageOf } from '../lib/api.ts';

/** Shows a failure as an antd message with the server's localised title. */
export function useNotifyError(): (error: unknown) => void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return (error: unknown) => {
    void message.error(errorMessageOf(error, t('common.error')));
  };
}
