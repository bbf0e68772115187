import type { Permission } from '../access/permissions.ts';
import { fileClosureProblem, type FileClosureReason, type FileStatus } from '../victims/file-records.ts';
import { defineWorkflow, GUARD_OK, type WorkflowContext } from './define-workflow.ts';

/**
 * A victim file is open or closed (ADR 0004):
 *
 *   open ─close (reason; no active referral, nobody still in a facility)→ closed ─reopen (reason)→ open
 *
 * A closed file takes no new record until it is reopened. Whoever manages the file (manage:victims
 * in scope) closes and reopens it. The refusals keep the server's code (409 victim.file_status).
 */
export const VICTIM_FILE_STATUSES = ['open', 'closed'] as const satisfies readonly FileStatus[];

export const VICTIM_FILE_TRANSITIONS = ['close', 'reopen'] as const;
export type VictimFileTransition = (typeof VICTIM_FILE_TRANSITIONS)[number];

export type VictimFileParty = Extract<Permission, 'manage:victims'>;

export interface VictimFileContext extends WorkflowContext<VictimFileParty> {
  reason?: FileClosureReason | undefined;
  note?: string | null | undefined;
  activeReferrals?: number;
  openStays?: number;
}

export const victimFileWorkflow = defineWorkflow<FileStatus, VictimFileTransition, VictimFileParty, VictimFileContext>({
  name: 'victim_file',
  states: VICTIM_FILE_STATUSES,
  initial: 'open',
  transitions: {
    close: {
      from: ['open'],
      to: 'closed',
      by: 'manage:victims',
      guard: (ctx, status) => {
        const problem = fileClosureProblem({ status, action: 'close', ...ctx });
        return problem ? { ok: false, refused: 'victim.file_status', params: { detail: problem.message } } : GUARD_OK;
      },
      emits: ['victim.file_closed'],
    },
    reopen: { from: ['closed'], to: 'open', by: 'manage:victims', emits: ['victim.file_reopened'] },
  },
  wrongState: {
    code: 'victim.file_status',
    params: (status, transition) => ({ detail: fileClosureProblem({ status, action: transition })?.message ?? '' }),
  },
});
