import { canMoveRepatriation, REPATRIATION_STATUSES, type RepatriationStatus } from '@atmis/domain';

/** Only a person whose citizenship is not Vietnamese is repatriated (domain `repatriationProblems`). */
export function foreignPersons<T extends { citizenship: string }>(persons: readonly T[]): T[] {
  return persons.filter((person) => person.citizenship !== 'VN');
}

/** The statuses a repatriation in `from` may take, by the domain's `canMoveRepatriation`. */
export function nextRepatriationStatuses(from: RepatriationStatus): RepatriationStatus[] {
  return REPATRIATION_STATUSES.filter((status) => canMoveRepatriation(from, status));
}
