export { reportPaths } from './api/report-paths.ts';
