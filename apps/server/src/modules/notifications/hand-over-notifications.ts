import { formatVietnamDate } from '@atmis/domain';
import type { Transaction } from '@atmis/db';
import type { OutboxConsumer, OutboxConsumerSet } from '../../platform/outbox/outbox-dispatcher.ts';
import type { OutboxEvent } from '../../platform/outbox/outbox.repository.ts';
import {
  HAND_OVER_EVENTS,
  type PlanIssuedPayload,
  type ReferralHandOverPayload,
  type ReportHandOverPayload,
  type TaskHandOverPayload,
} from '../../platform/outbox/hand-over-events.ts';
import type { Mail, Mailer } from '../../platform/mail/mailer.ts';
import { activeUsers, standingOfficeOfPlan } from './notifications.repository.ts';
import { notifyAgency, notifyUsers, type NewNotification } from './notifications.service.ts';

const short = (text: string, max = 100) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const withComment = (text: string, comment: string | null | undefined, label = 'Ý kiến') =>
  comment ? `${text}\n\n${label}: ${comment}` : text;

type Audience = { agencyId: string } | { standingOfficeOfPlan: string } | { userIds: string[] };
interface Notice extends Omit<NewNotification, 'dedupeKey'> {
  to: Audience;
}

function taskNotice(kind: string, title: string, body: string, payload: TaskHandOverPayload, to: Audience): Notice {
  const plan = `Kế hoạch: ${payload.planTitle}${payload.dueDate ? `\nHạn: ${formatVietnamDate(payload.dueDate)}` : ''}`;
  return {
    to,
    kind,
    title: `${title}: ${short(payload.content)}`,
    body: body ? `${body}\n\n${plan}` : plan,
    link: `/tasks/${payload.taskId}`,
    entityType: 'task',
    entityId: payload.taskId,
  };
}

/** To the lead agency of the task (nothing when it has none). */
function toLead(kind: string, title: string, body: (p: TaskHandOverPayload) => string) {
  return (p: TaskHandOverPayload): Notice[] => (p.leadAgencyId ? [taskNotice(kind, title, body(p), p, { agencyId: p.leadAgencyId })] : []);
}

/** To the standing office over the task's plan. */
function toStandingOffice(kind: string, title: string, body: (p: TaskHandOverPayload) => string) {
  return (p: TaskHandOverPayload): Notice[] => [taskNotice(kind, title, body(p), p, { standingOfficeOfPlan: p.planId })];
}

function reportNotice(kind: string, title: string, body: string, p: ReportHandOverPayload): Notice[] {
  return [
    {
      to: { agencyId: p.recipientAgencyId },
      kind,
      title,
      body,
      link: `/reports/${p.reportId}`,
      entityType: 'report',
      entityId: p.reportId,
    },
  ];
}

function referralNotice(kind: string, title: string, body: string, p: ReferralHandOverPayload, link: string): Notice[] {
  const to: Audience | null = p.recipientAgencyId
    ? { agencyId: p.recipientAgencyId }
    : p.recipientUserId
      ? { userIds: [p.recipientUserId] }
      : null;
  return to ? [{ to, kind, title, body, link, entityType: 'victim_referral', entityId: p.referralId }] : [];
}
const toSender = (p: ReferralHandOverPayload) => `/victims/${p.fileId}?tab=referrals`;
const toReceiver = () => '/support?tab=referrals';

