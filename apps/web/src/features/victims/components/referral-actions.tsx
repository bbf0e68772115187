import { REFERRAL_TRANSITION_LABELS } from '@atmis/domain';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../../components/use-notify-error.ts';
import { pickLabel } from '../../../lib/i18n/index.ts';
import { useReferralAction, type ReferralAction, type ReferralView } from '../api/victims-api.ts';

/** Decline and cancel need a reason; accept and complete take an optional note. */
const NEEDS_REASON: readonly ReferralAction[] = ['decline', 'cancel'];

/**
 * The buttons of a referral, exactly its `allowedActions` from the server (sender: cancel; receiver:
 * accept, decline, complete). Test ids: `referral-<action>-<id>`, then `referral-action-reason` and
 * `referral-action-ok` in the dialog.
 */
export function ReferralActionButtons({
  referral,
  size = 'small',
  onActed,
}: {
  referral: ReferralView;
  size?: 'small' | 'middle';
  /** After a successful action (e.g. leave a file the receiver no longer reaches once the referral ends). */
  onActed?: (action: ReferralAction) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const act = useReferralAction();
  const [pending, setPending] = useState<ReferralAction | null>(null);
  const [form] = Form.useForm<{ reason?: string }>();

  async function submit() {
    if (!pending) return;
    const { reason } = await form.validateFields();
    try {
      await act.mutateAsync({ referralId: referral.id, action: pending, reason: reason?.trim() || undefined });
      void message.success(pickLabel(REFERRAL_TRANSITION_LABELS[pending]));
      setPending(null);
      form.resetFields();
      onActed?.(pending);
    } catch (error) {
      notifyError(error);
    }
  }

  if (referral.allowedActions.length === 0) return null;
  return (
    <>
      <Space size={4} wrap>
        {referral.allowedActions.map((action) => (
          <Button
            key={action}
            size={size}
            type={action === 'accept' || action === 'complete' ? 'primary' : 'default'}
            danger={action === 'decline' || action === 'cancel'}
            onClick={() => setPending(action)}
            data-testid={`referral-${action}-${referral.id}`}
          >
            {pickLabel(REFERRAL_TRANSITION_LABELS[action])}
          </Button>
        ))}
      </Space>
      <Modal
        open={pending !== null}
        title={pending ? `${pickLabel(REFERRAL_TRANSITION_LABELS[pending])} — ${referral.fileReference}` : ''}
        onCancel={() => setPending(null)}
        onOk={() => void submit()}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={act.isPending}
        okButtonProps={{ 'data-testid': 'referral-action-ok' }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={t('common.reason')}
            rules={
              pending && NEEDS_REASON.includes(pending) ? [{ required: true, whitespace: true, message: t('common.reasonRequired') }] : []
            }
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="referral-action-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
