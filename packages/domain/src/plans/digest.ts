import type { TaskStatus } from './task-status.ts';
import { taskTiming } from './task-timing.ts';

export interface DigestTask {
  id: string;
  content: string;
  planTitle: string;
  leadAgencyId: string | null;
  status: TaskStatus;
  dueDate: string | null;
}

export interface DigestEntry {
  agencyId: string;
  overdue: DigestTask[];
  dueSoon: DigestTask[];
}

const byDue = (a: DigestTask, b: DigestTask) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.id.localeCompare(b.id);

/**
 * The daily digest: for each lead agency, its overdue and due-soon tasks as of `today`. Agencies
 * with nothing to say get no entry; tasks without a lead agency have no one to tell.
 */
export function buildDailyDigest(tasks: readonly DigestTask[], today: string): DigestEntry[] {
  const entries = new Map<string, DigestEntry>();
  for (const task of tasks) {
    if (!task.leadAgencyId) continue;
    const timing = taskTiming(task, today);
    if (timing !== 'overdue' && timing !== 'due_soon') continue;
    const entry = entries.get(task.leadAgencyId) ?? { agencyId: task.leadAgencyId, overdue: [], dueSoon: [] };
    (timing === 'overdue' ? entry.overdue : entry.dueSoon).push(task);
    entries.set(task.leadAgencyId, entry);
  }
  return [...entries.values()]
    .map((entry) => ({ ...entry, overdue: entry.overdue.sort(byDue), dueSoon: entry.dueSoon.sort(byDue) }))
    .sort((a, b) => a.agencyId.localeCompare(b.agencyId));
}

function formatDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function shorten(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A digest lists at most this many tasks per heading (most overdue first), then a count. */
export const DIGEST_LIST_LIMIT = 20;

/** Vietnamese title and body of one agency's digest (dates dd/MM/yyyy). */
export function formatDigest(entry: DigestEntry, today: string): { title: string; body: string } {
  const title = `Nhắc việc ngày ${formatDate(today)}: ${entry.overdue.length} nhiệm vụ quá hạn, ${entry.dueSoon.length} nhiệm vụ sắp đến hạn`;
  const lines: string[] = [];
  const list = (heading: string, items: DigestTask[]) => {
    if (!items.length) return;
    lines.push(heading);
    for (const task of items.slice(0, DIGEST_LIST_LIMIT))
      lines.push(`- ${shorten(task.content)} (hạn ${formatDate(task.dueDate)}; ${shorten(task.planTitle, 80)})`);
    if (items.length > DIGEST_LIST_LIMIT) lines.push(`- … và ${items.length - DIGEST_LIST_LIMIT} nhiệm vụ khác`);
  };
  list('Quá hạn:', entry.overdue);
  list('Sắp đến hạn (trong 7 ngày):', entry.dueSoon);
  return { title, body: lines.join('\n') };
}
