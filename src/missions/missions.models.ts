import { anyOf } from '../shared/i18n/index.ts';
import { detail, invalid, onField, verbatim, type AppError, type ErrorDetail } from '../shared/errors.ts';
import { missionActionTexts, missionErrors, missionStateTexts, missionTexts } from './missions.errors.ts';
import type { Role } from '../auth/auth.types.ts';

// The lifecycle of a mission as pure rules: who may do what, from which status, with what input.
// API, pages and tests all go through `decide`, so a rule lives in one place only.

export const missionStatuses = ['draft', 'submitted', 'validated', 'returned', 'rejected', 'cancelled'] as const;
export type MissionStatus = (typeof missionStatuses)[number];

export const missionPurposes = ['conference', 'research', 'teaching', 'recruitment', 'student_mobility', 'meeting', 'training', 'other'] as const;
export type MissionPurpose = (typeof missionPurposes)[number];

export const missionActions = ['edit', 'submit', 'approve', 'validate', 'return', 'reject', 'cancel'] as const;
export type MissionAction = (typeof missionActions)[number];

export type Actor = { id: string; roles: readonly Role[] };
// `approval`, where the mission has a chain (src/approvals): whether its steps are all approved, and
// whether this actor may take the step awaited now. `approverInScope`: the actor heads the mission's
// entity or holds its budget line, and so oversees it once submitted.
export type ApprovalFacts = { complete: boolean; actorMayApprove: boolean };
export type MissionFacts = { travellerId: string; status: MissionStatus; approval?: ApprovalFacts; approverInScope?: boolean };

// The quote facts submission depends on, kept narrow so the rules do not depend on the quote engine.
export type SubmissionFacts = { blocked: boolean; justificationRequired: boolean; blockingMessages: string[]; budgetLineId: string | null };

export const JUSTIFICATION_MIN_CHARS = 20;
export const COMMENT_MAX_CHARS = 2000;

const isAdmin = (actor: Actor) => actor.roles.includes('admin');
const isSecretariat = (actor: Actor) => actor.roles.includes('secretariat') || isAdmin(actor);
const isOwner = (actor: Actor, mission: MissionFacts) => actor.id === mission.travellerId;

// Secretariat, finance and copil oversee every mission; a traveller sees only their own. The route
// answers 404 (not 403) for a mission the actor may not see, so ids never reveal that a mission exists.
export function canSee(actor: Actor, mission: MissionFacts): boolean {
  if (isOwner(actor, mission)) return true;
  if (mission.approverInScope && mission.status !== 'draft') return true;
  return actor.roles.some((r) => r === 'secretariat' || r === 'finance' || r === 'copil' || r === 'admin');
}

export const canSeeAll = (actor: Actor): boolean => actor.roles.some((r) => r === 'secretariat' || r === 'finance' || r === 'copil' || r === 'admin');

// `to: null`: the action keeps the status (a returned mission stays returned while edited, so its comment stays in view).
type Rule = { from: readonly MissionStatus[]; to: MissionStatus | null; allowed: (actor: Actor, mission: MissionFacts) => boolean };

// Four-eyes principle: the secretariat does not decide on its own missions; only an admin may.
const decider = (actor: Actor, mission: MissionFacts) => isAdmin(actor) || (isSecretariat(actor) && !isOwner(actor, mission));
const approvalsDone = (mission: MissionFacts) => mission.approval?.complete !== false;
const mayApprove = (mission: MissionFacts) => mission.approval?.actorMayApprove === true;

