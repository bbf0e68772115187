/** The plans module's public surface: what code outside the module may import. */
export { planRoutes } from './plans.routes.ts';
export { createPlansService } from './plans.service.ts';
export { extractPlanText } from './extract-text.ts';
export { findPlanInScope, missingAgencyIds, taskDueDate } from './plans.repository.ts';
export { insertTasks, refreshPlanAgencies } from './plan-graph.repository.ts';
export { occurrencePlanOf, phaseOf, type PlanGraphTask } from './plan-graph.ts';
