import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useMe } from './use-me.ts';

export const WORKING_UNIT_STORAGE_KEY = 'atmis.orgUnit';

export interface WorkingUnitOption {
  orgUnitId: string;
  orgUnitName: string;
}

interface WorkingUnitValue {
  workingUnit: WorkingUnitOption | null;
  options: WorkingUnitOption[];
  setWorkingUnitId: (orgUnitId: string) => void;
}

const WorkingUnitContext = createContext<WorkingUnitValue | null>(null);

function readStored(): string | null {
  try {
    return window.localStorage.getItem(WORKING_UNIT_STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * The org unit the person is working at now, chosen among the units of their assignments. Lists in
 * later modules start filtered by it; the server's scope rules still decide what can be seen.
 */
export function WorkingUnitProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const options = useMemo(() => {
    const seen = new Map<string, WorkingUnitOption>();
    for (const assignment of me.assignments) {
      if (!seen.has(assignment.orgUnitId))
        seen.set(assignment.orgUnitId, { orgUnitId: assignment.orgUnitId, orgUnitName: assignment.orgUnitName });
    }
    if (seen.size === 0) seen.set(me.user.orgUnitId, { orgUnitId: me.user.orgUnitId, orgUnitName: me.user.orgUnitName });
    return [...seen.values()];
  }, [me]);
  const [chosenId, setChosenId] = useState<string | null>(readStored);
  const workingUnit = options.find((option) => option.orgUnitId === chosenId) ?? options[0] ?? null;
  const setWorkingUnitId = useCallback((orgUnitId: string) => {
    setChosenId(orgUnitId);
    try {
      window.localStorage.setItem(WORKING_UNIT_STORAGE_KEY, orgUnitId);
    } catch {
      // private mode: keep the choice for this tab only
    }
  }, []);
  const value = useMemo(() => ({ workingUnit, options, setWorkingUnitId }), [workingUnit, options, setWorkingUnitId]);
  return <WorkingUnitContext.Provider value={value}>{children}</WorkingUnitContext.Provider>;
}

export function useWorkingUnit(): WorkingUnitValue {
  const value = useContext(WorkingUnitContext);
  if (!value) throw new Error('useWorkingUnit() used outside WorkingUnitProvider');
  return value;
}
