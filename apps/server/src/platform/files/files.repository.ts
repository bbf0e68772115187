import { files, type Executor } from '@atmis/db';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';

/** What is shown of a file: everything but its content and owner. */
const fileMetadata = {
  id: files.id,
  fileName: files.fileName,
  mime: files.mime,
  size: files.size,
  sha256: files.sha256,
  uploadedBy: files.uploadedBy,
  createdAt: files.createdAt,
};

/** A stored file with its content and owner record (if attached). */
export type FileRow = typeof files.$inferSelect;

/** The file of that id, with its content, or null. */
export async function findFile(executor: Executor, id: string): Promise<FileRow | null> {
  const [row] = await executor.select().from(files).where(eq(files.id, id));
  return row ?? null;
}

/** Stores an uploaded, not yet attached file; its metadata as written (without the content). */
export async function insertFile(
  executor: Executor,
  values: Pick<typeof files.$inferInsert, 'fileName' | 'mime' | 'size' | 'sha256' | 'content' | 'uploadedBy'>,
) {
  const [created] = await executor.insert(files).values(values).returning(fileMetadata);
  return created!;
}

/**
 * Attaches to an owner record those of the files that the user uploaded and that are not attached
 * yet; the ids attached (fewer than asked when some were someone else's or already attached).
 */
export async function attachUnattachedFiles(
  executor: Executor,
  userId: string,
  fileIds: readonly string[],
  ownerType: string,
  ownerId: string,
): Promise<string[]> {
  const attached = await executor
    .update(files)
    .set({ ownerType, ownerId })
    .where(and(inArray(files.id, [...fileIds]), eq(files.uploadedBy, userId), isNull(files.ownerId)))
    .returning({ id: files.id });
  return attached.map((row) => row.id);
}

/** The files attached to the given owner records (metadata only), oldest first. */
export async function filesOfOwners(executor: Executor, ownerType: string, ownerIds: readonly string[]) {
  if (!ownerIds.length) return [];
  return executor
    .select({ ...fileMetadata, ownerId: files.ownerId })
    .from(files)
    .where(and(eq(files.ownerType, ownerType), inArray(files.ownerId, [...ownerIds])))
    .orderBy(asc(files.createdAt));
}
