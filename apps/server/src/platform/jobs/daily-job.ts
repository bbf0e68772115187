import { vietnamWallClock } from '@atmis/domain';

/** Daily jobs (task digest, report reminders) run at the start of the working day, Vietnam time. */
export const DAILY_JOB_HOUR = 7;

/** Vietnam's calendar date and hour for an instant (UTC+7 all year, no daylight saving). */
export function vietnamClock(now: Date): { date: string; hour: number } {
  const { date, hour } = vietnamWallClock(now);
  return { date, hour };
}

/** Whether a tick at `now` should run today's job, given the date of the last run. */
export function isDailyJobDue(now: Date, lastRunDate: string | null): boolean {
  const { date, hour } = vietnamClock(now);
  return hour >= DAILY_JOB_HOUR && date !== lastRunDate;
}

/**
 * Checks every `intervalMs` (hourly by default) and runs `job.run(date)` once a day after 07:00.
 * The jobs are idempotent per day as well, so a restart or a second instance does not repeat them.
 * `run` answers the line to log; a failure is logged with `job.failure` and retried at the next tick.
 */
export function startDailyJob(
  deps: { clock: () => Date; log: (message: string) => void },
  job: { run: (date: string) => Promise<string>; failure: string },
  intervalMs = 3_600_000,
) {
  let lastRunDate: string | null = null;
  let isRunning = false;

  async function tick(): Promise<void> {
    const now = deps.clock();
    if (isRunning || !isDailyJobDue(now, lastRunDate)) return;
    isRunning = true;
    try {
      const date = vietnamClock(now).date;
      const line = await job.run(date);
      lastRunDate = date;
      deps.log(line);
    } catch (error) {
      deps.log(`${job.failure}: ${(error as Error).message}`);
    } finally {
      isRunning = false;
    }
  }

  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return { tick, stop: () => clearInterval(timer) };
}