/** What each hand-over tells, and whom: Vietnamese text, a link to the record. */
const NOTICES: Record<string, (payload: never) => Notice[]> = {
  [HAND_OVER_EVENTS.planIssued]: (p: PlanIssuedPayload) =>
    p.leads.map((lead) => ({
      to: { agencyId: lead.agencyId },
      kind: 'task_issued',
      title:
        lead.taskIds.length === 1
          ? `Nhiệm vụ mới được giao: ${short(lead.firstTaskContent)}`
          : `${lead.taskIds.length} nhiệm vụ mới được giao chủ trì`,
      body: `Kế hoạch "${p.planTitle}" đã được ban hành; cơ quan được giao chủ trì ${lead.taskIds.length} nhiệm vụ.`,
      link: lead.taskIds.length === 1 ? `/tasks/${lead.taskIds[0]}` : '/tasks?view=mine',
      entityType: lead.taskIds.length === 1 ? 'task' : 'plan',
      entityId: lead.taskIds.length === 1 ? lead.taskIds[0]! : p.planId,
    })),
  [HAND_OVER_EVENTS.taskAssigned]: toLead(
    'task_assigned',
    'Nhiệm vụ được giao chủ trì',
    () => 'Cơ quan được giao chủ trì thực hiện nhiệm vụ.',
  ),
  [HAND_OVER_EVENTS.taskProgressReported]: toStandingOffice('task_progress', 'Cập nhật tiến độ nhiệm vụ', (p) =>
    withComment(`${p.leadAgencyName ?? 'Cơ quan chủ trì'} báo cáo tiến độ: ${p.percent ?? 0}%.`, p.comment, 'Nội dung'),
  ),
  [HAND_OVER_EVENTS.taskSubmitted]: toStandingOffice('task_submitted', 'Nhiệm vụ báo cáo hoàn thành, chờ nghiệm thu', (p) =>
    withComment(`${p.leadAgencyName ?? 'Cơ quan chủ trì'} báo cáo đã hoàn thành nhiệm vụ.`, p.comment, 'Nội dung'),
  ),
  [HAND_OVER_EVENTS.taskAccepted]: toLead('task_accepted', 'Nhiệm vụ được nghiệm thu', (p) =>
    withComment('Kết quả thực hiện nhiệm vụ đã được nghiệm thu.', p.comment),
  ),
  [HAND_OVER_EVENTS.taskReturned]: toLead('task_returned', 'Nhiệm vụ bị trả lại', (p) =>
    withComment('Kết quả thực hiện nhiệm vụ bị trả lại, đề nghị tiếp tục thực hiện, bổ sung.', p.comment),
  ),
  [HAND_OVER_EVENTS.taskCancelled]: toLead('task_cancelled', 'Nhiệm vụ bị hủy', (p) =>
    withComment('Nhiệm vụ đã bị hủy.', p.comment, 'Lý do'),
  ),
  [HAND_OVER_EVENTS.taskChased]: toLead('task_chase', 'Đôn đốc thực hiện nhiệm vụ', (p) => p.comment ?? ''),
  [HAND_OVER_EVENTS.reportSubmitted]: (p: ReportHandOverPayload) =>
    reportNotice(
      `report_${p.resubmitted ? 'resubmit' : 'submit'}`,
      `${p.resubmitted ? 'Báo cáo được gửi lại' : 'Báo cáo mới'}: ${p.agencyName}`,
      `${p.label} đã được ${p.resubmitted ? 'gửi lại' : 'gửi'}, chờ xem xét.`,
      p,
    ),
  [HAND_OVER_EVENTS.reportReturned]: (p: ReportHandOverPayload) =>
    reportNotice(
      'report_return',
      `Báo cáo bị trả lại: ${p.scheduleName}`,
      withComment(`${p.label} bị trả lại, đề nghị bổ sung, chỉnh sửa.`, p.comment),
      p,
    ),
  [HAND_OVER_EVENTS.reportAccepted]: (p: ReportHandOverPayload) =>
    reportNotice('report_accept', `Báo cáo được chấp nhận: ${p.scheduleName}`, withComment(`${p.label} đã được chấp nhận.`, p.comment), p),
  [HAND_OVER_EVENTS.reportUnlocked]: (p: ReportHandOverPayload) =>
    reportNotice(
      'report_unlock',
      `Báo cáo được mở khóa để sửa: ${p.scheduleName}`,
      withComment(`${p.label} đã được mở khóa và trả lại để chỉnh sửa.`, p.comment, 'Lý do'),
      p,
    ),
  [HAND_OVER_EVENTS.reportExtended]: (p: ReportHandOverPayload) =>
    reportNotice(
      'report_extend',
      `Gia hạn báo cáo: ${p.scheduleName}`,
      withComment(
        `${p.label} được gia hạn từ ${formatVietnamDate(p.fromDueDate ?? '')} đến ${formatVietnamDate(p.toDueDate ?? '')}.`,
        p.comment,
        'Lý do',
      ),
      p,
    ),
  [HAND_OVER_EVENTS.referralSent]: (p: ReferralHandOverPayload) =>
    referralNotice(
      'victim_referral',
      `Đề nghị chuyển tuyến hồ sơ ${p.fileReference}`,
      `${p.senderOrgUnitName ?? 'Cơ quan quản lý hồ sơ'} đề nghị tiếp nhận chuyển tuyến.${p.answerDueOn ? ` Hạn trả lời: ${formatVietnamDate(p.answerDueOn)}.` : ''}`,
      p,
      toReceiver(),
    ),
  [HAND_OVER_EVENTS.referralAccepted]: (p: ReferralHandOverPayload) =>
    referralNotice(
      'victim_referral_accepted',
      `Chuyển tuyến hồ sơ ${p.fileReference} được tiếp nhận`,
      `${p.receiverAgencyName ?? 'Cơ quan nhận'} đã tiếp nhận chuyển tuyến.`,
      p,
      toSender(p),
    ),
  [HAND_OVER_EVENTS.referralDeclined]: (p: ReferralHandOverPayload) =>
    referralNotice(
      'victim_referral_declined',
      `Chuyển tuyến hồ sơ ${p.fileReference} bị từ chối`,
      withComment(`${p.receiverAgencyName ?? 'Cơ quan nhận'} đã từ chối tiếp nhận chuyển tuyến.`, p.reason, 'Lý do'),
      p,
      toSender(p),
    ),
  [HAND_OVER_EVENTS.referralCompleted]: (p: ReferralHandOverPayload) =>
    referralNotice(
      'victim_referral_completed',
      `Chuyển tuyến hồ sơ ${p.fileReference} đã kết thúc`,
      withComment(`${p.receiverAgencyName ?? 'Cơ quan nhận'} đã hoàn thành việc tiếp nhận, hỗ trợ theo chuyển tuyến.`, p.reason, 'Ghi chú'),
      p,
      toSender(p),
    ),
  [HAND_OVER_EVENTS.referralCancelled]: (p: ReferralHandOverPayload) =>
    referralNotice(
      'victim_referral_cancelled',
      `Đề nghị chuyển tuyến hồ sơ ${p.fileReference} đã được rút lại`,
      withComment(`${p.senderOrgUnitName ?? 'Cơ quan quản lý hồ sơ'} đã rút lại đề nghị chuyển tuyến.`, p.reason, 'Lý do'),
      p,
      toReceiver(),
    ),
};

