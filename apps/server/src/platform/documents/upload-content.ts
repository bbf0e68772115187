/**
 * The allow-list of uploaded files, by content: every module that stores an upload calls
 * `requireAllowedUpload` (the same magic-byte rule as victim attachments, `detectDocumentFormat` in the
 * domain, which the web also runs before sending). The type stored and served is the detected one,
 * never the one the client claimed; `servedMediaType` keeps rows stored before this check (text/html,
 * image/svg+xml…) from being served as anything but a download of bytes.
 */
import { detectDocumentFormat, UPLOAD_MEDIA_TYPES, type UploadFormat } from '@atmis/domain';
import { AppError } from '../errors/app-error.ts';

/** What the refusal names: the formats accepted. */
export const UPLOAD_ALLOWED_LABEL = 'PDF, JPG, PNG, DOCX, XLSX hoặc TXT';

/** The detected format and media type of an upload, or a 415 (type not allowed) / 400 (empty, extension not matching). */
export function requireAllowedUpload(fileName: string, bytes: Uint8Array): { format: UploadFormat; mediaType: string } {
  const detected = detectDocumentFormat(fileName, bytes, { allowText: true });
  if (detected.ok) return { format: detected.format, mediaType: detected.mediaType };
  if (detected.problem === 'type') throw new AppError('file.unsupported_type', { allowed: UPLOAD_ALLOWED_LABEL });
  throw new AppError('file.invalid', { detail: detected.message });
}

const SERVED = new Map<string, string>(
  Object.values(UPLOAD_MEDIA_TYPES).map(({ mediaType }) => [
    mediaType,
    mediaType.startsWith('text/') ? `${mediaType}; charset=utf-8` : mediaType,
  ]),
);

/** The Content-Type to serve a stored upload with: an allowed type as stored, anything else as opaque bytes. */
export function servedMediaType(storedMime: string): string {
  return SERVED.get(storedMime.toLowerCase().split(';')[0]!.trim()) ?? 'application/octet-stream';
}
