import type { CreatePlanBody } from '@atmis/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { App, DatePicker, Form, Input, Modal, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { client, unwrap } from '../../../lib/api.ts';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { DATE_FORMAT, toIsoDate } from '../../../lib/format.ts';
import { plansKey } from '../api/plans-api.ts';

interface FormValues {
  number?: string;
  symbol?: string;
  title: string;
  issuerName?: string;
  place?: string;
  issueDate?: Dayjs;
  periodFrom?: Dayjs;
  periodTo?: Dayjs;
}

/** A plan typed in by hand (a draft); its tasks come later or from an import. */
export function PlanCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const mutation = useMutation({
    mutationFn: (body: CreatePlanBody) => unwrap(client.POST('/api/v1/plans', { body })),
    onSuccess: (plan) => {
      queryClient.setQueryData([...plansKey, 'detail', plan.id], plan);
      return queryClient.invalidateQueries({ queryKey: [...plansKey, 'list'] });
    },
  });

  async function submit(values: FormValues) {
    try {
      const plan = await mutation.mutateAsync({
        title: values.title,
        number: values.number || null,
        symbol: values.symbol || null,
        issuerName: values.issuerName || null,
        place: values.place || null,
        issueDate: toIsoDate(values.issueDate) ?? null,
        periodFrom: toIsoDate(values.periodFrom) ?? null,
        periodTo: toIsoDate(values.periodTo) ?? null,
      });
      message.success(t('plans.created'));
      onClose();
      await navigate({ to: '/plans/$id', params: { id: plan.id } });
    } catch (error) {
      applyServerErrors(form, error, ['title', 'number', 'symbol', 'issuerName', 'place', 'issueDate', 'periodFrom', 'periodTo']);
    }
  }

  const dateInput = (testId: string) => (
    <DatePicker format={DATE_FORMAT} placeholder={t('common.dateFormatHint')} data-testid={testId} style={{ width: 180 }} />
  );
  return (
    <Modal
      open
      title={t('plans.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': 'plan-create-submit' }}
      width={640}
    >
      <ErrorAlert error={mutation.error} />
      <Form<FormValues> form={form} layout="vertical" onFinish={submit}>
        <Space wrap>
          <Form.Item name="number" label={t('plans.number')} rules={[{ max: 50 }]}>
            <Input data-testid="plan-create-number" style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="symbol" label={t('plans.symbol')} rules={[{ max: 100 }]}>
            <Input data-testid="plan-create-symbol" placeholder="KH-UBND" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="issueDate" label={t('plans.issueDate')}>
            {dateInput('plan-create-issue-date')}
          </Form.Item>
        </Space>
        <Form.Item
          name="title"
          label={t('plans.titleField')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('plans.titleField').toLowerCase() }) },
            { max: 1000 },
          ]}
        >
          <Input.TextArea rows={2} data-testid="plan-create-title" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="issuerName" label={t('plans.issuer')} rules={[{ max: 300 }]}>
            <Input data-testid="plan-create-issuer" style={{ width: 320 }} />
          </Form.Item>
          <Form.Item name="place" label={t('plans.place')} rules={[{ max: 100 }]}>
            <Input data-testid="plan-create-place" style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="periodFrom" label={t('plans.periodFrom')}>
            {dateInput('plan-create-period-from')}
          </Form.Item>
          <Form.Item
            name="periodTo"
            label={t('plans.periodTo')}
            dependencies={['periodFrom']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | undefined) => {
                  const from = getFieldValue('periodFrom') as Dayjs | undefined;
                  return !value || !from || !value.isBefore(from, 'day')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('plans.periodOrder')));
                },
              }),
            ]}
          >
            {dateInput('plan-create-period-to')}
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
