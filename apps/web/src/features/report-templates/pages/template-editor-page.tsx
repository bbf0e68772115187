import { ArrowLeftOutlined, CloudUploadOutlined, PlusOutlined } from '@ant-design/icons';
import { createReportTemplateBodySchema, type ReportTemplateDetail } from '@atmis/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { Alert, App, Button, Card, Descriptions, Form, Input, Result, Select, Skeleton, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { client, isApiError, unwrap } from '../../../lib/api.ts';
import { applyServerErrors } from '../../../lib/form-errors.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { reportPaths } from '../../report-schedules/index.ts';
import { AppLinkButton } from '../../../components/app-link.tsx';
import {
  reportTemplatesKey,
  useCreateReportTemplate,
  usePublishReportTemplateVersion,
  useReportTemplate,
  useReportTemplates,
} from '../api/report-templates-api.ts';
import { SectionEditor } from '../components/section-editor.tsx';
import { TemplateGate, TemplateStatusTag, useTemplateAccess } from '../components/template-access.tsx';
import { addSection, checkDraft, draftOf, emptyDraft, type DraftIssue, type TemplateDraft } from '../components/template-draft.ts';
import { suggestKey } from '../components/template-keys.ts';
import { TemplateDefinitionView } from '../components/template-preview.tsx';

interface MetaValues {
  code?: string;
  name: string;
  description?: string;
}

const META_FIELDS = ['code', 'name', 'description'] as const;
const NO_ISSUES = new Map<string, DraftIssue[]>();

/** A form rule that applies one field of the domain's create-template contract (same messages as the server). */
function contractRule(field: 'code' | 'name' | 'description') {
  return {
    validator: (_: unknown, value: unknown) => {
      if (field === 'description' && !value) return Promise.resolve();
      const result = createReportTemplateBodySchema.shape[field].safeParse(value ?? '');
      return result.success ? Promise.resolve() : Promise.reject(new Error(result.error.issues[0]?.message));
    },
  };
}

/** Back to the list (a button that is a link, so it opens in a new tab as well). */
function BackButton() {
  const { t } = useTranslation();
  return (
    <AppLinkButton to={reportPaths.templates()} icon={<ArrowLeftOutlined />} testId="template-back">
      {t('common.back')}
    </AppLinkButton>
  );
}

/**
 * The form builder: name, description, code (new templates), sections and their tables, checked
 * with the domain's reportTemplateDefinitionSchema before anything is sent. Publishing a change to
 * an active template creates version n+1; reports already made keep the version they were made with.
 */
