import { describe, expect, it } from 'vitest';
import {
  checkSubmission,
  decide,
  missionActions,
  missionStatuses,
  requireComment,
  type Actor,
  type MissionAction,
  type MissionStatus,
} from '../../src/missions/missions.models.ts';
import { AppError, describeError } from '../../src/shared/errors.ts';
import { thrownAppError } from '../helpers/errors.ts';

const OWNER = 'usr_owner';
const actors: Record<string, Actor> = {
  owner: { id: OWNER, roles: ['staff'] },
  otherStaff: { id: 'usr_other', roles: ['staff'] },
  secretariat: { id: 'usr_sec', roles: ['secretariat'] },
  secretariatOwner: { id: OWNER, roles: ['staff', 'secretariat'] },
  finance: { id: 'usr_fin', roles: ['finance'] },
  copil: { id: 'usr_copil', roles: ['copil'] },
  admin: { id: 'usr_admin', roles: ['admin'] },
};

// The workflow of issue 3, written out by hand: [action, from] → to. Every other pair is a 409.
const transitions: Array<[MissionAction, MissionStatus, MissionStatus]> = [
  ['edit', 'draft', 'draft'],
  ['edit', 'returned', 'returned'],
  ['submit', 'draft', 'submitted'],
  ['submit', 'returned', 'submitted'],
  ['validate', 'submitted', 'validated'],
  ['return', 'submitted', 'returned'],
  ['reject', 'submitted', 'rejected'],
  ['cancel', 'submitted', 'cancelled'],
  ['cancel', 'validated', 'cancelled'],
];

// Who may attempt each action (role check, before the status check). `hidden`: the mission is not
// theirs and they oversee nothing → 404. The owner cancels only a submitted mission (see below).
const permitted: Record<MissionAction, string[]> = {
  edit: ['owner', 'secretariatOwner', 'admin'],
  submit: ['owner', 'secretariatOwner', 'admin'],
  approve: [], // without an approval chain there is nothing to approve (see below)
  validate: ['secretariat', 'admin'],
  return: ['secretariat', 'admin'],
  reject: ['secretariat', 'admin'],
  cancel: ['owner', 'secretariat', 'secretariatOwner', 'admin'],
};
const hidden = new Set(['otherStaff']);

function outcome(action: MissionAction, status: MissionStatus, actor: Actor): string {
  try {
    return decide(action, { travellerId: OWNER, status }, actor);
  } catch (e) {
    if (e instanceof AppError) return String(e.status);
    throw e;
  }
}

function expected(action: MissionAction, status: MissionStatus, actorName: string): string {
  if (hidden.has(actorName)) return '404';
  const ownerCancelsValidated = action === 'cancel' && actorName === 'owner' && status === 'validated';
  if (!permitted[action].includes(actorName) || ownerCancelsValidated) return '403';
  const rule = transitions.find(([a, from]) => a === action && from === status);
  return rule ? rule[2] : '409';
}

describe('mission lifecycle: every action × status × actor', () => {
  const cases = missionActions.flatMap((action) =>
    missionStatuses.flatMap((status) => Object.keys(actors).map((actorName) => [action, status, actorName] as const)),
  );
  // 7 actions × 6 statuses × 7 actors.
  it('covers 294 cells', () => expect(cases).toHaveLength(294));

  it.each(cases)('%s from %s by %s', (action, status, actorName) => {
    expect(outcome(action, status, actors[actorName]!)).toBe(expected(action, status, actorName));
  });

  it('a few cells spelled out', () => {
    expect(outcome('submit', 'draft', actors.owner!)).toBe('submitted');
    expect(outcome('validate', 'submitted', actors.secretariat!)).toBe('validated');
    expect(outcome('validate', 'submitted', actors.secretariatOwner!)).toBe('403'); // four eyes
    expect(outcome('validate', 'validated', actors.secretariat!)).toBe('409'); // twice: once only
    expect(outcome('cancel', 'validated', actors.owner!)).toBe('403');
    expect(outcome('cancel', 'draft', actors.owner!)).toBe('409');
    expect(outcome('submit', 'submitted', actors.otherStaff!)).toBe('404');
    expect(outcome('validate', 'submitted', actors.finance!)).toBe('403');
  });

  it('explains an invalid transition in French with a stable code', () => {
    try {
      decide('validate', { travellerId: OWNER, status: 'rejected' }, actors.secretariat!);
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe('mission.invalid_transition');
      expect(describeError(e as AppError, 'fr').message).toBe("Une mission refusée ne peut pas être validée : il faut qu'elle soit soumise.");
      expect(describeError(e as AppError, 'en').message).toBe('A rejected mission cannot be validated: it must be submitted.');
    }
  });
});

