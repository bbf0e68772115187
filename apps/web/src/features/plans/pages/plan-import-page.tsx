import { ArrowLeftOutlined, InboxOutlined } from '@ant-design/icons';
import { PLAN_IMPORT_MAX_BYTES } from '@atmis/domain';
import { Link, useNavigate } from '@tanstack/react-router';
import { Alert, Button, Card, Form, Input, Spin, Tabs, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PermissionGate } from '../../../app/auth/permission-gate.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { readFileAsBase64 } from '../../tasks/index.ts';
import { useCreatePlanImport } from '../api/plan-imports-api.ts';

const ACCEPTED = ['.txt', '.md', '.docx'];

function PlanImport() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mutation = useCreatePlanImport();
  const [localError, setLocalError] = useState<string | null>(null);
  const [form] = Form.useForm<{ text: string }>();

  async function start(body: Parameters<typeof mutation.mutateAsync>[0]) {
    setLocalError(null);
    try {
      const view = await mutation.mutateAsync(body);
      await navigate({ to: '/plans/import/$id', params: { id: view.id } });
    } catch {
      // shown by the ErrorAlert below (the server's Vietnamese message)
    }
  }

  async function upload(file: File) {
    mutation.reset();
    if (!ACCEPTED.some((extension) => file.name.toLowerCase().endsWith(extension))) return setLocalError(t('planImport.badType'));
    if (file.size > PLAN_IMPORT_MAX_BYTES) return setLocalError(t('planImport.tooLarge'));
    await start({ fileName: file.name, contentBase64: await readFileAsBase64(file) });
  }

  return (
    <>
      <PageHeader
        title={t('planImport.title')}
        extra={
          <Link to="/plans">
            <Button icon={<ArrowLeftOutlined />}>{t('common.back')}</Button>
          </Link>
        }
      />
      <Card>
        <Typography.Paragraph>{t('planImport.intro')}</Typography.Paragraph>
        {localError && (
          <Alert type="error" showIcon title={localError} style={{ marginBottom: 12 }} data-testid="plan-import-local-error" />
        )}
        <ErrorAlert error={mutation.error} testId="plan-import-error" />
        <Spin spinning={mutation.isPending} description={t('planImport.analysing')}>
          <Tabs
            items={[
              {
                key: 'upload',
                label: <span data-testid="plan-import-tab-upload">{t('planImport.upload')}</span>,
                children: (
                  <div data-testid="plan-import-upload">
                    <Upload.Dragger
                      accept={ACCEPTED.join(',')}
                      multiple={false}
                      showUploadList={false}
                      disabled={mutation.isPending}
                      beforeUpload={(file) => {
                        void upload(file);
                        return false;
                      }}
                    >
                      <p className="ant-upload-drag-icon">
                        <InboxOutlined />
                      </p>
                      <p className="ant-upload-text">{t('planImport.uploadHint')}</p>
                    </Upload.Dragger>
                  </div>
                ),
              },
              {
                key: 'paste',
                label: <span data-testid="plan-import-tab-paste">{t('planImport.paste')}</span>,
                children: (
                  <Form
                    form={form}
                    layout="vertical"
                    onFinish={(values) => void start({ fileName: 'noi-dung-dan.txt', text: values.text })}
                  >
                    <Form.Item name="text" rules={[{ required: true, whitespace: true, message: t('planImport.pasteRequired') }]}>
                      <Input.TextArea rows={14} placeholder={t('planImport.pastePlaceholder')} data-testid="plan-import-text" />
                    </Form.Item>
                    <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="plan-import-analyse">
                      {t('planImport.analyse')}
                    </Button>
                  </Form>
                ),
              },
            ]}
          />
        </Spin>
      </Card>
    </>
  );
}

export function PlanImportPage() {
  return (
    <PermissionGate permission="manage:plans">
      <PlanImport />
    </PermissionGate>
  );
}
