import type { NoticeKind } from './notifications.models.ts';

// The words of each notice, French first then English in the same message: the people are French,
// some read English, and no per-person language is stored.
type Words = { subject: string; lead: (p: NoticeParams) => string };
export type NoticeParams = { traveller: string; actor: string; destination: string; departs: string };

export const noticeWords: Record<NoticeKind, { fr: Words; en: Words }> = {
  'mission.submitted': {
    fr: { subject: 'Mission à valider', lead: (p) => `${p.traveller} a soumis une demande de mission : ${p.destination}, départ le ${p.departs}. Elle attend votre validation.` },
    en: { subject: 'Mission to review', lead: (p) => `${p.traveller} submitted a mission request: ${p.destination}, leaving on ${p.departs}. It awaits your review.` },
  },
  'mission.approval_requested': {
    fr: { subject: 'Mission à approuver', lead: (p) => `${p.traveller} a soumis une demande de mission : ${p.destination}, départ le ${p.departs}. Elle attend votre approbation avant la validation par le secrétariat.` },
    en: { subject: 'Mission to approve', lead: (p) => `${p.traveller} submitted a mission request: ${p.destination}, leaving on ${p.departs}. It awaits your approval before the secretariat reviews it.` },
  },
  'mission.returned': {
    fr: { subject: 'Mission à compléter', lead: (p) => `${p.actor} vous a renvoyé votre demande de mission (${p.destination}, départ le ${p.departs}) pour la compléter.` },
    en: { subject: 'Mission returned', lead: (p) => `${p.actor} returned your mission request (${p.destination}, leaving on ${p.departs}) for you to complete.` },
  },
  'mission.rejected': {
    fr: { subject: 'Mission refusée', lead: (p) => `${p.actor} a refusé votre demande de mission (${p.destination}, départ le ${p.departs}).` },
    en: { subject: 'Mission rejected', lead: (p) => `${p.actor} rejected your mission request (${p.destination}, leaving on ${p.departs}).` },
  },
  'mission.validated': {
    fr: { subject: 'Mission validée', lead: (p) => `${p.actor} a validé votre demande de mission (${p.destination}, départ le ${p.departs}).` },
    en: { subject: 'Mission approved', lead: (p) => `${p.actor} approved your mission request (${p.destination}, leaving on ${p.departs}).` },
  },
  'claim.submitted': {
    fr: { subject: 'État de frais à certifier', lead: (p) => `${p.traveller} a soumis l'état de frais de sa mission (${p.destination}, départ le ${p.departs}). Il attend votre service fait.` },
    en: { subject: 'Expense claim to certify', lead: (p) => `${p.traveller} submitted the expense claim of their mission (${p.destination}, leaving on ${p.departs}). It awaits your certification.` },
  },
  'claim.returned': {
    fr: { subject: 'État de frais à compléter', lead: (p) => `${p.actor} vous a renvoyé l'état de frais de votre mission (${p.destination}, départ le ${p.departs}) pour le compléter.` },
    en: { subject: 'Expense claim returned', lead: (p) => `${p.actor} returned the expense claim of your mission (${p.destination}, leaving on ${p.departs}) for you to complete.` },
  },
  'claim.rejected': {
    fr: { subject: 'État de frais refusé', lead: (p) => `${p.actor} a refusé l'état de frais de votre mission (${p.destination}, départ le ${p.departs}).` },
    en: { subject: 'Expense claim rejected', lead: (p) => `${p.actor} rejected the expense claim of your mission (${p.destination}, leaving on ${p.departs}).` },
  },
  'claim.certified': {
    fr: { subject: 'Service fait certifié', lead: (p) => `${p.actor} a certifié le service fait de votre mission (${p.destination}, départ le ${p.departs}) : le paiement suit.` },
    en: { subject: 'Expense claim certified', lead: (p) => `${p.actor} certified the expense claim of your mission (${p.destination}, leaving on ${p.departs}): payment follows.` },
  },
  'claim.paid': {
    fr: { subject: 'État de frais payé', lead: (p) => `${p.actor} a enregistré le paiement de l'état de frais de votre mission (${p.destination}, départ le ${p.departs}).` },
    en: { subject: 'Expense claim paid', lead: (p) => `${p.actor} recorded the payment of the expense claim of your mission (${p.destination}, leaving on ${p.departs}).` },
  },
};
