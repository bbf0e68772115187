/** Every workflow of ATMIS is one `defineWorkflow` (see docs/development.md, "Quy trình (workflow) mới"). */
import { taskWorkflow } from '../plans/task-status.ts';
import { reportWorkflow } from '../reports/report-status.ts';
import { identificationWorkflow } from '../victims/identification.ts';
import { referralWorkflow } from '../victims/referral.ts';
import { supportWorkflow } from '../victims/support.ts';
import type { AnyWorkflow } from './define-workflow.ts';
import { planWorkflow } from './plan-workflow.ts';
import { victimFileWorkflow } from './victim-file-workflow.ts';

export * from './define-workflow.ts';
export * from './plan-workflow.ts';
export * from './victim-file-workflow.ts';
export { taskWorkflow, reportWorkflow, identificationWorkflow, referralWorkflow, supportWorkflow };

/** Every registered workflow; the unit test checks each definition (states known and reachable). */
export const WORKFLOWS: readonly AnyWorkflow[] = [
  planWorkflow,
  taskWorkflow,
  reportWorkflow,
  victimFileWorkflow,
  identificationWorkflow,
  supportWorkflow,
  referralWorkflow,
];
