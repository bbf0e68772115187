export { useReportTemplates } from './api/report-templates-api.ts';