function TemplateBuilder({ template }: { template?: ReportTemplateDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<MetaValues>();
  const [draft, setDraft] = useState<TemplateDraft>(() => (template ? draftOf(template.definition) : emptyDraft()));
  const [isAttempted, setAttempted] = useState(false);
  const [isCodeTouched, setCodeTouched] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const create = useCreateReportTemplate();
  const publish = usePublishReportTemplateVersion(template?.id ?? '');
  const mutation = template ? publish : create;
  const templates = useReportTemplates();
  const check = useMemo(() => checkDraft(draft, t), [draft, t]);
  const showIssues = isAttempted || Boolean(template);
  const byUid = showIssues ? check.byUid : NO_ISSUES;

  async function copyFrom(id: string) {
    const apply = async () => {
      try {
        const source = await queryClient.fetchQuery({
          queryKey: [...reportTemplatesKey, 'detail', id],
          queryFn: ({ signal }) => unwrap(client.GET('/api/v1/report-templates/{id}', { params: { path: { id } }, signal })),
        });
        setDraft(draftOf(source.definition));
        message.success(t('reportSetup.editor.copied', { name: source.name }));
      } catch (error) {
        message.error(isApiError(error) ? error.title : t('common.error'));
      }
    };
    const isBlank = draft.sections.every((section) => !section.title && section.tables.length === 0);
    if (isBlank) await apply();
    else
      modal.confirm({
        title: t('reportSetup.editor.copyConfirm'),
        okText: t('common.confirm'),
        cancelText: t('common.cancel'),
        onOk: apply,
      });
  }

  async function send(values: MetaValues, definition: NonNullable<typeof check.definition>) {
    try {
      const saved = template
        ? await publish.mutateAsync({ name: values.name, description: values.description ?? null, definition })
        : await create.mutateAsync({ code: values.code ?? '', name: values.name, description: values.description ?? null, definition });
      message.success(template ? t('reportSetup.editor.published', { version: saved.version }) : t('reportSetup.editor.created'));
      await navigate({ to: reportPaths.template(saved.id) });
    } catch (error) {
      applyServerErrors(form, error, META_FIELDS);
    }
  }

  async function submit() {
    setAttempted(true);
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    if (!check.definition) {
      message.error(t('reportSetup.editor.fixIssues', { count: check.issues.length }));
      summaryRef.current?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      return;
    }
    const definition = check.definition;
    modal.confirm({
      title: template
        ? t('reportSetup.editor.publishConfirm', { version: template.version + 1 })
        : t('reportSetup.editor.createConfirm', { name: values.name }),
      content: template
        ? t('reportSetup.editor.versionNote', { version: template.version, next: template.version + 1, count: template.reportCount })
        : undefined,
      okText: template ? t('reportSetup.editor.publish') : t('reportSetup.editor.create'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'template-publish-confirm' } as Record<string, string>,
      onOk: () => send(values, definition),
    });
  }

  const activeTemplates = (templates.data ?? []).filter((candidate) => candidate.status === 'active');
  const tableCount = draft.sections.reduce((sum, section) => sum + section.tables.length, 0);

  return (
    <div data-testid="template-editor">
      <PageHeader
        title={template ? t('reportSetup.editor.editTitle', { name: template.name }) : t('reportSetup.editor.newTitle')}
        testId="template-editor-title"
        extra={
          <Space wrap>
            <BackButton />
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              loading={mutation.isPending}
              onClick={() => void submit()}
              data-testid="template-publish"
            >
              {template ? t('reportSetup.editor.publish') : t('reportSetup.editor.create')}
            </Button>
          </Space>
        }
      />
      {template && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="template-version-note"
          title={t('reportSetup.editor.versionNote', {
            version: template.version,
            next: template.version + 1,
            count: template.reportCount,
          })}
        />
      )}
      <ErrorAlert error={mutation.error} />
      <Card title={t('reportSetup.editor.meta')} style={{ marginBottom: 16 }}>
        <Form<MetaValues>
          form={form}
          layout="vertical"
          initialValues={template ? { name: template.name, description: template.description ?? '' } : {}}
          onValuesChange={(changed: Partial<MetaValues>) => {
            if (!template && !isCodeTouched && changed.name !== undefined) form.setFieldValue('code', suggestKey(changed.name));
          }}
          data-testid="template-meta-form"
        >
          <Space wrap align="start" style={{ width: '100%' }}>
            <Form.Item
              name="name"
              label={t('reportSetup.editor.name')}
              rules={[
                { required: true, whitespace: true, message: t('common.required', { field: t('reportSetup.editor.name').toLowerCase() }) },
                contractRule('name'),
              ]}
              style={{ minWidth: 420 }}
            >
              <Input maxLength={300} data-testid="template-name" />
            </Form.Item>
            {template ? (
              <Form.Item label={t('reportSetup.editor.code')}>
                <Typography.Text className="atmis-mono" data-testid="template-code">
                  {template.code}
                </Typography.Text>
              </Form.Item>
            ) : (
              <Form.Item
                name="code"
                label={t('reportSetup.editor.code')}
                tooltip={t('reportSetup.editor.codeHelp')}
                rules={[
                  { required: true, message: t('common.required', { field: t('reportSetup.editor.code').toLowerCase() }) },
                  contractRule('code'),
                ]}
                style={{ minWidth: 260 }}
              >
                <Input className="atmis-mono" maxLength={40} onChange={() => setCodeTouched(true)} data-testid="template-code" />
              </Form.Item>
            )}
          </Space>
          <Form.Item name="description" label={t('reportSetup.editor.description')} rules={[contractRule('description')]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} data-testid="template-description" />
          </Form.Item>
          {!template && (
            <Form.Item label={t('reportSetup.editor.copyFrom')} tooltip={t('reportSetup.editor.copyFromHelp')} style={{ marginBottom: 0 }}>
              <Select<string>
                onChange={(id) => void copyFrom(id)}
                loading={templates.isLoading}
                placeholder={t('reportSetup.editor.copyFromPlaceholder')}
                options={activeTemplates.map((candidate) => ({
                  value: candidate.id,
                  label: `${candidate.name} (${t('reportSetup.templates.versionN', { version: candidate.version })})`,
                }))}
                style={{ maxWidth: 480 }}
                data-testid="template-copy-from"
              />
            </Form.Item>
          )}
        </Form>
      </Card>

      {draft.sections.map((section, index) => (
        <SectionEditor key={section.uid} section={section} index={index} draft={draft} setDraft={setDraft} byUid={byUid} />
      ))}
      <Button icon={<PlusOutlined />} onClick={() => setDraft(addSection)} style={{ marginBottom: 16 }} data-testid="template-add-section">
        {t('reportSetup.editor.addSection')}
      </Button>

      <div ref={summaryRef}>
        <Card
          size="small"
          title={t('reportSetup.editor.checkTitle')}
          data-testid="template-check"
          data-valid={check.issues.length === 0 ? 'true' : 'false'}
        >
          <Typography.Paragraph type="secondary">
            {t('reportSetup.editor.counts', { sections: draft.sections.length, tables: tableCount })}
          </Typography.Paragraph>
          {check.issues.length === 0 ? (
            <Alert type="success" showIcon title={t('reportSetup.editor.valid')} />
          ) : (
            <Alert
              type={showIssues ? 'error' : 'warning'}
              showIcon
              title={t('reportSetup.editor.invalid', { count: check.issues.length })}
              description={
                showIssues ? (
                  <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="template-issues">
                    {check.issues.map((issue, index) => (
                      <li key={index}>
                        <Typography.Text strong>{issue.where}</Typography.Text>: {issue.message}
                      </li>
                    ))}
                  </ul>
                ) : (
                  t('reportSetup.editor.invalidHint')
                )
              }
            />
          )}
        </Card>
      </div>
    </div>
  );
}

