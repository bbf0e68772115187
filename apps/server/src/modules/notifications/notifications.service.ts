import type { Database, Executor } from '@atmis/db';
import type { Actor, NotificationView } from '@atmis/domain';
import { addDays, buildDailyDigest, DUE_SOON_DAYS, formatDigest, vietnamToday, type DigestTask } from '@atmis/domain/plans/index';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { decodeCursor, encodeCursor, toIso } from '../../platform/http/pagination.ts';
import { createMailer, type Mail, type Mailer } from '../../platform/mail/mailer.ts';
import {
  agencyRecipients,
  digestTasksDueBy,
  findMyNotification,
  insertNotifications,
  listNotifications,
  markNotificationRead,
  type NotificationRow,
} from './notifications.repository.ts';

export interface NewNotification {
  kind: string;
  title: string;
  body: string;
  link: string | null;
  entityType: string | null;
  entityId: string | null;
  dedupeKey?: string;
}

/**
 * Notifies an agency: one notification per user who acts for it (each reads their own), or one
 * for the agency itself while it has no users yet. `exceptUserIds` (whoever handed the work over)
 * are not told of their own act. Returns the emails to send after commit.
 */
export async function notifyAgency(
  tx: Executor,
  agencyId: string,
  notification: NewNotification,
  options: { exceptUserIds?: readonly string[] } = {},
): Promise<{ created: number; mails: Mail[] }> {
  const everyone = await agencyRecipients(tx, [agencyId]);
  const except = new Set(options.exceptUserIds ?? []);
  const recipients = everyone.filter((r) => !except.has(r.userId));
  if (everyone.length && !recipients.length) return { created: 0, mails: [] };
  if (recipients.length) return notifyUsers(tx, recipients, notification);
  const inserted = await insertNotifications(tx, [
    {
      ...notification,
      recipientAgencyId: agencyId,
      dedupeKey: notification.dedupeKey ? `${notification.dedupeKey}:agency:${agencyId}` : null,
    },
  ]);
  return { created: inserted.length, mails: [] };
}

/** Notifies named users, one notification each (deduplicated per user); the emails to send after commit. */
export async function notifyUsers(
  tx: Executor,
  recipients: readonly { userId: string; email: string | null }[],
  notification: NewNotification,
): Promise<{ created: number; mails: Mail[] }> {
  const unique = [...new Map(recipients.map((r) => [r.userId, r])).values()];
  if (!unique.length) return { created: 0, mails: [] };
  const inserted = await insertNotifications(
    tx,
    unique.map((r) => ({
      ...notification,
      recipientUserId: r.userId,
      dedupeKey: notification.dedupeKey ? `${notification.dedupeKey}:${r.userId}` : null,
    })),
  );
  const insertedUsers = new Set(inserted.map((row) => row.recipientUserId));
  const emails = [...new Set(unique.filter((r) => r.email && insertedUsers.has(r.userId)).map((r) => r.email!))];
  return { created: inserted.length, mails: emails.length ? [{ to: emails, subject: notification.title, text: notification.body }] : [] };
}

function present(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    entityType: row.entityType,
    entityId: row.entityId,
    readAt: toIso(row.readAt),
    createdAt: toIso(row.createdAt) as string,
  };
}

export function createNotificationsService({ db, clock }: { db: Database; clock: () => Date }, mailer: Mailer = createMailer()) {
  /** Unread first, newest first within each group; the cursor is (read?, id). */
  async function list(actor: Actor, query: { limit: number; cursor?: string | undefined; unreadOnly?: 'true' | 'false' | undefined }) {
    const after = decodeCursor(query.cursor, 2) as [number, string] | null;
    const { rows, total, unread } = await listNotifications(db, actor, {
      limit: query.limit,
      after,
      unreadOnly: query.unreadOnly === 'true',
    });
    const items = rows.slice(0, query.limit).map(present);
    const last = items.at(-1);
    return {
      items,
      total,
      unread,
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.readAt ? 1 : 0, last.id]) : null,
    };
  }

  async function markRead(actor: Actor, id: string, context: AuditContext): Promise<NotificationView> {
    const row = await findMyNotification(db, actor, id);
    if (!row) throw notFound();
    if (row.readAt) return present(row);
    const updated = await db.transaction(async (tx) => {
      const saved = await markNotificationRead(tx, id, clock());
      await recordAudit(
        tx,
        context,
        { action: 'notification.read', entityType: 'notification', entityId: id, orgUnitId: actor.orgUnitId },
        clock(),
      );
      return saved;
    });
    return present(updated);
  }

  /**
   * The daily digest for the tasks of issued plans in the actor's manage:plans reach (all of them
   * for a national actor): each lead agency hears of its overdue and due-soon tasks, once per day.
   */
  async function runDigest(actor: Actor, date: string | undefined, context: AuditContext | null) {
    const today = date ?? vietnamToday(clock());
    const due = await digestTasksDueBy(db, actor, addDays(today, DUE_SOON_DAYS));
    const digest = buildDailyDigest(due as DigestTask[], today);
    const mails: Mail[] = [];
    let created = 0;
    await db.transaction(async (tx) => {
      for (const entry of digest) {
        const { title, body } = formatDigest(entry, today);
        const result = await notifyAgency(tx, entry.agencyId, {
          kind: 'task_digest',
          title,
          body,
          link: '/tasks?mine=true',
          entityType: null,
          entityId: null,
          dedupeKey: `digest:${today}`,
        });
        created += result.created;
        mails.push(...result.mails);
      }
      if (context) {
        await recordAudit(
          tx,
          context,
          {
            action: 'notification.digest_sent',
            entityType: 'notification',
            entityId: null,
            orgUnitId: actor.orgUnitId,
            details: { date: today, agencies: digest.length, notificationsCreated: created },
          },
          clock(),
        );
      }
    });
    const emailsSent = await mailer.send(mails);
    return { date: today, agencies: digest.length, notificationsCreated: created, emailsSent };
  }

  return { list, markRead, runDigest, mailer };
}
