import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import type { Problem } from '@atmis/domain';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessageOf } from '../lib/api.ts';

type ExportKind = 'docx' | 'xlsx';

function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

/** Fetches the export first, so a failure shows the server's message instead of a broken download. */
async function download(url: string, fallbackName: string, language: string): Promise<void> {
  const response = await fetch(url, { credentials: 'same-origin', headers: { 'Accept-Language': language } });
  if (!response.ok) {
    const problem: unknown = await response.json().catch(() => null);
    if (problem && typeof problem === 'object' && 'title' in problem)
      throw new ApiError({ type: 'about:blank', status: response.status, code: 'server.internal', ...(problem as object) } as Problem);
    throw new Error(String(response.status));
  }
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.download = fileNameOf(response, fallbackName);
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), 30_000);
}

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
      await download(urls[kind], `${baseName}.${kind}`, i18n.language);
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