describe('comments and submission rules', () => {
  it('return and reject need a non-blank comment', async () => {
    const inFrench = async (run: () => unknown) => describeError(await thrownAppError(run), 'fr').message;
    expect(await inFrench(() => requireComment('return', '   '))).toMatch(/commentaire est obligatoire/);
    expect(await inFrench(() => requireComment('reject', undefined))).toMatch(/motif est obligatoire/);
    expect(requireComment('return', '  Préciser le budget  ')).toBe('Préciser le budget');
  });

  const ok = { blocked: false, justificationRequired: false, blockingMessages: [], budgetLineId: 'bgl_1' };
  const codeOf = (f: () => void) => {
    try {
      f();
      return 'ok';
    } catch (e) {
      return `${(e as AppError).status} ${(e as AppError).code} ${(e as AppError).details.map((d) => d.path).join(',')}`;
    }
  };

  it.each([
    ['nothing asked', ok, null, 'ok'],
    ['banned route, even justified', { ...ok, blocked: true, blockingMessages: ['ORY–NTE interdit'] }, 'x'.repeat(50), '409 mission.flight_banned legs'],
    ['justification asked, none', { ...ok, justificationRequired: true }, null, '400 validation.submission_incomplete justification'],
    // 19 characters after trimming: one short of the minimum of 20.
    ['justification too short', { ...ok, justificationRequired: true }, '  1234567890123456789  ', '400 validation.submission_incomplete justification'],
    ['justification of exactly 20', { ...ok, justificationRequired: true }, '12345678901234567890', 'ok'],
    ['no budget line and no justification', { ...ok, justificationRequired: true, budgetLineId: null }, '', '400 validation.submission_incomplete justification,budgetLineId'],
  ] as const)('%s', (_name, facts, justification, want) => {
    expect(codeOf(() => checkSubmission({ ...facts, blockingMessages: [...facts.blockingMessages] }, justification))).toBe(want);
  });
});

describe('an approval chain before the secretariat', () => {
  const head: Actor = { id: 'usr_head', roles: ['staff'] };
  const pending = { travellerId: OWNER, status: 'submitted' as const, approverInScope: true, approval: { complete: false, actorMayApprove: true } };
  const waitingForOthers = { ...pending, approval: { complete: false, actorMayApprove: false } };
  const done = { ...pending, approval: { complete: true, actorMayApprove: false } };
  const code = (run: () => unknown) => {
    try {
      return String(run());
    } catch (e) {
      return `${(e as AppError).status} ${(e as AppError).code}`;
    }
  };

  it('the approver awaited approves (the status stays submitted) or returns; never validates or rejects', () => {
    expect(code(() => decide('approve', pending, head))).toBe('submitted');
    expect(code(() => decide('return', pending, head))).toBe('returned');
    expect(code(() => decide('validate', pending, head))).toBe('403 mission.forbidden');
    expect(code(() => decide('reject', pending, head))).toBe('403 mission.forbidden');
  });

  it('someone not awaited cannot approve, with a reason of its own', () => {
    expect(code(() => decide('approve', waitingForOthers, head))).toBe('403 mission.not_approver');
    expect(code(() => decide('approve', done, actors.secretariat!))).toBe('403 mission.not_approver');
  });

  it('the secretariat validates only once every step is approved; it may return or reject before', () => {
    expect(code(() => decide('validate', pending, actors.secretariat!))).toBe('409 mission.approvals_pending');
    expect(code(() => decide('validate', done, actors.secretariat!))).toBe('validated');
    expect(code(() => decide('return', waitingForOthers, actors.secretariat!))).toBe('returned');
    expect(code(() => decide('reject', waitingForOthers, actors.secretariat!))).toBe('rejected');
  });

  it('an approver sees the missions of their scope once submitted, never a draft, and nothing outside it', () => {
    expect(code(() => decide('approve', { ...pending, status: 'draft' }, head))).toBe('404 mission.not_found');
    expect(code(() => decide('approve', { ...pending, approverInScope: false }, head))).toBe('404 mission.not_found');
  });
});