/** A template version, read-only: facts and the sections and tables as a unit would see them. */
function TemplateReadOnly({ template }: { template: ReportTemplateDetail }) {
  const { t } = useTranslation();
  const { canManage } = useTemplateAccess();
  return (
    <div data-testid="template-readonly">
      <PageHeader title={template.name} testId="template-title" extra={<BackButton />} />
      {template.status === 'retired' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('reportSetup.templates.retiredNote')}
          data-testid="template-retired"
        />
      )}
      {!canManage && template.status === 'active' && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('reportSetup.templates.readOnlyNote')} />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'code', label: t('reportSetup.editor.code'), children: <span className="atmis-mono">{template.code}</span> },
            {
              key: 'version',
              label: t('reportSetup.templates.version'),
              children: t('reportSetup.templates.versionN', { version: template.version }),
            },
            { key: 'status', label: t('common.status'), children: <TemplateStatusTag status={template.status} /> },
            { key: 'reports', label: t('reportSetup.templates.reportCount'), children: template.reportCount },
            { key: 'created', label: t('reportSetup.templates.createdAt'), children: formatDateTime(template.createdAt) },
            ...(template.description
              ? [{ key: 'description', label: t('reportSetup.editor.description'), children: template.description }]
              : []),
          ]}
        />
      </Card>
      <TemplateDefinitionView definition={template.definition} />
    </div>
  );
}

function TemplateById({ id }: { id: string }) {
  const { t } = useTranslation();
  const { canManage } = useTemplateAccess();
  const query = useReportTemplate(id);
  if (query.isLoading)
    return (
      <Card data-testid="template-loading">
        <Skeleton active />
      </Card>
    );
  if (isApiError(query.error) && query.error.status === 404)
    return (
      <Result
        status="404"
        title="404"
        subTitle={t('reportSetup.templates.notFound')}
        extra={<BackButton />}
        data-testid="template-not-found"
      />
    );
  if (!query.data) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const template = query.data;
  // A new version is made from the active one; retired versions stay as they were published.
  if (canManage && template.status === 'active') return <TemplateBuilder key={template.id} template={template} />;
  return <TemplateReadOnly template={template} />;
}

export function ReportTemplateEditorPage() {
  const params = useParams({ strict: false }) as { id?: string };
  if (!params.id || params.id === 'new')
    return (
      <TemplateGate needsManage>
        <TemplateBuilder />
      </TemplateGate>
    );
  return (
    <TemplateGate>
      <TemplateById id={params.id} />
    </TemplateGate>
  );
}
