import type { Scenario } from '../scenario-types.ts';
import { authMeLoadScenario } from './auth-me-load.ts';
import { coldStartScenario } from './cold-start.ts';
import { sessionFloorScenario } from './session-floor.ts';
import { victimListLoadScenario } from './victim-list-load.ts';

/**
 * Run in this order for each engine. Scenarios share one server per engine through the context:
 * cold-start leaves a warm server running, the load tests reuse it, the floor stops it.
 * Add a scenario: write `scenarios/<name>.ts` exporting a `Scenario`, then list it here.
 */
export const scenarios: Scenario[] = [coldStartScenario, authMeLoadScenario, victimListLoadScenario, sessionFloorScenario];
