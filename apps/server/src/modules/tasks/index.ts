/** The tasks module's public surface: what code outside the module may import. */
export { taskRoutes } from './tasks.routes.ts';
export { createTasksService } from './tasks.service.ts';
export { tasksDueBy } from './tasks.repository.ts';
export { formatVietnamDateTime } from './export/task-status-xlsx.ts';
