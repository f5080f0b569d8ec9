import { registerMessages } from '../shared/i18n/index.ts';

// The action plan's switches: the admin page (/admin/policies). Spread into the shared catalogues.
export const policiesFr = {
  'policies.admin.link': 'Règles du plan d’action (vols intérieurs, recrutement)',
  'policies.admin.title': 'Règles du plan d’action',
  'policies.admin.intro': 'Les règles de déplacement du plan d’action RSE que l’établissement active ou suspend. Un changement vaut pour les estimations et les soumissions qui suivent : une demande déjà soumise garde les règles selon lesquelles elle a été vérifiée. Chaque changement est conservé, avec son auteur et sa raison.',
  'policies.domestic_flights_justified.name': 'Expérimentation sur les vols intérieurs',
  'policies.domestic_flights_justified.description': 'Tant qu’elle est active, tout vol dont le départ et l’arrivée sont en France (Corse et outre-mer compris) demande une justification, quelle que soit la durée du trajet en train.',
  'policies.recruitment_abroad_justified.name': 'Recrutement à l’étranger en visioconférence',
  'policies.recruitment_abroad_justified.description': 'Un vol à l’étranger pour un recrutement demande une justification, sauf si le voyageur indique que la visioconférence n’est pas possible.',
  'policies.state.on': 'Active',
  'policies.state.off': 'Inactive',
  'policies.source.admin': 'réglée dans l’application',
  'policies.source.default': 'valeur par défaut du déploiement',
  'policies.action.on': 'Activer la règle',
  'policies.action.off': 'Suspendre la règle',
  'policies.form.note': 'Raison du changement (facultatif)',
  'policies.form.note.hint': 'Par exemple : décision du copil du 12 mars.',
  'policies.history.title': 'Historique',
  'policies.history.empty': 'Aucune règle changée dans l’application pour l’instant : les valeurs par défaut du déploiement s’appliquent.',
  'policies.col.when': 'Date',
  'policies.col.rule': 'Règle',
  'policies.col.state': 'État',
  'policies.col.who': 'Par',
  'policies.col.note': 'Raison',
  'policies.flash.on': 'Règle activée : {rule}.',
  'policies.flash.off': 'Règle suspendue : {rule}.',
} as const;

export const policiesEn: Record<keyof typeof policiesFr, string> = {
  'policies.admin.link': 'Action plan rules (domestic flights, recruitment)',
  'policies.admin.title': 'Action plan rules',
  'policies.admin.intro': 'The CSR action plan’s travel rules the school turns on or suspends. A change applies to the estimates and submissions that follow: a request already submitted keeps the rules it was checked against. Every change is kept, with who made it and why.',
  'policies.domestic_flights_justified.name': 'Domestic flights trial',
  'policies.domestic_flights_justified.description': 'While it is on, every flight with both ends in France (Corsica and overseas included) needs a justification, however long the train would take.',
  'policies.recruitment_abroad_justified.name': 'Recruitment abroad by video conference',
  'policies.recruitment_abroad_justified.description': 'A flight abroad for a recruitment needs a justification, unless the traveller states that a video conference is not possible.',
  'policies.state.on': 'On',
  'policies.state.off': 'Off',
  'policies.source.admin': 'set in the application',
  'policies.source.default': 'the deployment’s default',
  'policies.action.on': 'Turn the rule on',
  'policies.action.off': 'Suspend the rule',
  'policies.form.note': 'Reason for the change (optional)',
  'policies.form.note.hint': 'For example: copil decision of 12 March.',
  'policies.history.title': 'History',
  'policies.history.empty': 'No rule changed in the application yet: the deployment’s defaults apply.',
  'policies.col.when': 'Date',
  'policies.col.rule': 'Rule',
  'policies.col.state': 'State',
  'policies.col.who': 'By',
  'policies.col.note': 'Reason',
  'policies.flash.on': 'Rule turned on: {rule}.',
  'policies.flash.off': 'Rule suspended: {rule}.',
};

declare module '../shared/i18n/index.ts' {
  interface FeatureMessages extends Record<keyof typeof policiesFr, true> {}
}
registerMessages({ fr: policiesFr, en: policiesEn });
