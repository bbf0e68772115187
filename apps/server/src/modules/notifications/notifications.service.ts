import { notifications, queryRows, tasks, type Database, type Executor } from '@atmis/db';
import { scopeFilterFor, type Actor, type NotificationView } from '@atmis/domain';
import {
  actingAgencyIds,
  addDays,
  buildDailyDigest,
  DUE_SOON_DAYS,
  formatDigest,
  vietnamToday,
  type DigestTask,
} from '@atmis/domain/plans/index';
import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { scopeCondition } from '../../platform/access/scope-sql.ts';
import { recordAudit, type AuditContext } from '../../platform/audit/audit-log.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { decodeCursor, encodeCursor, toIso } from '../../platform/http/pagination.ts';
import { tasksDueBy } from '../tasks/tasks.repository.ts';
import { createMailer, type Mail, type Mailer } from '../../platform/mail/mailer.ts';

export interface NewNotification {
  kind: string;
  title: string;
  body: string;
  link: string | null;
  entityType: string | null;
  entityId: string | null;
  dedupeKey?: string;
}

/** The active users who act for an agency: their account's agency, or an unrevoked assignment for it. */
export async function agencyRecipients(executor: Executor, agencyIds: readonly string[]) {
  if (!agencyIds.length) return [];
  return queryRows<{ agencyId: string; userId: string; email: string | null }>(
    executor,
    sql`select distinct a.agency_id as "agencyId", u.id as "userId", u.email
        from (select id as user_id, agency_id from users where agency_id is not null
              union select user_id, agency_id from user_assignments where agency_id is not null and revoked_at is null) a
        join users u on u.id = a.user_id
        where u.status = 'active' and a.agency_id in (${sql.join(
          agencyIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
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
  const inserted = await tx
    .insert(notifications)
    .values({
      ...notification,
      recipientAgencyId: agencyId,
      dedupeKey: notification.dedupeKey ? `${notification.dedupeKey}:agency:${agencyId}` : null,
    })
    .onConflictDoNothing()
    .returning({ id: notifications.id });
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
  const inserted = await tx
    .insert(notifications)
    .values(
      unique.map((r) => ({
        ...notification,
        recipientUserId: r.userId,
        dedupeKey: notification.dedupeKey ? `${notification.dedupeKey}:${r.userId}` : null,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id, recipientUserId: notifications.recipientUserId });
  const insertedUsers = new Set(inserted.map((row) => row.recipientUserId));
  const emails = [...new Set(unique.filter((r) => r.email && insertedUsers.has(r.userId)).map((r) => r.email!))];
  return { created: inserted.length, mails: emails.length ? [{ to: emails, subject: notification.title, text: notification.body }] : [] };
}

function present(row: typeof notifications.$inferSelect): NotificationView {
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
  /** Mine: addressed to me, or to an agency I act for. */
  function mine(actor: Actor): SQL {
    const agencyIds = [...actingAgencyIds(actor, 'read:tasks'), ...(actor.agencyId ? [actor.agencyId] : [])];
    return or(
      eq(notifications.recipientUserId, actor.userId),
      agencyIds.length ? inArray(notifications.recipientAgencyId, [...new Set(agencyIds)]) : undefined,
    ) as SQL;
  }

  /** Unread first, newest first within each group; the cursor is (read?, id). */
  async function list(actor: Actor, query: { limit: number; cursor?: string | undefined; unreadOnly?: 'true' | 'false' | undefined }) {
    const after = decodeCursor(query.cursor, 2) as [number, string] | null;
    const isRead = sql`(${notifications.readAt} is not null)::int`;
    const conditions: SQL[] = [mine(actor)];
    if (query.unreadOnly === 'true') conditions.push(isNull(notifications.readAt));
    const where = and(...conditions);
    const page = after
      ? and(where, sql`(${isRead} > ${after[0]} or (${isRead} = ${after[0]} and ${notifications.id} < ${after[1]}))`)
      : where;
    const rows = await db
      .select()
      .from(notifications)
      .where(page)
      .orderBy(isRead, desc(notifications.id))
      .limit(query.limit + 1);
    const [count] = await db
      .select({ total: sql<number>`count(*)::int`, unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)::int` })
      .from(notifications)
      .where(where);
    const items = rows.slice(0, query.limit).map(present);
    const last = items.at(-1);
    return {
      items,
      total: count?.total ?? 0,
      unread: count?.unread ?? 0,
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.readAt ? 1 : 0, last.id]) : null,
    };
  }

  async function markRead(actor: Actor, id: string, context: AuditContext): Promise<NotificationView> {
    const [row] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.id, id), mine(actor)));
    if (!row) throw notFound();
    if (row.readAt) return present(row);
    const updated = await db.transaction(async (tx) => {
      const [saved] = await tx.update(notifications).set({ readAt: clock() }).where(eq(notifications.id, id)).returning();
      await recordAudit(
        tx,
        context,
        { action: 'notification.read', entityType: 'notification', entityId: id, orgUnitId: actor.orgUnitId },
        clock(),
      );
      return saved!;
    });
    return present(updated);
  }

  /**
   * The daily digest for the tasks of issued plans in the actor's manage:plans reach (all of them
   * for a national actor): each lead agency hears of its overdue and due-soon tasks, once per day.
   */
  async function runDigest(actor: Actor, date: string | undefined, context: AuditContext | null) {
    const today = date ?? vietnamToday(clock());
    const units = scopeCondition(scopeFilterFor(actor, 'manage:plans'), { orgUnitId: tasks.orgUnitId });
    const due = await tasksDueBy(db, units, addDays(today, DUE_SOON_DAYS));
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
