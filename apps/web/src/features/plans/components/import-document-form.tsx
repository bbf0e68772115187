import type { PlanImportView } from '@atmis/domain';
import { App, Button, Card, Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { DATE_FORMAT, toIsoDate } from '../../../lib/format.ts';
import { useNotifyError } from '../../../components/use-notify-error.ts';
import { useUpdatePlanImport } from '../api/plan-imports-api.ts';

interface FormValues {
  number?: string;
  symbol?: string;
  issuer?: string;
  place?: string;
  date?: Dayjs | null;
  title: string;
  periodFrom?: Dayjs | null;
  periodTo?: Dayjs | null;
  orientationTo?: Dayjs | null;
}

const day = (value: string | null) => (value ? dayjs(value, 'YYYY-MM-DD') : null);

/** The document's number, symbol, issuer, place, date, title and period, as proposed, to correct. */
export function ImportDocumentForm({ view, isEditable }: { view: PlanImportView; isEditable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<FormValues>();
  const update = useUpdatePlanImport(view.id);
  const { document, period } = view.result;

  async function save(values: FormValues) {
    try {
      await update.mutateAsync({
        document: {
          number: values.number ?? null,
          symbol: values.symbol ?? null,
          issuer: values.issuer ?? null,
          place: values.place ?? null,
          date: toIsoDate(values.date) ?? null,
          title: values.title,
        },
        period: {
          from: toIsoDate(values.periodFrom) ?? null,
          to: toIsoDate(values.periodTo) ?? null,
          orientationTo: toIsoDate(values.orientationTo) ?? null,
        },
      });
      message.success(t('planImport.documentSaved'));
    } catch (error) {
      if (!applyServerErrors(form, error, ['title'])) notifyError(error);
    }
  }

  const date = (name: keyof FormValues, label: string, testId: string) => (
    <Col xs={24} sm={12} lg={6}>
      <Form.Item name={name} label={label}>
        <DatePicker format={DATE_FORMAT} placeholder={t('common.dateFormatHint')} data-testid={testId} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );
  const text = (name: keyof FormValues, label: string, testId: string, max: number, span = 6) => (
    <Col xs={24} sm={12} lg={span}>
      <Form.Item name={name} label={label} rules={[{ max }]}>
        <Input data-testid={testId} />
      </Form.Item>
    </Col>
  );

  return (
    <Card title={t('planImport.document')} style={{ marginBottom: 16 }} data-testid="import-document">
      <Form<FormValues>
        form={form}
        layout="vertical"
        disabled={!isEditable}
        onFinish={save}
        initialValues={{
          number: document.number ?? undefined,
          symbol: document.symbol ?? undefined,
          issuer: document.issuer ?? undefined,
          place: document.place ?? undefined,
          date: day(document.date),
          title: document.title ?? view.fileName,
          periodFrom: day(period.from),
          periodTo: day(period.to),
          orientationTo: day(period.orientationTo),
        }}
      >
        <Row gutter={16}>
          {text('number', t('plans.number'), 'import-doc-number', 50, 3)}
          {text('symbol', t('plans.symbol'), 'import-doc-symbol', 100, 5)}
          {text('issuer', t('plans.issuer'), 'import-doc-issuer', 300, 10)}
          {text('place', t('plans.place'), 'import-doc-place', 100, 6)}
          <Col xs={24}>
            <Form.Item
              name="title"
              label={t('plans.titleField')}
              rules={[
                { required: true, whitespace: true, message: t('common.required', { field: t('plans.titleField').toLowerCase() }) },
                { max: 1000 },
              ]}
            >
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="import-doc-title" />
            </Form.Item>
          </Col>
          {date('date', t('plans.issueDate'), 'import-doc-date')}
          {date('periodFrom', t('plans.periodFrom'), 'import-doc-period-from')}
          {date('periodTo', t('plans.periodTo'), 'import-doc-period-to')}
          {date('orientationTo', t('plans.orientationTo'), 'import-doc-orientation')}
        </Row>
        {isEditable && (
          <Button htmlType="submit" loading={update.isPending} data-testid="import-doc-save">
            {t('planImport.saveDocument')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
