import type { Executor, victimRepatriations } from '@atmis/db';
import {
  type AttachmentKind,
  type attachmentViewSchema,
  type correctionViewSchema,
  type RepatriationStatus,
  type repatriationViewSchema,
} from '@atmis/domain';
import type { z } from 'zod';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import { toIso } from '../../platform/http/pagination.ts';
import { AAD, isPersonVisible, type FileAccess } from './victim-access.ts';
import { fileAttachmentMeta, fileCorrections, fileRepatriations, type AttachmentMetaRow } from './victim-files.repository.ts';

/**
 * The views of the records that complete a file (repatriation, documents, corrections) and who
 * sees them: the detail, the upload answer and the download all apply the same rules.
 */

export type RepatriationView = z.infer<typeof repatriationViewSchema>;
export type RepatriationRow = typeof victimRepatriations.$inferSelect;

export function presentRepatriation(cipher: FieldCipher, row: RepatriationRow): RepatriationView {
  return {
    id: row.id,
    personId: row.personId,
    country: row.country,
    mission: row.mission,
    missionContactedOn: row.missionContactedOn,
    handoverOn: row.handoverOn,
    handoverPlace: row.handoverPlace,
    status: row.status as RepatriationStatus,
    notes: cipher.decryptNullable(row.notesEnc, AAD.repatriationNotes),
  };
}

/**
 * Who sees a document: a support document with the support records (a referral receiver only for
 * the persons referred to it); every other kind with the 'evidence' section — file readers only,
 * never through a referral.
 */
export function isAttachmentVisible(access: FileAccess, attachment: { kind: string; personId: string | null }): boolean {
  if (attachment.kind === 'support_document') {
    if (!access.sections.includes('support_records')) return false;
    return access.access === 'file' || (attachment.personId !== null && isPersonVisible(access, attachment.personId));
  }
  return access.sections.includes('evidence') && access.access === 'file';
}

/** Whether the reader may see any document of the file at all (else the detail shows null, not []). */
export function seesAttachments(access: FileAccess): boolean {
  return access.sections.includes('support_records') || (access.sections.includes('evidence') && access.access === 'file');
}

export type AttachmentView = z.infer<typeof attachmentViewSchema>;

export function presentAttachment(cipher: FieldCipher, row: AttachmentMetaRow): AttachmentView {
  return {
    id: row.id,
    personId: row.personId,
    kind: row.kind as AttachmentKind,
    fileName: cipher.decrypt(row.fileNameEnc, AAD.attachmentName),
    description: cipher.decryptNullable(row.descriptionEnc, AAD.attachmentDescription),
    mediaType: row.mediaType,
    size: row.size,
    sha256: row.sha256,
    uploadedByName: row.uploadedByName,
    createdAt: toIso(row.createdAt) as string,
  };
}

export type CorrectionView = z.infer<typeof correctionViewSchema>;

/**
 * The parts of the detail about repatriation, documents and corrections, as the reader may see
 * them (null: not for this reader).
 */
export async function fileRecordSections(
  executor: Executor,
  cipher: FieldCipher,
  access: FileAccess,
): Promise<{ repatriations: RepatriationView[] | null; attachments: AttachmentView[] | null; corrections: CorrectionView[] | null }> {
  const fileId = access.file.id;
  const repatriations = access.sections.includes('repatriation')
    ? (await fileRepatriations(executor, fileId)).map((row) => presentRepatriation(cipher, row))
    : null;
  const attachments = seesAttachments(access)
    ? (await fileAttachmentMeta(executor, fileId))
        .filter((row) => isAttachmentVisible(access, row))
        .map((row) => presentAttachment(cipher, row))
    : null;
  const corrections = access.relations.canView
    ? (await fileCorrections(executor, fileId)).map((row) => ({
        id: row.id,
        entityType: row.entityType as 'person' | 'reception',
        personId: row.entityType === 'person' ? row.entityId : null,
        changedFields: row.changedFields,
        reason: row.reason,
        changedAt: toIso(row.changedAt) as string,
        changedByName: row.changedByName,
      }))
    : null;
  return { repatriations, attachments, corrections };
}
