import { stringify } from 'csv-stringify/sync';
import { translator } from '../shared/i18n/index.ts';
import { formatCentsFr, formatGramsAsKgFr, neutraliseCsvCell } from '../ledger/ledger-format.models.ts';
import type { CopilReport, DefinitionKey } from './copil.usecases.ts';
import { groupLabel, modeLabel } from './copil-view.models.ts';
import type { Share } from './indicators.models.ts';

// The figures under the copil report, one per line (section, indicator, group, year, value, unit), for
// a French spreadsheet like the ledger's exports: UTF-8 BOM, `;`, decimal comma, exact kg and euros.
// `Mode` comes last so that no earlier column moves: filled on emissions by mode (a pivot of group ×
// mode × year over "Émissions par mode"), empty elsewhere.

const t = translator('fr');
const columns = ['Section', 'Indicateur', 'Groupe', 'Année', 'Valeur', 'Unité', 'Définition', 'Mode'];
const options = { delimiter: ';', bom: true, header: true, columns, record_delimiter: 'windows' as const, quoted_match: /;|"|\n|\r/ };
const decimal = (n: number) => String(n).replace('.', ',');

const recruitmentLabel = 'Recrutements internationaux en visio';
const studentLabel = 'Déplacements internationaux d’étudiants avec pré-acheminement en train';

type Line = [section: string, indicator: string, group: string, year: number | '', value: string, unit: string, definition: string, mode?: string];

export function copilCsv(r: CopilReport): string {
  const def = (key: DefinitionKey) => r.definitions[key].fr;
  const both = (indicator: string, key: DefinitionKey, current: string, reference: string, unit: string): Line[] => [
    ['Synthèse', indicator, '', r.year, current, unit, def(key)],
    ['Synthèse', indicator, '', r.reference, reference, unit, def(key)],
  ];
  const share = (s: Share) => (s.percent === null ? '' : decimal(s.percent));
  const lines: Line[] = [
    ...both('Vols', 'flights', String(r.flights.current), String(r.flights.reference), 'vols'),
    ...both('Déplacements en avion', 'trips', String(r.flights.trips.current), String(r.flights.trips.reference), 'déplacements'),
    ['Synthèse', 'Vols évités', '', r.year, String(r.flights.avoided), 'vols', def('avoided')],
    ['Synthèse', 'Vols remplacés dans le formulaire', '', r.year, String(r.flights.replaced), 'vols', def('replaced')],
    ['Synthèse', 'Objectif de vols', '', r.year, r.flights.target === null ? '' : String(r.flights.target), 'vols', def('flightTarget')],
    ...both('Vols intérieurs', 'domestic', String(r.flights.domestic.current), String(r.flights.domestic.reference), 'vols'),
    ...both('Émissions', 'co2e', formatGramsAsKgFr(r.co2eGrams.current), formatGramsAsKgFr(r.co2eGrams.reference), 'kgCO2e'),
    ['Synthèse', 'Trajectoire', '', r.year, r.co2eGrams.target === null ? '' : formatGramsAsKgFr(r.co2eGrams.target), 'kgCO2e', def('co2eTarget')],
    ...both(recruitmentLabel, 'recruitmentByVisio', share(r.shares.recruitmentByVisio.current), share(r.shares.recruitmentByVisio.reference), '%'),
    ...both(studentLabel, 'studentRail', share(r.shares.studentRailPreRouting.current), share(r.shares.studentRailPreRouting.reference), '%'),
    ...both('Étudiants avec pré-acheminement en train', 'studentsWithRail', String(r.studentRail.current.withRail), String(r.studentRail.reference.withRail), 'étudiants'),
    ...both('Étudiants en avion à l’international', 'studentsWithRail', String(r.studentRail.current.students), String(r.studentRail.reference.students), 'étudiants'),
    ...both('Aide au pré-acheminement en train', 'railAid', formatCentsFr(r.studentRail.current.aidCents), formatCentsFr(r.studentRail.reference.aidCents), '€'),
    ['Synthèse', 'Vols compensés', '', r.year, String(r.offset.flights), 'vols', def('offsetFlights')],
    ['Synthèse', 'Contributions versées à l’enveloppe', '', r.year, formatCentsFr(r.offset.contributionsCents), '€', def('contributions')],
    ['Synthèse', 'Solde de l’enveloppe', '', r.year, formatCentsFr(r.offset.envelopeBalanceCents), '€', def('envelope')],
    ['Synthèse', 'Missions comptées sur l’état de frais certifié', '', r.year, String(r.basis.actual), 'missions', def('basis')],
    ['Synthèse', 'Missions comptées sur l’estimation', '', r.year, String(r.basis.estimate), 'missions', def('basis')],
  ];
  for (const p of r.series) {
    lines.push(['Série', 'Vols', '', p.year, String(p.flights), 'vols', '']);
    lines.push(['Série', 'Objectif de vols', '', p.year, p.targetFlights === null ? '' : String(p.targetFlights), 'vols', '']);
    lines.push(['Série', 'Émissions', '', p.year, formatGramsAsKgFr(p.co2eGrams), 'kgCO2e', '']);
    lines.push(['Série', 'Trajectoire', '', p.year, p.targetCo2eGrams === null ? '' : formatGramsAsKgFr(p.targetCo2eGrams), 'kgCO2e', '']);
  }
  for (const m of r.co2eByMode) {
    const mode = modeLabel(t, m.mode);
    lines.push(['Par mode', 'Émissions', mode, r.year, formatGramsAsKgFr(m.current), 'kgCO2e', '', mode]);
    lines.push(['Par mode', 'Émissions', mode, r.reference, formatGramsAsKgFr(m.reference), 'kgCO2e', '', mode]);
  }
  const sections = { entity: 'Par entité', purpose: 'Par motif', category: 'Par catégorie' } as const;
  for (const dimension of ['entity', 'purpose', 'category'] as const) {
    for (const g of r.breakdowns[dimension]) {
      const group = neutraliseCsvCell(groupLabel(t, dimension, g.key));
      const s = sections[dimension];
      lines.push([s, 'Vols', group, r.year, String(g.flights.current), 'vols', ''], [s, 'Vols', group, r.reference, String(g.flights.reference), 'vols', '']);
      lines.push([s, 'Déplacements en avion', group, r.year, String(g.trips.current), 'déplacements', ''], [s, 'Déplacements en avion', group, r.reference, String(g.trips.reference), 'déplacements', '']);
      lines.push([s, 'Vols évités', group, r.year, String(g.flights.avoided), 'vols', ''], [s, 'Vols remplacés', group, r.year, String(g.replaced), 'vols', '']);
      lines.push([s, 'Émissions', group, r.year, formatGramsAsKgFr(g.co2eGrams.current), 'kgCO2e', ''], [s, 'Émissions', group, r.reference, formatGramsAsKgFr(g.co2eGrams.reference), 'kgCO2e', '']);
      for (const m of g.co2eByMode) {
        const mode = modeLabel(t, m.mode);
        lines.push([s, 'Émissions par mode', group, r.year, formatGramsAsKgFr(m.current), 'kgCO2e', '', mode], [s, 'Émissions par mode', group, r.reference, formatGramsAsKgFr(m.reference), 'kgCO2e', '', mode]);
      }
      lines.push([s, 'Vols intérieurs', group, r.year, String(g.domestic.current), 'vols', ''], [s, 'Vols intérieurs', group, r.reference, String(g.domestic.reference), 'vols', '']);
      // A meaningless split (recruitment by purpose, students by category) has no line at all.
      if (g.recruitmentByVisio) lines.push([s, recruitmentLabel, group, r.year, share(g.recruitmentByVisio.current), '%', ''], [s, recruitmentLabel, group, r.reference, share(g.recruitmentByVisio.reference), '%', '']);
      if (g.studentRailPreRouting) lines.push([s, studentLabel, group, r.year, share(g.studentRailPreRouting.current), '%', ''], [s, studentLabel, group, r.reference, share(g.studentRailPreRouting.reference), '%', '']);
      lines.push([s, 'Vols compensés', group, r.year, String(g.offset.flights), 'vols', ''], [s, 'Contributions versées à l’enveloppe', group, r.year, formatCentsFr(g.offset.contributionsCents), '€', '']);
    }
  }
  // Every line has every column: a spreadsheet (and csv-parse) wants records of one length.
  return stringify(lines.map((line) => [...line, ...Array<string>(columns.length - line.length).fill('')]), options);
}
