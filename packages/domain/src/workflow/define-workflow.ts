import type { AuditAction } from '../access/audit-actions.ts';
import type { ErrorCode } from '../errors/error-codes.ts';

/**
 * One shape for every workflow (state machine) of ATMIS: its states, and for each action the states
 * it fires from, the state it leads to, who may fire it (a party the actor is to the record, e.g.
 * the report's reviewer, or a permission the actor holds on it), the guard it must pass and the
 * events it emits. The server enforces it, views list `allowedActions` from it and the web shows
 * only those buttons. Pure data and functions: no library, no I/O.
 */
export type GuardResult = { ok: true } | { ok: false; refused: ErrorCode; params?: Record<string, string | number> };

export const GUARD_OK: GuardResult = { ok: true };

/** What the actor is to the record (the parties they act as); guards may read more from the context. */
export interface WorkflowContext<P extends string = string> {
  parties: ReadonlySet<P>;
}

export interface TransitionDefinition<S extends string, P extends string, C extends WorkflowContext<P>> {
  from: readonly S[];
  /** The state it leads to; a function when it depends on the state it fires from (then list `targets`). */
  to: S | ((from: S) => S);
  /** Every state a function `to` may return (checked by `checkWorkflowDefinition` and at run time). */
  targets?: readonly S[];
  /** The party (or permission) the actor must be to the record; any actor when absent. */
  by?: P;
  guard?: (ctx: C, from: S) => GuardResult;
  /** The events firing it emits (named like the audit actions they are recorded as). */
  emits?: readonly AuditAction[];
}

export interface WorkflowDefinition<S extends string, A extends string, P extends string, C extends WorkflowContext<P>> {
  name: string;
  states: readonly S[];
  /** Where a new record starts; the first state when absent. */
  initial?: S;
  /** States nothing leaves (checked: no transition fires from them). */
  final?: readonly S[];
  transitions: { readonly [action in A]: TransitionDefinition<S, P, C> };
  /** The 409 refusal when the action does not apply in the record's state (each machine keeps its own code). */
  wrongState: { code: ErrorCode; params?: (state: S, action: A) => Record<string, string | number> };
  /** The refusal when the actor is not the party the action is for; `auth.forbidden` when absent. */
  wrongParty?: { code: ErrorCode; params?: (state: S, action: A) => Record<string, string | number> };
}

export type TransitionOutcome<S extends string> =
  | { ok: true; to: S; events: readonly AuditAction[] }
  | { ok: false; refused: ErrorCode; params: Record<string, string | number>; because: 'state' | 'party' | 'guard' };

export interface Workflow<S extends string, A extends string, P extends string, C extends WorkflowContext<P>> {
  readonly name: string;
  readonly definition: WorkflowDefinition<S, A, P, C>;
  readonly states: readonly S[];
  readonly actions: readonly A[];
  readonly initial: S;
  /** The state `action` leads to from `state`, whoever fires it; null when it does not apply there. */
  next(state: S, action: A): S | null;
  /** Whether the actor (`ctx`) may fire `action` from `state` now: state, party and guard. */
  can(state: S, action: A, ctx: C): boolean;
  transition(state: S, action: A, ctx: C): TransitionOutcome<S>;
  /** The actions the actor may fire from `state`, in the definition's order. */
  allowedActions(state: S, ctx: C): A[];
  events(action: A): readonly AuditAction[];
}

export function defineWorkflow<S extends string, A extends string, P extends string, C extends WorkflowContext<P> = WorkflowContext<P>>(
  definition: WorkflowDefinition<S, A, P, C>,
): Workflow<S, A, P, C> {
  const actions = Object.keys(definition.transitions) as A[];
  const next = (state: S, action: A): S | null => {
    const rule = definition.transitions[action];
    if (!rule || !rule.from.includes(state)) return null;
    if (typeof rule.to !== 'function') return rule.to;
    const to = rule.to(state);
    if (!(rule.targets ?? []).includes(to)) throw new Error(`${definition.name}.${action}: ${state} → ${to} is not a declared target`);
    return to;
  };
  const transition = (state: S, action: A, ctx: C): TransitionOutcome<S> => {
    const to = next(state, action);
    if (to === null) {
      return {
        ok: false,
        refused: definition.wrongState.code,
        params: definition.wrongState.params?.(state, action) ?? {},
        because: 'state',
      };
    }
    const rule = definition.transitions[action];
    if (rule.by !== undefined && !ctx.parties.has(rule.by)) {
      const refusal = definition.wrongParty ?? { code: 'auth.forbidden' as const };
      return { ok: false, refused: refusal.code, params: refusal.params?.(state, action) ?? {}, because: 'party' };
    }
    const guarded = rule.guard?.(ctx, state) ?? GUARD_OK;
    if (!guarded.ok) return { ok: false, refused: guarded.refused, params: guarded.params ?? {}, because: 'guard' };
    return { ok: true, to, events: rule.emits ?? [] };
  };
  return {
    name: definition.name,
    definition,
    states: definition.states,
    actions,
    initial: definition.initial ?? definition.states[0]!,
    next,
    can: (state, action, ctx) => transition(state, action, ctx).ok,
    transition,
    allowedActions: (state, ctx) => actions.filter((action) => transition(state, action, ctx).ok),
    events: (action) => definition.transitions[action]?.emits ?? [],
  };
}

/** A workflow of any type, as the registry and the generic checks see it. */
export interface AnyWorkflow {
  readonly name: string;
  readonly definition: {
    name: string;
    states: readonly string[];
    initial?: string;
    final?: readonly string[];
    transitions: {
      readonly [action: string]: { from: readonly string[]; to: string | ((from: never) => string); targets?: readonly string[] };
    };
  };
}

/**
 * What is wrong with a workflow's definition (empty when nothing): duplicate or unknown states,
 * transitions from or to an unknown state, a function `to` without targets, final states that
 * something leaves, states that cannot be reached from the initial one.
 */
export function checkWorkflowDefinition(workflow: AnyWorkflow): string[] {
  const { name, states, transitions } = workflow.definition;
  const problems: string[] = [];
  const known = new Set(states);
  if (known.size !== states.length) problems.push(`${name}: duplicate states`);
  const initial = workflow.definition.initial ?? states[0];
  if (initial === undefined || !known.has(initial)) problems.push(`${name}: unknown initial state ${String(initial)}`);
  const edges: Array<[string, string]> = [];
  for (const [action, rule] of Object.entries(transitions)) {
    if (rule.from.length === 0) problems.push(`${name}.${action}: fires from no state`);
    for (const from of rule.from) if (!known.has(from)) problems.push(`${name}.${action}: unknown state ${from}`);
    const targets = typeof rule.to === 'function' ? (rule.targets ?? []) : [rule.to];
    if (typeof rule.to === 'function' && targets.length === 0) problems.push(`${name}.${action}: computed target without targets`);
    for (const to of targets) {
      if (!known.has(to)) problems.push(`${name}.${action}: unknown state ${to}`);
      for (const from of rule.from) edges.push([from, to]);
    }
    for (const final of workflow.definition.final ?? []) {
      if (rule.from.includes(final)) problems.push(`${name}.${action}: fires from final state ${final}`);
    }
  }
  const reached = new Set(initial === undefined ? [] : [initial]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [from, to] of edges) {
      if (reached.has(from) && !reached.has(to)) {
        reached.add(to);
        grew = true;
      }
    }
  }
  for (const state of states) if (!reached.has(state)) problems.push(`${name}: state ${state} is unreachable`);
  return problems;
}
