import { Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The shell of a dialog that edits one form: OK submits the form (its `onFinish` saves), Cancel and
 * the close button call `onClose`, the OK button spins while saving and carries `submitTestId` for
 * the browser tests; with `testId` the content sits in a `<div data-testid>`. The content is
 * destroyed on close, so a dialog opened again starts from its initial values.
 */
export function FormModal({
  title,
  form,
  onClose,
  isSaving,
  submitTestId,
  okText,
  isDanger,
  width,
  testId,
  children,
}: {
  title: ReactNode;
  form: { submit: () => void };
  onClose: () => void;
  isSaving: boolean;
  submitTestId: string;
  /** The OK button's label; "Lưu" (save) when not given. */
  okText?: ReactNode;
  isDanger?: boolean;
  width?: number;
  testId?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={isSaving}
      okButtonProps={{ 'data-testid': submitTestId, danger: isDanger }}
      width={width}
      destroyOnHidden
    >
      {testId ? <div data-testid={testId}>{children}</div> : children}
    </Modal>
  );
}
