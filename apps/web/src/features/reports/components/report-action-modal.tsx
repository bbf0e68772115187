import { REPORT_TRANSITION_LABELS, type ReportDetail } from '@atmis/domain';
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { DATE_FORMAT, formatDate, toIsoDate } from '../../../lib/format.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import { useReportAction, type ReportActionCall } from '../api/reports-api.ts';

/** The reviewer's actions done through a small form. */
export type ReportFormAction = 'return' | 'accept' | 'lock' | 'unlock' | 'extend';

interface FormValues {
  comment?: string;
  reason?: string;
  dueDate?: Dayjs;
}

export function reportActionLabel(action: ReportFormAction | 'submit' | 'resubmit', t: (key: string) => string): string {
  return action === 'extend' ? t('reportWork.actions.extend') : pickLabel(REPORT_TRANSITION_LABELS[action], action);
}

function callOf(action: ReportFormAction, values: FormValues): ReportActionCall {
  switch (action) {
    case 'return':
      return { action, body: { comment: values.comment ?? '' } };
    case 'accept':
      return { action, body: values.comment?.trim() ? { comment: values.comment } : {} };
    case 'lock':
      return { action };
    case 'unlock':
      return { action, body: { reason: values.reason ?? '' } };
    case 'extend':
      return { action, body: { dueDate: toIsoDate(values.dueDate) ?? '', reason: values.reason ?? '' } };
  }
}

/** Return (comment required), accept (comment optional), lock, unlock (reason) and extend (date and reason). */
export function ReportActionModal({ report, action, onClose }: { report: ReportDetail; action: ReportFormAction; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const mutation = useReportAction(report.id);
  const label = reportActionLabel(action, t);

  async function submit(values: FormValues) {
    try {
      await mutation.mutateAsync(callOf(action, values));
      void message.success(t(`reportWork.done.${action}`));
      onClose();
    } catch (error) {
      applyServerErrors(form, error, ['comment', 'reason', 'dueDate']);
    }
  }

  return (
    <Modal
      open
      title={label}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={label}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'report-action-ok', danger: action === 'return' }}
      width={560}
      destroyOnHidden
    >
      <ErrorAlert error={mutation.error} />
      {action !== 'accept' && action !== 'extend' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t(`reportWork.modal.${action}Hint`)} />
      )}
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} data-testid={`report-${action}-form`}>
        {(action === 'return' || action === 'accept') && (
          <Form.Item
            name="comment"
            label={action === 'return' ? t('reportWork.modal.returnComment') : t('reportWork.modal.acceptComment')}
            rules={[
              ...(action === 'return' ? [{ required: true, whitespace: true, message: t('reportWork.modal.commentRequired') }] : []),
              { max: 2000 },
            ]}
          >
            <Input.TextArea rows={4} data-testid="report-action-comment" />
          </Form.Item>
        )}
        {action === 'extend' && (
          <>
            <Typography.Paragraph type="secondary">
              {t('reportWork.modal.currentDueDate', { date: formatDate(report.dueDate) })}
            </Typography.Paragraph>
            <Form.Item
              name="dueDate"
              label={t('reportWork.modal.newDueDate')}
              rules={[{ required: true, message: t('reportWork.modal.dueDateRequired') }]}
            >
              <DatePicker
                format={DATE_FORMAT}
                placeholder={t('common.dateFormatHint')}
                disabledDate={(date) => date.isBefore(dayjs(report.dueDate, 'YYYY-MM-DD'), 'day')}
                data-testid="report-action-due-date"
                style={{ width: 200 }}
              />
            </Form.Item>
          </>
        )}
        {(action === 'unlock' || action === 'extend') && (
          <Form.Item
            name="reason"
            label={t('reportWork.modal.reason')}
            rules={[{ required: true, whitespace: true, message: t('reportWork.modal.reasonRequired') }, { max: 2000 }]}
          >
            <Input.TextArea rows={3} data-testid="report-action-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
