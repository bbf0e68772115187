import type { Actor, PlanDetail, TaskView } from '@atmis/domain';
import { TASK_STATUS_LABELS } from '@atmis/domain/plans/index';
import type { Database } from '@atmis/db';
import { createPlansService } from '../../plans/index.ts';
import { createTasksService } from '../tasks.service.ts';
import type { PlanDocumentModel, PlanSection, TaskStatusRow } from './plan-document-model.ts';
import { renderPlanDocx } from './plan-docx.ts';
import { renderTaskStatusXlsx } from './task-status-xlsx.ts';

const RECURRENCE_LABELS: Record<string, string> = {
  continuous: 'Thường xuyên',
  monthly: 'Hằng tháng',
  quarterly: 'Hằng quý',
  six_monthly: 'Định kỳ 6 tháng',
  yearly: 'Hằng năm',
};
const COMPARATOR_WORDS: Record<string, string> = { '=': '', '>': 'trên ', '>=': 'ít nhất ', '<': 'dưới ', '<=': 'không quá ' };
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

function formatDate(iso: string | null): string | null {
  if (!iso) return null;
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

function agencyNames(task: TaskView, role: 'lead' | 'coordinating' | 'requested'): string[] {
  return task.agencies.filter((a) => a.role === role).map((a) => a.agencyName ?? a.nameAsWritten);
}

/** One task as the sentence an official would write: content, then who leads and by when. */
function taskParagraph(task: TaskView): string {
  const lead = agencyNames(task, 'lead');
  const coordinating = agencyNames(task, 'coordinating');
  const requested = agencyNames(task, 'requested');
  const assignment = [
    lead.length ? `${lead.join(', ')} chủ trì` : null,
    coordinating.length ? `phối hợp với ${coordinating.join(', ')}` : null,
    requested.length ? `đề nghị ${requested.join(', ')} phối hợp` : null,
  ].filter(Boolean);
  const timing = task.deadline
    ? `thời hạn: ${formatDate(task.deadline)}`
    : task.recurrence
      ? `thời gian: ${RECURRENCE_LABELS[task.recurrence]?.toLowerCase() ?? task.recurrence}`
      : task.deadlineText;
  const tail = [assignment.join(', '), timing].filter(Boolean).join('; ');
  return `- ${task.content.replace(/[.;]\s*$/, '')}${tail ? ` (${tail})` : ''}.`;
}

function preambleOf(plan: PlanDetail): string | null {
  const lines = plan.legalBasis.map((ref) => {
    const kind = typeof ref.kind === 'string' ? ref.kind : 'Văn bản';
    const number = typeof ref.number === 'string' ? ` số ${ref.number}` : '';
    const date = typeof ref.date === 'string' ? ` ngày ${formatDate(ref.date)}` : '';
    const issuer = typeof ref.issuer === 'string' ? ` của ${ref.issuer}` : '';
    const title = typeof ref.title === 'string' ? ` ${ref.title}` : '';
    return `Căn cứ ${kind}${number}${date}${issuer}${title};`;
  });
  return lines.length ? lines.join('\n') : null;
}

/** The stored plan as a document: objectives (targets), then tasks by section, then reporting. */
export function planDocumentModel(plan: PlanDetail, tasks: TaskView[]): PlanDocumentModel {
  const parts: PlanSection[] = [];
  if (plan.targets.length) {
    parts.push({
      heading: 'MỤC TIÊU, CHỈ TIÊU',
      paragraphs: plan.targets.map(
        (target) =>
          `- ${target.text.replace(/[.;]\s*$/, '')} (chỉ tiêu: ${COMPARATOR_WORDS[target.comparator] ?? ''}${target.value}${target.unit === '%' ? '%' : ''}).`,
      ),
    });
  }
  const bySection = new Map<string, TaskView[]>();
  for (const task of tasks) bySection.set(task.sectionPath, [...(bySection.get(task.sectionPath) ?? []), task]);
  const headingOf = new Map(plan.sections.map((section) => [section.path, section.heading]));
  parts.push({
    heading: 'NHIỆM VỤ, GIẢI PHÁP',
    paragraphs: tasks.length ? [] : ['(Chưa có nhiệm vụ.)'],
    subsections: [...bySection].map(([path, sectionTasks], index) => ({
      heading: `${index + 1}. ${headingOf.get(path) ?? sectionTasks[0]?.sectionTitle ?? path}`,
      paragraphs: sectionTasks.sort((a, b) => a.position - b.position).map(taskParagraph),
    })),
  });
  const reporting = plan.reporting
    .map((rule) => [rule.subject, rule.dueText ?? rule.due, rule.recipient].filter((v) => typeof v === 'string' && v).join(', '))
    .filter(Boolean);
  parts.push({
    heading: 'TỔ CHỨC THỰC HIỆN',
    paragraphs: reporting.length
      ? reporting.map((line) => `- Chế độ báo cáo: ${line}.`)
      : ['Các cơ quan, đơn vị căn cứ kế hoạch này xây dựng kế hoạch thực hiện và báo cáo kết quả theo quy định.'],
  });
  const issuerName = plan.issuerAgencyName ?? plan.issuerName ?? plan.orgUnitName;
  return {
    issuer: { parentName: null, name: issuerName.toUpperCase() },
    number: plan.number,
    symbol: plan.symbol,
    place: plan.place ?? plan.orgUnitName.replace(/^(Thành phố|Tỉnh)\s+/, ''),
    date: plan.issueDate,
    kind: 'KẾ HOẠCH',
    title: plan.title,
    preamble: preambleOf(plan),
    sections: parts.map((part, index) => ({ ...part, heading: `${ROMAN[index] ?? index + 1}. ${part.heading}` })),
    signer: { authority: null, position: plan.signer?.title ?? null, name: plan.signer?.name ?? null },
    recipients: plan.recipients,
  };
}

export function taskStatusRows(tasks: TaskView[]): TaskStatusRow[] {
  return tasks.map((task) => ({
    section: task.sectionTitle ? `${task.sectionPath} ${task.sectionTitle}`.trim() : task.sectionPath,
    content: task.content,
    lead: agencyNames(task, 'lead').join(', ') || '—',
    coordinating: agencyNames(task, 'coordinating'),
    requested: agencyNames(task, 'requested'),
    deadline: task.deadline,
    recurrence: task.recurrence ? (RECURRENCE_LABELS[task.recurrence] ?? task.recurrence) : null,
    status: TASK_STATUS_LABELS[task.status].vi,
    progressPercent: task.progressPercent,
    isOverdue: task.timing === 'overdue',
    lastUpdate: task.updatedAt,
    lastUpdateNote: null,
  }));
}

/** Exports read the plan and its tasks through the plans and tasks services, with the actor's scope. */
export function createPlanExportService(deps: { db: Database; clock: () => Date }) {
  const plans = createPlansService(deps);
  const tasks = createTasksService(deps);

  async function load(actor: Actor, planId: string) {
    const plan = await plans.get(actor, planId);
    const all: TaskView[] = [];
    let cursor: string | undefined;
    do {
      const page = await tasks.list(actor, { limit: 100, planId, ...(cursor ? { cursor } : {}) });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    all.sort((a, b) => a.sectionPath.localeCompare(b.sectionPath, 'vi', { numeric: true }) || a.position - b.position);
    return { plan, tasks: all };
  }

  async function planDocx(actor: Actor, planId: string) {
    const { plan, tasks: planTasks } = await load(actor, planId);
    return { plan, buffer: await renderPlanDocx(planDocumentModel(plan, planTasks)) };
  }

  async function taskStatusXlsx(actor: Actor, planId: string) {
    const { plan, tasks: planTasks } = await load(actor, planId);
    const planNumber = plan.number || plan.symbol ? `${plan.number ?? ''}/${plan.symbol ?? ''}` : null;
    const buffer = await renderTaskStatusXlsx({
      planTitle: plan.title,
      planNumber,
      generatedAt: deps.clock().toISOString(),
      rows: taskStatusRows(planTasks),
    });
    return { plan, buffer };
  }

  return { planDocx, taskStatusXlsx };
}