async function deliver(tx: Transaction, event: OutboxEvent, notice: Notice, index: number, mails: Mail[]): Promise<void> {
  const { to, ...notification } = notice;
  const actorUserId = typeof event.payload.actorUserId === 'string' ? event.payload.actorUserId : null;
  // One key per (event, notice, recipient): a retried or re-delivered event does not notify twice.
  const dedupeKey = `outbox:${event.id}:${index}`;
  const result =
    'agencyId' in to
      ? await notifyAgency(tx, to.agencyId, { ...notification, dedupeKey }, { exceptUserIds: actorUserId ? [actorUserId] : [] })
      : await notifyUsers(
          tx,
          ('userIds' in to ? await activeUsers(tx, to.userIds) : await standingOfficeOfPlan(tx, to.standingOfficeOfPlan)).filter(
            (r) => r.userId !== actorUserId,
          ),
          { ...notification, dedupeKey },
        );
  mails.push(...result.mails);
}

/**
 * The notifications module's consumers of the outbox: every hand-over of work notifies the receiving
 * users in the system, and by e-mail (after commit) where SMTP is set.
 */
export function handOverNotificationConsumers(mailer: Mailer): OutboxConsumerSet {
  const consumer: OutboxConsumer = async (tx, event) => {
    const notices = NOTICES[event.type]?.(event.payload as never) ?? [];
    const mails: Mail[] = [];
    for (const [index, notice] of notices.entries()) await deliver(tx, event, notice, index, mails);
    return mails.length ? { afterCommit: () => mailer.send(mails) } : {};
  };
  return Object.fromEntries(Object.keys(NOTICES).map((type) => [type, consumer]));
}
