import type { Database } from '@atmis/db';
import type { Actor } from '@atmis/domain';
import { vietnamToday } from '@atmis/domain/plans/index';
import { createNotificationsService } from './notifications.service.ts';

/** The digest runs as the system, across the whole country; its run is audited like any other. */
const SYSTEM_ACTOR: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  orgUnitId: 'VN',
  agencyId: null,
  assignments: [
    {
      id: 'system',
      roleId: 'system',
      roleCode: 'system',
      permissions: ['manage:plans'],
      orgUnitId: 'VN',
      agencyId: null,
      scope: 'national',
    },
  ],
};
const SYSTEM_CONTEXT = { actorUserId: null, actorUsername: 'system', ip: null, userAgent: null };
/** Officials get the digest at the start of the working day, Vietnam time. */
export const DIGEST_HOUR = 7;

/** Vietnam's calendar date and hour for an instant (UTC+7 all year, no daylight saving). */
export function vietnamClock(now: Date): { date: string; hour: number } {
  return { date: vietnamToday(now), hour: new Date(now.getTime() + 7 * 3_600_000).getUTCHours() };
}

/** Whether a tick at `now` should send today's digest, given the date of the last run. */
export function isDigestDue(now: Date, lastRunDate: string | null): boolean {
  const { date, hour } = vietnamClock(now);
  return hour >= DIGEST_HOUR && date !== lastRunDate;
}

/**
 * Checks every `intervalMs` (hourly by default) and sends the daily digest once a day after 07:00.
 * Sending is idempotent per day as well, so a restart or a second instance does not send twice.
 */
export function startDailyDigest(deps: { db: Database; clock: () => Date; log: (message: string) => void }, intervalMs = 3_600_000) {
  const notifications = createNotificationsService(deps);
  let lastRunDate: string | null = null;
  let isRunning = false;

  async function tick(): Promise<void> {
    const now = deps.clock();
    if (isRunning || !isDigestDue(now, lastRunDate)) return;
    isRunning = true;
    try {
      const date = vietnamClock(now).date;
      const result = await notifications.runDigest(SYSTEM_ACTOR, date, SYSTEM_CONTEXT);
      lastRunDate = date;
      deps.log(`Bản tin nhiệm vụ ngày ${date}: ${result.notificationsCreated} thông báo, ${result.emailsSent} thư điện tử`);
    } catch (error) {
      deps.log(`Không gửi được bản tin nhiệm vụ: ${(error as Error).message}`);
    } finally {
      isRunning = false;
    }
  }

  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return { tick, stop: () => clearInterval(timer) };
}
