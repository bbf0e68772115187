import type { Problem } from '@atmis/domain';
import { ApiError, CSRF_COOKIE, readCookie } from './api.ts';

function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

/**
 * Fetches a file first and then saves it, so that a failure shows the server's message instead of a
 * broken download. A POST (an export that carries a reason) sends its JSON body with the CSRF token.
 */
export async function downloadFile(
  url: string,
  fallbackName: string,
  language: string,
  options: { method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<void> {
  const headers: Record<string, string> = { 'Accept-Language': language };
  let body: string | undefined;
  if (options.method === 'POST') {
    headers['Content-Type'] = 'application/json';
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers['X-CSRF-Token'] = csrf;
    body = JSON.stringify(options.body ?? {});
  }
  const response = await fetch(url, { method: options.method ?? 'GET', credentials: 'same-origin', headers, body });
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
