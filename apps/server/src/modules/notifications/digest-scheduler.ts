import type { Database } from '@atmis/db';
import type { Actor } from '@atmis/domain';
import { startDailyJob } from '../../platform/jobs/daily-job.ts';
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
/**
 * Sends the daily task digest once a day after 07:00 (see startDailyJob). Sending is idempotent per
 * day as well, so a restart or a second instance does not send twice.
 */
export function startDailyDigest(deps: { db: Database; clock: () => Date; log: (message: string) => void }, intervalMs = 3_600_000) {
  const notifications = createNotificationsService(deps);
  return startDailyJob(
    deps,
    {
      run: async (date) => {
        const result = await notifications.runDigest(SYSTEM_ACTOR, date, SYSTEM_CONTEXT);
        return `Bản tin nhiệm vụ ngày ${date}: ${result.notificationsCreated} thông báo, ${result.emailsSent} thư điện tử`;
      },
      failure: 'Không gửi được bản tin nhiệm vụ',
    },
    intervalMs,
  );
}
