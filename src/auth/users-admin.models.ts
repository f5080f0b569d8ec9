import type { AppError } from '../shared/errors.ts';
import { userErrors } from './auth.errors.ts';

// Pure rules of managing people: who may be disabled, who may lose the admin role. No I/O.
// Both refusals exist so that Empreinte always keeps someone able to manage it: nobody locks
// themselves out by mistake, and the last enabled administrator cannot be removed by anyone.

export type AdminTarget = { id: string; name: string; disabled: boolean; isAdmin: boolean };
export type AdminRuleInput = {
  actorId: string | null; // null: the operator at the console
  target: AdminTarget;
  enabledAdmins: number; // enabled people holding the admin role, the target included
};

// A refusal is a 409: the request is well formed, the present state of the organisation forbids it.
export type Refusal = AppError;

const isLastEnabledAdmin = ({ target, enabledAdmins }: AdminRuleInput): boolean => target.isAdmin && !target.disabled && enabledAdmins <= 1;

export function refuseDisable(input: AdminRuleInput): Refusal | null {
  if (input.actorId !== null && input.actorId === input.target.id) return userErrors.selfDisable({}, [{ path: 'id', message: 'user.self_disable' }]);
  if (isLastEnabledAdmin(input)) return userErrors.lastAdminDisable({ name: input.target.name }, [{ path: 'id', message: 'user.last_admin' }]);
  return null;
}

export function refuseAdminRoleRemoval(input: AdminRuleInput): Refusal | null {
  if (!isLastEnabledAdmin(input)) return null;
  return userErrors.lastAdminRole({ name: input.target.name }, [{ path: 'role', message: 'user.last_admin' }]);
}
