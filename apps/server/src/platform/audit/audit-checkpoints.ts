import type { Executor } from '@atmis/db';
import { currentAuditKey, lastAuditEvent } from './audit-log.ts';
import { appendCheckpoint, readCheckpoints, signCheckpoint, type AuditCheckpoint } from './audit-key.ts';

/**
 * Appends a signed checkpoint (last seq + hash) to the checkpoint file, outside the database, unless the
 * chain has not moved since the last one. Returns the checkpoint written, or null.
 */
export async function writeAuditCheckpoint(
  executor: Executor,
  filePath: string,
  now: Date = new Date(),
  lastWritten?: { seq: number } | null,
): Promise<AuditCheckpoint | null> {
  const last = await lastAuditEvent(executor);
  if (!last) return null;
  const previous = lastWritten === undefined ? readCheckpoints(filePath).checkpoints.at(-1) : lastWritten;
  if (previous && previous.seq === last.seq) return null;
  const checkpoint = signCheckpoint(currentAuditKey(), last.seq, last.hash, now);
  appendCheckpoint(filePath, checkpoint);
  return checkpoint;
}

export interface CheckpointWriter {
  /** Writes a last checkpoint and stops the timer (server shutdown). */
  stop(): Promise<void>;
}

/** Writes a checkpoint at start, every `intervalMs` (5 minutes by default) and at shutdown. */
export function startAuditCheckpoints(options: {
  db: Executor;
  filePath: string;
  intervalMs?: number;
  log: (message: string) => void;
}): CheckpointWriter {
  let last: { seq: number } | null | undefined;
  let running: Promise<void> = Promise.resolve();
  const write = () => {
    running = running.then(async () => {
      try {
        const written = await writeAuditCheckpoint(options.db, options.filePath, new Date(), last);
        if (written) last = written;
        else last ??= readCheckpoints(options.filePath).checkpoints.at(-1) ?? null;
      } catch (error) {
        options.log(`không ghi được điểm kiểm tra nhật ký vào ${options.filePath}: ${(error as Error).message}`);
      }
    });
    return running;
  };
  void write();
  const timer = setInterval(() => void write(), options.intervalMs ?? 5 * 60_000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await write();
    },
  };
}
