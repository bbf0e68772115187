export { readFileAsBase64, mimeOf } from './api/file-base64.ts';
export { TASK_INBOX_VIEWS, type TaskInboxView } from './api/task-views.ts';
export { TASK_STATUS_ORDER, useTaskList, useUploadFile, type TaskStatus } from './api/tasks-api.ts';
export { RECURRENCES, TASK_FORM_FIELDS, TaskFormFields, taskBodyOf, type TaskFormValues } from './components/task-form-fields.tsx';
export { TaskProgress, TaskStateTags } from './components/task-status-tag.tsx';
export { sectionLabel, TaskTable } from './components/task-table.tsx';
export { FileLink } from './components/task-updates.tsx';
