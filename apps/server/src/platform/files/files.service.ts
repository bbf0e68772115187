import { createHash } from 'node:crypto';
import type { Database, Executor } from '@atmis/db';
import { FILE_MAX_BYTES, type Actor, type FileView } from '@atmis/domain';
import { recordAudit, type AuditContext } from '../audit/audit-log.ts';
import { requireAllowedUpload } from '../documents/upload-content.ts';
import { AppError, notFound } from '../errors/app-error.ts';
import { toIso } from '../http/pagination.ts';
import { attachUnattachedFiles, findFile, insertFile } from './files.repository.ts';

export function presentFile(row: {
  id: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  createdAt: Date;
}): FileView {
  return {
    id: row.id,
    fileName: row.fileName,
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
    uploadedBy: row.uploadedBy,
    createdAt: toIso(row.createdAt) as string,
  };
}

/**
 * Attaches the actor's own, not yet attached uploads to a record (inside the record's transaction).
 * Someone else's file, or one already attached elsewhere, is refused.
 */
export async function attachFiles(
  tx: Executor,
  actor: Actor,
  fileIds: readonly string[] | undefined,
  ownerType: string,
  ownerId: string,
): Promise<void> {
  if (!fileIds?.length) return;
  const unique = [...new Set(fileIds)];
  const attached = await attachUnattachedFiles(tx, actor.userId, unique, ownerType, ownerId);
  if (attached.length !== unique.length) {
    throw new AppError('file.invalid', { detail: 'tệp không tồn tại, không phải do bạn tải lên hoặc đã được đính kèm nơi khác' });
  }
}

/**
 * Whether the actor may see the owner record of that type and id (and so its attached files); each
 * module that attaches files answers for its own owner type.
 */
export type FileOwnerAccess = Readonly<Record<string, (actor: Actor, ownerId: string) => Promise<boolean>>>;

/**
 * Evidence files: uploaded first (JSON base64, ≤ 10 MB, stored in the database), attached later. Only
 * documents and images are accepted, by content (PDF, JPG, PNG, DOCX, XLSX, plain text); the stored type
 * is the detected one, not the `mime` the client sent.
 */
export function createFilesService({ db, clock, ownerAccess }: { db: Database; clock: () => Date; ownerAccess: FileOwnerAccess }) {
  async function upload(
    actor: Actor,
    input: { fileName: string; contentBase64: string; mime: string },
    context: AuditContext,
  ): Promise<FileView> {
    const content = Buffer.from(input.contentBase64, 'base64');
    if (content.length === 0) throw new AppError('file.invalid', { detail: 'tệp rỗng (0 byte)' });
    if (content.length > FILE_MAX_BYTES) throw new AppError('file.too_large', { limit: FILE_MAX_BYTES / 1024 / 1024 });
    const { mediaType } = requireAllowedUpload(input.fileName, content);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const row = await db.transaction(async (tx) => {
      const created = await insertFile(tx, {
        fileName: input.fileName,
        mime: mediaType,
        size: content.length,
        sha256,
        content,
        uploadedBy: actor.userId,
      });
      await recordAudit(
        tx,
        context,
        {
          action: 'file.uploaded',
          entityType: 'file',
          entityId: created.id,
          orgUnitId: actor.orgUnitId,
          details: { fileName: input.fileName, mime: mediaType, size: content.length, sha256 },
        },
        clock(),
      );
      return created;
    });
    return presentFile(row);
  }

  /** A file is readable by its uploader while unattached, then by whoever may see its owner record. */
  async function download(actor: Actor, id: string) {
    const row = await findFile(db, id);
    if (!row) throw notFound();
    let isAllowed = false;
    if (!row.ownerId) isAllowed = row.uploadedBy === actor.userId;
    else {
      const mayReadOwner = row.ownerType && Object.hasOwn(ownerAccess, row.ownerType) ? ownerAccess[row.ownerType] : undefined;
      if (mayReadOwner) isAllowed = await mayReadOwner(actor, row.ownerId);
    }
    if (!isAllowed) throw notFound();
    return row;
  }

  return { upload, download };
}
