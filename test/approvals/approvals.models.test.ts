import { describe, expect, it } from 'vitest';
import {
  currentApprovers,
  defaultApprovalSettings,
  mayApprove,
  pendingStep,
  requiredSteps,
  scopesOf,
  type ApprovalProgress,
  type ApproverScopes,
} from '../../src/approvals/approvals.models.ts';

describe('approval chain rules', () => {
  const settings = (chain: 'none' | 'head' | 'head_budget_holder', budgetHolderAboveCents = 100_000) => ({ ...defaultApprovalSettings('ent_lab'), chain, budgetHolderAboveCents });

  it('asks the steps of the chain; the holder only above the amount (strictly) or for a flight', () => {
    expect(requiredSteps(settings('none'), { costCents: 9_999_999, hasFlight: true })).toEqual([]);
    expect(requiredSteps(settings('head'), { costCents: 9_999_999, hasFlight: true })).toEqual(['head']);
    expect(requiredSteps(settings('head_budget_holder'), { costCents: 100_000, hasFlight: false })).toEqual(['head']);
    expect(requiredSteps(settings('head_budget_holder'), { costCents: 100_001, hasFlight: false })).toEqual(['head', 'budget_holder']);
    expect(requiredSteps(settings('head_budget_holder'), { costCents: 0, hasFlight: true })).toEqual(['head', 'budget_holder']);
    expect(requiredSteps(defaultApprovalSettings('ent_x'), { costCents: 1, hasFlight: true })).toEqual([]);
  });

  const mission = { travellerId: 'usr_t', entityId: 'ent_lab', budgetLineId: 'bgl_anr' };
  const heads: ApproverScopes = { headOf: ['ent_lab'], holderOf: [] };
  const holders: ApproverScopes = { headOf: [], holderOf: ['bgl_anr'] };
  const fresh: ApprovalProgress = { steps: ['head', 'budget_holder'], approved: [] };
  const headDone: ApprovalProgress = { ...fresh, approved: [{ step: 'head', actorId: 'usr_h' }] };

  it('awaits the steps in order', () => {
    expect(pendingStep(fresh)).toBe('head');
    expect(pendingStep(headDone)).toBe('budget_holder');
    expect(pendingStep({ ...fresh, approved: [...headDone.approved, { step: 'budget_holder', actorId: 'usr_b' }] })).toBeNull();
  });

  it('lets the approver of the step awaited act, never the traveller, never one person twice', () => {
    const as = (id: string, scopes: ApproverScopes, isAdmin = false) => ({ id, isAdmin, scopes });
    expect(mayApprove(as('usr_h', heads), mission, fresh)).toBe(true);
    expect(mayApprove(as('usr_b', holders), mission, fresh)).toBe(false);
    expect(mayApprove(as('usr_b', holders), mission, headDone)).toBe(true);
    expect(mayApprove(as('usr_h', { headOf: ['ent_lab'], holderOf: ['bgl_anr'] }), mission, headDone)).toBe(false);
    expect(mayApprove(as('usr_t', heads), mission, fresh)).toBe(false);
    expect(mayApprove(as('usr_t', heads, true), mission, fresh)).toBe(false);
    expect(mayApprove(as('usr_a', { headOf: [], holderOf: [] }, true), mission, fresh)).toBe(true);
    expect(mayApprove(as('usr_h', { headOf: ['ent_other'], holderOf: [] }), mission, fresh)).toBe(false);
    expect(mayApprove(as('usr_h', holders), { ...mission, budgetLineId: null }, headDone)).toBe(false);
  });

  it('keeps the latest grant or withdrawal of each person in each scope', () => {
    const records = [
      { kind: 'head', scopeId: 'ent_lab', userId: 'usr_a', active: true },
      { kind: 'head', scopeId: 'ent_lab', userId: 'usr_b', active: true },
      { kind: 'head', scopeId: 'ent_lab', userId: 'usr_a', active: false },
      { kind: 'budget_holder', scopeId: 'bgl_anr', userId: 'usr_a', active: true },
    ];
    expect(currentApprovers(records).map((r) => `${r.kind}:${r.userId}`)).toEqual(['head:usr_b', 'budget_holder:usr_a']);
    expect(scopesOf(records.filter((r) => r.userId === 'usr_a'))).toEqual({ headOf: [], holderOf: ['bgl_anr'] });
  });
});
