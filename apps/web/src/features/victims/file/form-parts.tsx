import { Alert, Button, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { errorMessageOf } from '../../../lib/api.ts';
import { DATE_FORMAT } from '../../../lib/format.ts';
import { isStaleVersion } from './file-form-errors.ts';

/** A calendar date from the API as a picker value. */
export const dayOf = (value: string | null | undefined): Dayjs | undefined => (value ? dayjs(value, 'YYYY-MM-DD') : undefined);

/** Today in Vietnam, for pickers that default to the day of the record. */
export const today = (): Dayjs => dayjs().tz('Asia/Ho_Chi_Minh');

/** A dd/MM/yyyy date input that can be typed (Enter) or picked. */
export function DateInput({
  testId,
  ...props
}: {
  testId: string;
  id?: string;
  value?: Dayjs | null;
  onChange?: (value: Dayjs | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <DatePicker {...props} format={DATE_FORMAT} placeholder={t('common.dateFormatHint')} data-testid={testId} style={{ width: '100%' }} />
  );
}

/**
 * A reason of at least 10 characters, kept in the file's history and the audit trail (reveal,
 * corrections, closing, confidentiality). The server checks the same length.
 */
export function ReasonField({
  name = 'reason',
  label,
  testId,
  placeholder,
  extra,
}: {
  name?: string;
  label: string;
  testId: string;
  placeholder?: string;
  extra?: string;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra ?? t('victimFile.reasonAudit')}
      rules={[
        { required: true, whitespace: true, message: t('common.reasonRequired') },
        { min: 10, message: t('victimFile.reasonMin') },
        { max: 1000 },
      ]}
    >
      <Input.TextArea rows={3} data-testid={testId} placeholder={placeholder} maxLength={1000} showCount />
    </Form.Item>
  );
}

/**
 * The failure of a dialog's save (see useSaveError): a stale version gets its own warning with a
 * reload button; anything else shows the server's title and the messages no field took.
 */
export function SaveError({
  error,
  onReload,
  isReloading,
  staleHint,
}: {
  error: unknown;
  onReload?: () => void;
  isReloading?: boolean;
  staleHint?: string;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isStaleVersion(error))
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="file-stale-alert"
        title={t('victimFile.stale.title')}
        description={
          <>
            <div>{errorMessageOf(error, t('common.error'))}</div>
            {staleHint && <div>{staleHint}</div>}
            {onReload && (
              <Button
                size="small"
                type="primary"
                onClick={onReload}
                loading={isReloading}
                style={{ marginTop: 8 }}
                data-testid="file-stale-reload"
              >
                {t('victimFile.stale.reload')}
              </Button>
            )}
          </>
        }
      />
    );
  return <ErrorAlert error={error} testId="file-dialog-error" />;
}
