/**
 * Facility places as the admission form shows them: free places, and whether a facility can take
 * someone now (active and not full). The server counts again on admission (409 when full).
 */
export interface FacilityPlaces {
  capacity: number;
  occupied: number;
  isActive: boolean;
}

export function freePlacesOf(facility: FacilityPlaces): number {
  return Math.max(0, facility.capacity - facility.occupied);
}

export function canAdmitTo(facility: FacilityPlaces): boolean {
  return facility.isActive && freePlacesOf(facility) > 0;
}

/** Persons staying somewhere now: they must be discharged before another admission. */
export function personsStaying(stays: readonly { personId: string; dischargedOn: string | null }[] | null): Set<string> {
  return new Set((stays ?? []).filter((stay) => !stay.dischargedOn).map((stay) => stay.personId));
}
