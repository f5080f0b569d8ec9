// Who approves a mission before the secretariat sees it (issue 12, point 1): the rules, pure.
//
// Each entity chooses its chain: none, its head, or its head then the budget line's holder. The
// holder is asked only for a mission above the entity's amount or with a flight. The steps are fixed
// when the mission is submitted (a round): changing the chain later never changes a pending mission.

export const approvalChains = ['none', 'head', 'head_budget_holder'] as const;
export type ApprovalChain = (typeof approvalChains)[number];

export const approvalSteps = ['head', 'budget_holder'] as const;
export type ApprovalStep = (typeof approvalSteps)[number];

export const approverKinds = approvalSteps;

export type ApprovalSettings = { entityId: string; chain: ApprovalChain; budgetHolderAboveCents: number; setAt: string | null; setBy: string | null };

// An entity nobody configured has no approval: the secretariat decides alone, as before the chain existed.
export const defaultApprovalSettings = (entityId: string): ApprovalSettings => ({ entityId, chain: 'none', budgetHolderAboveCents: 0, setAt: null, setBy: null });

export type MissionForApproval = { costCents: number; hasFlight: boolean };

export function requiredSteps(settings: ApprovalSettings, mission: MissionForApproval): ApprovalStep[] {
  if (settings.chain === 'none') return [];
  if (settings.chain === 'head') return ['head'];
  const holderNeeded = mission.hasFlight || mission.costCents > settings.budgetHolderAboveCents;
  return holderNeeded ? ['head', 'budget_holder'] : ['head'];
}

// What a submitted mission's round stands at: who approved which step, and the step awaited next.
export type ApprovalDecision = { step: ApprovalStep; actorId: string };
export type ApprovalProgress = { steps: readonly ApprovalStep[]; approved: readonly ApprovalDecision[] };

export function pendingStep(progress: ApprovalProgress): ApprovalStep | null {
  const done = new Set(progress.approved.map((a) => a.step));
  return progress.steps.find((s) => !done.has(s)) ?? null;
}

// The scopes a person approves in: the entities they head and the budget lines they hold.
export type ApproverScopes = { headOf: readonly string[]; holderOf: readonly string[] };

export type ApprovalTarget = { travellerId: string; entityId: string; budgetLineId: string | null };

export function approvesStep(scopes: ApproverScopes, mission: ApprovalTarget, step: ApprovalStep): boolean {
  return step === 'head' ? scopes.headOf.includes(mission.entityId) : mission.budgetLineId !== null && scopes.holderOf.includes(mission.budgetLineId);
}

// An approver sees the missions of their scope once submitted (a draft is the traveller's own work).
export function approverSees(scopes: ApproverScopes, mission: ApprovalTarget): boolean {
  return approvalSteps.some((step) => approvesStep(scopes, mission, step));
}

// Four-eyes: never one's own mission, and never two steps of one round by the same person. An
// admin may act for a step nobody else can take (the holder left, the head is the traveller).
export function mayApprove(actor: { id: string; isAdmin: boolean; scopes: ApproverScopes }, mission: ApprovalTarget, progress: ApprovalProgress): boolean {
  const step = pendingStep(progress);
  if (!step || actor.id === mission.travellerId) return false;
  if (progress.approved.some((a) => a.actorId === actor.id)) return false;
  return actor.isAdmin || approvesStep(actor.scopes, mission, step);
}

// Each grant or withdrawal is a new row; a person's standing is their latest row per scope.
export type ApproverRecord = { kind: string; scopeId: string; userId: string; active: boolean };

export function currentApprovers<T extends ApproverRecord>(recordsInOrder: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const record of recordsInOrder) latest.set(`${record.kind}|${record.scopeId}|${record.userId}`, record);
  return [...latest.values()].filter((r) => r.active);
}

export function scopesOf(records: readonly ApproverRecord[]): ApproverScopes {
  const active = currentApprovers(records);
  return { headOf: active.filter((r) => r.kind === 'head').map((r) => r.scopeId), holderOf: active.filter((r) => r.kind === 'budget_holder').map((r) => r.scopeId) };
}

// Steps are stored as one short text ('head', 'head,budget_holder'): a round's steps never change.
export const encodeSteps = (steps: readonly ApprovalStep[]): string => steps.join(',');
export const decodeSteps = (text: string): ApprovalStep[] => text.split(',').filter((s): s is ApprovalStep => (approvalSteps as readonly string[]).includes(s));
