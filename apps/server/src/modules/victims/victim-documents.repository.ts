import { victimAttachments, type Executor } from '@atmis/db';
import { eq } from 'drizzle-orm';
import { selectAttachmentMeta, type AttachmentMetaRow } from './victim-files.repository.ts';

// The SQL of a file's documents: who may upload or read one is the service's rule.

export type AttachmentRow = typeof victimAttachments.$inferSelect;
export type NewAttachment = typeof victimAttachments.$inferInsert;

/** Stores a document (name, description and content already encrypted); its id. */
export async function insertAttachment(executor: Executor, values: NewAttachment): Promise<string> {
  const [row] = await executor.insert(victimAttachments).values(values).returning({ id: victimAttachments.id });
  return row!.id;
}

/** One document's metadata without the content, or null. */
export async function attachmentMetaById(executor: Executor, id: string): Promise<AttachmentMetaRow | null> {
  const [row] = await selectAttachmentMeta(executor).where(eq(victimAttachments.id, id));
  return row ?? null;
}

/** One document with its (encrypted) content, or null. */
export async function attachmentById(executor: Executor, id: string): Promise<AttachmentRow | null> {
  const [row] = await executor.select().from(victimAttachments).where(eq(victimAttachments.id, id));
  return row ?? null;
}
