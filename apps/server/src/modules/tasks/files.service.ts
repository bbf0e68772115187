import { createHash } from 'node:crypto';
import { files, taskUpdates, type Database, type Executor } from '@atmis/db';
import { FILE_MAX_BYTES, scopeFilterFor, type Actor, type FileView } from '@atmis/domain';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { requireAllowedUpload } from '../../platform/documents/upload-content.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { toIso } from '../../platform/http/pagination.ts';
import { findPlanInScope } from '../plans/plans.repository.ts';
import { findTaskInScope } from './tasks.repository.ts';

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
  const attached = await tx
    .update(files)
    .set({ ownerType, ownerId })
    .where(and(inArray(files.id, unique), eq(files.uploadedBy, actor.userId), isNull(files.ownerId)))
    .returning({ id: files.id });
  if (attached.length !== unique.length) {
    throw new AppError('file.invalid', { detail: 'tệp không tồn tại, không phải do bạn tải lên hoặc đã được đính kèm nơi khác' });
  }
}

/**
 * Evidence files: uploaded first (JSON base64, ≤ 10 MB, stored in the database), attached later. Only
 * documents and images are accepted, by content (PDF, JPG, PNG, DOCX, XLSX, plain text); the stored type
 * is the detected one, not the `mime` the client sent.
 */
export function createFilesService({ db, clock }: { db: Database; clock: () => Date }) {
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
      const [created] = await tx
        .insert(files)
        .values({
          fileName: input.fileName,
          mime: mediaType,
          size: content.length,
          sha256,
          content,
          uploadedBy: actor.userId,
        })
        .returning({
          id: files.id,
          fileName: files.fileName,
          mime: files.mime,
          size: files.size,
          sha256: files.sha256,
          uploadedBy: files.uploadedBy,
          createdAt: files.createdAt,
        });
      await recordAudit(
        tx,
        context,
        {
          action: 'file.uploaded',
          entityType: 'file',
          entityId: created!.id,
          orgUnitId: actor.orgUnitId,
          details: { fileName: input.fileName, mime: mediaType, size: content.length, sha256 },
        },
        clock(),
      );
      return created!;
    });
    return presentFile(row);
  }

  /** A file is readable by its uploader while unattached, then by whoever may see its owner record. */
  async function download(actor: Actor, id: string) {
    const [row] = await db.select().from(files).where(eq(files.id, id));
    if (!row) throw notFound();
    let isAllowed = false;
    if (!row.ownerId) isAllowed = row.uploadedBy === actor.userId;
    else if (row.ownerType === 'task_update') {
      const [update] = await db.select({ taskId: taskUpdates.taskId }).from(taskUpdates).where(eq(taskUpdates.id, row.ownerId));
      isAllowed = Boolean(update && (await findTaskInScope(db, scopeFilterFor(actor, 'read:tasks'), update.taskId)));
    } else if (row.ownerType === 'plan') {
      isAllowed = Boolean(await findPlanInScope(db, scopeFilterFor(actor, 'read:plans'), row.ownerId));
    }
    if (!isAllowed) throw notFound();
    return row;
  }

  return { upload, download };
}
