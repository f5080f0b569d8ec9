// Who pays for a mission: an entity (lab, department, service) and one of its budget lines.
export const entityKinds = ['lab', 'department', 'service'] as const;
export type EntityKind = (typeof entityKinds)[number];

export type Entity = { id: string; name: string; kind: EntityKind; createdAt: string };
export type BudgetLine = { id: string; entityId: string; code: string; label: string; active: boolean };

// The CLI accepts an entity by id or by name; an `ent_` prefix is never a valid name, so the two cannot clash.
export function looksLikeEntityId(ref: string): boolean {
  return ref.startsWith('ent_');
}

// What the organisation trail records (org_audit); the table's CHECK lists the same names.
export const orgAuditActions = ['entity_created', 'budget_line_created', 'budget_line_closed', 'budget_line_reopened'] as const;
export type OrgAuditAction = (typeof orgAuditActions)[number];