const rules: Record<MissionAction, Rule> = {
  edit: { from: ['draft', 'returned'], to: null, allowed: (a, m) => isOwner(a, m) || isAdmin(a) },
  submit: { from: ['draft', 'returned'], to: 'submitted', allowed: (a, m) => isOwner(a, m) || isAdmin(a) },
  // An approver approves the step awaited, or returns the mission with a comment; the secretariat
  // validates once every step is approved, and may return or reject at any point.
  approve: { from: ['submitted'], to: null, allowed: (a, m) => mayApprove(m) },
  validate: { from: ['submitted'], to: 'validated', allowed: (a, m) => decider(a, m) && approvalsDone(m) },
  return: { from: ['submitted'], to: 'returned', allowed: (a, m) => decider(a, m) || mayApprove(m) },
  reject: { from: ['submitted'], to: 'rejected', allowed: decider },
  cancel: {
    from: ['submitted', 'validated'],
    to: 'cancelled',
    // The traveller withdraws a request still pending; a validated mission is cancelled by the secretariat.
    allowed: (a, m) => isAdmin(a) || isSecretariat(a) || (isOwner(a, m) && m.status !== 'validated'),
  },
};

export function allowedFrom(action: MissionAction): readonly MissionStatus[] {
  return rules[action].from;
}

export function notFound(): AppError {
  return missionErrors.notFound();
}

// Keeps the role check before the status check: someone who may never act learns nothing about the state.
export function authorize(action: MissionAction, mission: MissionFacts, actor: Actor): void {
  if (!canSee(actor, mission)) throw notFound();
  if (!rules[action].allowed(actor, mission)) {
    if (action === 'validate' && decider(actor, mission) && mission.status === 'submitted') throw missionErrors.approvalsPending();
    if (action === 'approve') throw missionErrors.notApprover();
    throw missionErrors.forbidden({ action });
  }
}

export function nextStatus(action: MissionAction, mission: MissionFacts): MissionStatus {
  const rule = rules[action];
  if (!rule.from.includes(mission.status)) {
    const expected = anyOf(rule.from.map((s) => missionStateTexts[s]()));
    throw missionErrors.invalidTransition({ status: missionStateTexts[mission.status](), action: missionActionTexts[action](), expected }, [
      { path: 'status', message: `current status ${mission.status}`, status: mission.status, action },
    ]);
  }
  return rule.to ?? mission.status;
}

// One decision: visibility, then role, then status. Returns the status the mission moves to.
export function decide(action: MissionAction, mission: MissionFacts, actor: Actor): MissionStatus {
  authorize(action, mission, actor);
  return nextStatus(action, mission);
}

export function requireComment(action: 'return' | 'reject', comment: string | undefined): string {
  const text = (comment ?? '').trim();
  if (text.length === 0) {
    const reason = action === 'return' ? missionTexts.commentRequiredReturn() : missionTexts.commentRequiredReject();
    throw onField(missionErrors.commentRequired, 'comment', reason);
  }
  if (text.length > COMMENT_MAX_CHARS) {
    throw invalid('comment', missionTexts.commentTooLong({ max: COMMENT_MAX_CHARS }));
  }
  return text;
}

// What a mission needs before it can go to the secretariat. Every problem is reported at once, each
// on the field the form shows it next to.
export function checkSubmission(facts: SubmissionFacts, justification: string | null | undefined): void {
  if (facts.blocked) {
    const first = facts.blockingMessages[0];
    throw onField(missionErrors.flightBanned, 'legs', first ? verbatim(first) : missionTexts.bannedFlight());
  }
  const details: ErrorDetail[] = [];
  const text = (justification ?? '').trim();
  if (facts.justificationRequired && text.length < JUSTIFICATION_MIN_CHARS) {
    details.push(detail('justification', missionTexts.justificationMissing({ min: JUSTIFICATION_MIN_CHARS })));
  }
  if (!facts.budgetLineId) details.push(detail('budgetLineId', missionTexts.budgetLineMissing()));
  if (details.length > 0) {
    throw missionErrors.submissionIncomplete({ problems: details.map((d) => d.text!) }, details);
  }
}

// The actions a person may take on a mission now: what the pages offer as buttons.
export function availableActions(actor: Actor, mission: MissionFacts): MissionAction[] {
  return missionActions.filter((action) => {
    try {
      decide(action, mission, actor);
      return true;
    } catch {
      return false;
    }
  });
}
