import { createHash } from 'node:crypto';
import { type Actor, type attachmentUploadBodySchema, detectAttachmentFormat } from '@atmis/domain';
import type { z } from 'zod';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import {
  AAD,
  accessColumnsOf,
  createFileWriter,
  invalid,
  loadFileAccess,
  personOf,
  requireOpen,
  requireSupportManager,
  type VictimDeps,
} from './victim-access.ts';
import { attachmentById, attachmentMetaById, insertAttachment } from './victim-documents.repository.ts';
import { isAttachmentVisible, presentAttachment } from './victim-record-views.ts';

type UploadBody = z.infer<typeof attachmentUploadBodySchema>;

/** The bytes of a base64 text, or null when it is not canonical base64 (Node would silently skip bad characters). */
function decodeBase64(text: string): Buffer | null {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64').replace(/=+$/, '') === text.replace(/=+$/, '') ? bytes : null;
}

function attachmentInvalid(path: 'contentBase64' | 'fileName', message: string): AppError {
  return new AppError('victim.attachment_invalid', { detail: message }, [{ path, message }]);
}

/**
 * Documents of a victim file: scans and office files checked from their content, stored encrypted
 * (name, description and content), read one at a time and every read audited.
 */
export function createVictimDocumentsService({ db, clock, cipher }: VictimDeps) {
  const write = createFileWriter({ db, clock });

  /**
   * Who uploads: manage:victims on the file (any kind), or one who records support for the person
   * (manage:support in scope, or the receiving agency of the person's referral) for a support document.
   */
  async function upload(actor: Actor, fileId: string, body: UploadBody, context: AuditContext) {
    const access = await loadFileAccess(db, actor, fileId);
    if (!access.relations.canManage) {
      if (body.kind !== 'support_document') throw forbidden();
      if (!access.relations.canManageSupport) {
        if (!body.personId) {
          if (!access.relations.isReferralReceiver) throw forbidden();
          throw invalid({ personId: 'Chọn người được hỗ trợ mà tài liệu này thuộc về.' });
        }
        await requireSupportManager(db, actor, access, body.personId);
      }
    }
    if (body.personId) personOf(access, body.personId);
    requireOpen(access);
    const bytes = decodeBase64(body.contentBase64);
    if (!bytes) throw attachmentInvalid('contentBase64', 'Nội dung tệp không phải dữ liệu base64 hợp lệ.');
    const detected = detectAttachmentFormat(body.fileName, bytes);
    if (!detected.ok) {
      // The extension is the officer's to fix on the name; anything else is about the file itself.
      throw attachmentInvalid(detected.message.startsWith('Phần mở rộng') ? 'fileName' : 'contentBase64', detected.message);
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const id = await write(
      access,
      context,
      // Never the name: it may say who the document is about.
      { action: 'victim.attachment_added', details: { kind: body.kind, personId: body.personId ?? null, size: bytes.length, sha256 } },
      (tx) =>
        insertAttachment(tx, {
          fileId,
          personId: body.personId ?? null,
          ...accessColumnsOf(access.file),
          kind: body.kind,
          fileNameEnc: cipher.encrypt(body.fileName, AAD.attachmentName),
          descriptionEnc: cipher.encryptNullable(body.description, AAD.attachmentDescription),
          mediaType: detected.mediaType,
          size: bytes.length,
          sha256,
          contentEnc: cipher.encrypt(bytes.toString('base64'), AAD.attachmentContent),
          uploadedBy: actor.userId,
          createdAt: clock(),
        }),
    );
    const row = await attachmentMetaById(db, id);
    return presentAttachment(cipher, row!);
  }

  /** One document's content, for a reader who sees it in the file (else 404); the read is audited. */
  async function download(actor: Actor, id: string, context: AuditContext) {
    const row = await attachmentById(db, id);
    if (!row) throw notFound();
    const access = await loadFileAccess(db, actor, row.fileId);
    if (!isAttachmentVisible(access, row)) throw notFound();
    const content = Buffer.from(cipher.decrypt(row.contentEnc, AAD.attachmentContent), 'base64');
    const fileName = cipher.decrypt(row.fileNameEnc, AAD.attachmentName);
    await db.transaction((tx) =>
      recordAudit(
        tx,
        context,
        {
          action: 'victim.attachment_downloaded',
          entityType: 'victim_file',
          entityId: row.fileId,
          orgUnitId: row.orgUnitId,
          details: { attachmentId: row.id, kind: row.kind, personId: row.personId, via: access.access },
        },
        clock(),
      ),
    );
    return { fileName, mediaType: row.mediaType, content };
  }

  return { upload, download };
}
