export { usePlan } from './api/plans-api.ts';
