import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageOf } from '../lib/api.ts';
import { downloadFile } from '../lib/download.ts';

type ExportKind = 'docx' | 'xlsx';

/**
 * "Tải .docx" and "Tải .xlsx" for a stored document (plan, report): `testIdPrefix` gives
 * `<prefix>-docx` / `<prefix>-xlsx`; the file name comes from the server, else `baseName`.
 */
export function ExportButtons({
  urls,
  baseName,
  labels,
  testIdPrefix,
}: {
  urls: Record<ExportKind, string>;
  baseName: string;
  labels: Record<ExportKind, string>;
  testIdPrefix: string;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<ExportKind | null>(null);

  async function run(kind: ExportKind) {
    setBusy(kind);
    try {
      await downloadFile(urls[kind], `${baseName}.${kind}`, i18n.language);
    } catch (error) {
      void message.error(errorMessageOf(error, t('common.error')));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Space size={8} wrap>
      <Button icon={<FileWordOutlined />} loading={busy === 'docx'} onClick={() => void run('docx')} data-testid={`${testIdPrefix}-docx`}>
        {labels.docx}
      </Button>
      <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} onClick={() => void run('xlsx')} data-testid={`${testIdPrefix}-xlsx`}>
        {labels.xlsx}
      </Button>
    </Space>
  );
}
