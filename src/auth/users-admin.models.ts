// Pure rules of managing people: who may be disabled, who may lose the admin role. No I/O.
// Both refusals exist so that Empreinte always keeps someone able to manage it: nobody locks
// themselves out by mistake, and the last enabled administrator cannot be removed by anyone.

export type AdminTarget = { id: string; name: string; disabled: boolean; isAdmin: boolean };
export type AdminRuleInput = {
  actorId: string | null; // null: the operator at the console
  target: AdminTarget;
  enabledAdmins: number; // enabled people holding the admin role, the target included
};

export type RefusalCode = 'user.self_disable' | 'user.last_admin';
export type Refusal = { code: RefusalCode; path: string; message: string };

const isLastEnabledAdmin = ({ target, enabledAdmins }: AdminRuleInput): boolean => target.isAdmin && !target.disabled && enabledAdmins <= 1;

export function refuseDisable(input: AdminRuleInput): Refusal | null {
  if (input.actorId !== null && input.actorId === input.target.id) {
    return {
      code: 'user.self_disable',
      path: 'id',
      message: 'Vous ne pouvez pas désactiver votre propre compte : demandez-le à une autre personne ayant le rôle admin.',
    };
  }
  if (isLastEnabledAdmin(input)) {
    return {
      code: 'user.last_admin',
      path: 'id',
      message: `Impossible de désactiver ${input.target.name} : c’est le dernier compte admin actif et plus personne ne pourrait gérer Empreinte. Donnez d’abord le rôle admin à une autre personne.`,
    };
  }
  return null;
}

export function refuseAdminRoleRemoval(input: AdminRuleInput): Refusal | null {
  if (!isLastEnabledAdmin(input)) return null;
  return {
    code: 'user.last_admin',
    path: 'role',
    message: `Impossible de retirer le rôle admin à ${input.target.name} : c’est le dernier compte admin actif et plus personne ne pourrait gérer Empreinte. Donnez d’abord le rôle admin à une autre personne.`,
  };
}
