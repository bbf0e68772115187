import { DeleteOutlined, PlusOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Space, Table, Tag, Typography, type FormListFieldData } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../../components/use-notify-error.ts';
import { isApiError } from '../../../lib/api.ts';

export interface ListEditorColumn {
  key: string;
  title: ReactNode;
  width?: number;
  /** The cell: a `Form.Item` named `[field.name, '<property>']` while editable, plain text otherwise. */
  render: (field: FormListFieldData, index: number) => ReactNode;
}

/** Keeps a form cell on one line inside a table. */
export const CELL_ITEM = { style: { margin: 0 } } as const;

/**
 * Puts the server's `errors[].path` messages (`targets.2.value`) under the matching list cells.
 * Returns true when at least one cell took a message.
 */
function applyListErrors(form: ReturnType<typeof Form.useForm>[0], name: string, error: unknown): boolean {
  if (!isApiError(error)) return false;
  const fields = error.errors
    .map((issue) => ({ parts: issue.path.replace(/^\/?(body[./])?/, '').split(/[./[\]]+/), message: issue.message }))
    .filter(({ parts }) => parts[0] === name && parts.length >= 3 && /^\d+$/.test(parts[1] ?? ''))
    .map(({ parts, message }) => ({ name: [name, Number(parts[1]), parts[2] ?? ''], errors: [message] }));
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
}

/**
 * A card holding one editable list (rows of form cells, add and remove, inline validation) saved as
 * a whole: what the import review uses for targets, legal basis and phases.
 */
export function ListEditorCard<Row extends object>({
  title,
  intro,
  name,
  initialRows,
  columns,
  newRow,
  addLabel,
  saveLabel,
  savedMessage,
  emptyText,
  isEditable,
  onSave,
  testId,
  scrollX,
}: {
  title: ReactNode;
  intro?: ReactNode;
  name: string;
  initialRows: Row[];
  columns: ListEditorColumn[];
  newRow: () => Row;
  addLabel: string;
  saveLabel: string;
  savedMessage: string;
  emptyText: string;
  isEditable: boolean;
  onSave: (rows: Row[]) => Promise<unknown>;
  testId: string;
  scrollX?: number;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm();
  const [isDirty, setIsDirty] = useState(false);
  const [isSaving, setIsSaving] = useState(false);

  async function save(values: Record<string, Row[] | undefined>) {
    setIsSaving(true);
    try {
      await onSave(values[name] ?? []);
      setIsDirty(false);
      message.success(savedMessage);
    } catch (error) {
      if (!applyListErrors(form, name, error)) notifyError(error);
    } finally {
      setIsSaving(false);
    }
  }

  function undo() {
    form.resetFields();
    setIsDirty(false);
  }

  return (
    <Card
      title={title}
      style={{ marginBottom: 16 }}
      data-testid={testId}
      extra={
        isDirty ? (
          <Tag color="orange" data-testid={`${testId}-dirty`}>
            {t('planImport.unsavedChanges')}
          </Tag>
        ) : null
      }
    >
      {intro && isEditable && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
      <Form
        form={form}
        disabled={!isEditable}
        initialValues={{ [name]: initialRows }}
        onValuesChange={() => setIsDirty(true)}
        onFinish={(values: Record<string, Row[] | undefined>) => void save(values)}
      >
        <Form.List name={name}>
          {(fields, { add, remove }) => (
            <>
              <Table<FormListFieldData>
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={fields}
                scroll={scrollX ? { x: scrollX } : undefined}
                data-testid={`${testId}-table`}
                locale={{ emptyText }}
                onRow={(_, index) => ({ 'data-testid': `${testId}-row-${index}` }) as React.HTMLAttributes<HTMLElement>}
                columns={[
                  ...columns.map((column) => ({
                    key: column.key,
                    title: column.title,
                    width: column.width,
                    render: (_: unknown, field: FormListFieldData, index: number) => column.render(field, index),
                  })),
                  ...(isEditable
                    ? [
                        {
                          key: 'remove',
                          width: 48,
                          render: (_: unknown, field: FormListFieldData, index: number) => (
                            <Button
                              type="text"
                              danger
                              icon={<DeleteOutlined />}
                              aria-label={t('planImport.removeRow')}
                              title={t('planImport.removeRow')}
                              onClick={() => {
                                remove(field.name);
                                setIsDirty(true);
                              }}
                              data-testid={`${testId}-remove-${index}`}
                            />
                          ),
                        },
                      ]
                    : []),
                ]}
              />
              {isEditable && (
                <Space wrap style={{ marginTop: 12 }}>
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => {
                      add(newRow());
                      setIsDirty(true);
                    }}
                    data-testid={`${testId}-add`}
                  >
                    {addLabel}
                  </Button>
                  <Button
                    type={isDirty ? 'primary' : 'default'}
                    htmlType="submit"
                    icon={<SaveOutlined />}
                    loading={isSaving}
                    data-testid={`${testId}-save`}
                  >
                    {saveLabel}
                  </Button>
                  {isDirty && (
                    <Button icon={<UndoOutlined />} onClick={undo} data-testid={`${testId}-undo`}>
                      {t('planImport.undo')}
                    </Button>
                  )}
                </Space>
              )}
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
