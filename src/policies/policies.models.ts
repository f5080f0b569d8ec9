// The action plan's travel rules an admin switches on or off in the application (/admin/policies).
// Each switch keeps its history: its state is its latest row; with none, the deployment's default
// (the EMPREINTE_POLICY_* variable) applies. A switch applies to what is computed after it: a stored
// quote or a submitted mission keeps the rules it was checked against, like its carbon price.

export const policySwitchKeys = ['domestic_flights_justified', 'recruitment_abroad_justified'] as const;
export type PolicySwitchKey = (typeof policySwitchKeys)[number];

export type PolicySwitches = { domesticFlightsJustified: boolean; recruitmentAbroadJustified: boolean };

const fieldOf: Record<PolicySwitchKey, keyof PolicySwitches> = {
  domestic_flights_justified: 'domesticFlightsJustified',
  recruitment_abroad_justified: 'recruitmentAbroadJustified',
};

export type SwitchState = { key: PolicySwitchKey; enabled: boolean; source: 'admin' | 'default' };

// Rows in insertion order: the last one of a key wins.
export function switchesFrom(rows: ReadonlyArray<{ key: string; enabled: boolean }>, defaults: PolicySwitches): PolicySwitches {
  const switches = { ...defaults };
  for (const row of rows) {
    const field = fieldOf[row.key as PolicySwitchKey];
    if (field) switches[field] = row.enabled;
  }
  return switches;
}

export function switchStates(rows: ReadonlyArray<{ key: string; enabled: boolean }>, defaults: PolicySwitches): SwitchState[] {
  const current = switchesFrom(rows, defaults);
  const setKeys = new Set(rows.map((r) => r.key));
  return policySwitchKeys.map((key) => ({ key, enabled: current[fieldOf[key]], source: setKeys.has(key) ? 'admin' : 'default' }));
}
