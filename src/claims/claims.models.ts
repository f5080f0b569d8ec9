import { detail, type AppError, type ErrorDetail } from '../shared/errors.ts';
import { anyOf } from '../shared/i18n/index.ts';
import { claimErrors, claimStateTexts, claimTexts } from './claims.errors.ts';
import type { Role } from '../auth/auth.types.ts';

// The claim (état de frais) lifecycle as pure rules, as missions.models.ts does for requests: who may
// do what, from which status. API, pages and tests all go through `decideClaim`.
//
//   draft ──submit──► submitted ──certify──► certified ──pay──► paid
//     ▲                  │ │
//     └──edit/submit── returned   rejected (terminal)
//
// Certification is the "service fait": the secretariat attests the trip happened as claimed. It
// settles the carbon contribution on the actual trip. Payment is finance's, after certification.

export const claimStatuses = ['draft', 'submitted', 'returned', 'rejected', 'certified', 'paid'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

export const claimActions = ['edit', 'submit', 'return', 'reject', 'certify', 'pay'] as const;
export type ClaimAction = (typeof claimActions)[number];
export const claimWorkflowActions = ['submit', 'return', 'reject', 'certify', 'pay'] as const;
export type ClaimWorkflowAction = (typeof claimWorkflowActions)[number];

// What the claim is certified for: certified and paid claims carry the actual figures for reports.
export const settledStatuses: readonly ClaimStatus[] = ['certified', 'paid'];

export type Actor = { id: string; roles: readonly Role[] };
export type ClaimFacts = { travellerId: string; status: ClaimStatus };

const has = (actor: Actor, role: Role) => actor.roles.includes(role) || actor.roles.includes('admin');
const isAdmin = (actor: Actor) => actor.roles.includes('admin');
const isOwner = (actor: Actor, claim: Pick<ClaimFacts, 'travellerId'>) => actor.id === claim.travellerId;

// Receipts are personal data (hotel bills, names): the traveller, the secretariat that certifies,
// finance that pays and admin read a claim. The copil sees only aggregates.
export function canSeeClaim(actor: Actor, claim: Pick<ClaimFacts, 'travellerId'>): boolean {
  return isOwner(actor, claim) || actor.roles.some((r) => r === 'secretariat' || r === 'finance' || r === 'admin');
}

type Rule = { from: readonly ClaimStatus[]; to: ClaimStatus | null; allowed: (actor: Actor, claim: ClaimFacts) => boolean };

// Four-eyes, as for missions: nobody certifies or pays their own claim; only an admin may.
const certifier = (a: Actor, c: ClaimFacts) => isAdmin(a) || (has(a, 'secretariat') && !isOwner(a, c));
const payer = (a: Actor, c: ClaimFacts) => isAdmin(a) || (has(a, 'finance') && !isOwner(a, c));
const traveller = (a: Actor, c: ClaimFacts) => isOwner(a, c) || isAdmin(a);

const rules: Record<ClaimAction, Rule> = {
  edit: { from: ['draft', 'returned'], to: null, allowed: traveller },
  submit: { from: ['draft', 'returned'], to: 'submitted', allowed: traveller },
  return: { from: ['submitted'], to: 'returned', allowed: certifier },
  reject: { from: ['submitted'], to: 'rejected', allowed: certifier },
  certify: { from: ['submitted'], to: 'certified', allowed: certifier },
  pay: { from: ['certified'], to: 'paid', allowed: payer },
};

export const claimNotFound = (): AppError => claimErrors.notFound();

export function authorizeClaim(action: ClaimAction, claim: ClaimFacts, actor: Actor): void {
  if (!canSeeClaim(actor, claim)) throw claimNotFound();
  if (!rules[action].allowed(actor, claim)) {
    throw claimErrors.forbidden({ action });
  }
}

export function nextClaimStatus(action: ClaimAction, claim: ClaimFacts): ClaimStatus {
  const rule = rules[action];
  if (!rule.from.includes(claim.status)) {
    const expected = anyOf(rule.from.map((s) => claimStateTexts[s]()));
    throw claimErrors.invalidTransition({ status: claimStateTexts[claim.status](), action, expected }, [
      { path: 'status', message: `current status ${claim.status}`, status: claim.status, action },
    ]);
  }
  return rule.to ?? claim.status;
}

// Visibility, then role, then status: someone who may never act learns nothing about the state.
export function decideClaim(action: ClaimAction, claim: ClaimFacts, actor: Actor): ClaimStatus {
  authorizeClaim(action, claim, actor);
  return nextClaimStatus(action, claim);
}

export function availableClaimActions(actor: Actor, claim: ClaimFacts): ClaimAction[] {
  return claimActions.filter((action) => {
    try {
      decideClaim(action, claim, actor);
      return true;
    } catch {
      return false;
    }
  });
}

// Who may open a claim: the traveller of a validated mission (or an admin for them). A cancelled,
// rejected or pending mission has none: there is nothing to reimburse.
export function assertClaimable(mission: { status: string }): void {
  if (mission.status !== 'validated') {
    throw claimErrors.missionNotValidated({}, [{ path: 'mission', message: `mission is ${mission.status}` }]);
  }
}

// Submission: once the trip is over (an état de frais states what happened), with a receipt whenever
// something other than the per diem and the mileage allowance is asked back.
export type SubmissionFacts = { returnAt: string; nowIso: string; receipts: number; amountsNeedingReceiptCents: number };

export function checkClaimSubmission(facts: SubmissionFacts): void {
  const details: ErrorDetail[] = [];
  if (facts.returnAt > facts.nowIso) details.push(detail('trip.returnAt', claimTexts.tripNotOver()));
  if (facts.amountsNeedingReceiptCents > 0 && facts.receipts === 0) details.push(detail('receipts', claimTexts.receiptsMissing()));
  if (details.length > 0) throw claimErrors.submissionIncomplete({ problems: details.map((d) => d.text!) }, details);
}
