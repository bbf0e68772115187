import type { Database } from '@atmis/db';
import { createMailer, type Mailer } from '../../platform/mail/mailer.ts';
import type { PrefillRegistry } from '../../platform/prefill/prefill-registry.ts';
import { startDailyJob } from '../../platform/jobs/daily-job.ts';
import { createConsolidationService } from './consolidation.service.ts';
import { createReportSchedulesService } from './report-schedules.service.ts';
import { createReportsService } from './reports.service.ts';

/** The daily reports run for the whole country, as the system (audited as such). */
export function createDailyReportsRun(
  deps: { db: Database; clock: () => Date; prefill: PrefillRegistry },
  mailer: Mailer = createMailer(),
) {
  const schedules = createReportSchedulesService(deps, mailer);
  const reports = createReportsService(deps);
  return createConsolidationService(deps, schedules, reports, mailer).runDaily;
}

/**
 * Once a day after 07:00 Vietnam time (see startDailyJob, like the task digest): every active
 * schedule gets its reports up to the current period, and agencies whose reports are due soon or
 * late are reminded. Reminders are idempotent per report and day, so a restart or a second
 * instance does not remind twice.
 */
export function startDailyReports(
  deps: { db: Database; clock: () => Date; prefill: PrefillRegistry; log: (message: string) => void },
  intervalMs = 3_600_000,
) {
  const run = createDailyReportsRun(deps);
  return startDailyJob(
    deps,
    {
      run: async (date) => {
        const result = await run(date);
        return `Báo cáo định kỳ ngày ${date}: ${result.reportsCreated} kỳ báo cáo mới, ${result.notified} lời nhắc, ${result.emailsSent} thư điện tử`;
      },
      failure: 'Không chạy được việc nhắc báo cáo định kỳ',
    },
    intervalMs,
  );
}
