/**
 * A planned next visit is overdue when its day has passed and nobody has visited since (that person,
 * or the whole family, on or after the planned day).
 */
export interface VisitFacts {
  personId: string | null;
  visitedOn: string;
  nextVisitOn: string | null;
}

export function isNextVisitOverdue(visit: VisitFacts, visits: readonly VisitFacts[], today: string): boolean {
  const due = visit.nextVisitOn;
  if (!due || due >= today) return false;
  const coversSamePerson = (other: VisitFacts) => visit.personId === null || other.personId === null || other.personId === visit.personId;
  return !visits.some((other) => other !== visit && other.visitedOn >= due && coversSamePerson(other));
}
