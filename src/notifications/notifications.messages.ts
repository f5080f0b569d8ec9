import type { MissionNoticeKind } from './notifications.models.ts';

// The words of each notice, French first then English in the same message: the people are French,
// some read English, and no per-person language is stored.
type Words = { subject: string; lead: (p: NoticeParams) => string };
export type NoticeParams = { traveller: string; actor: string; destination: string; departs: string };

export const noticeWords: Record<MissionNoticeKind, { fr: Words; en: Words }> = {
  'mission.submitted': {
    fr: { subject: 'Mission à valider', lead: (p) => `${p.traveller} a soumis une demande de mission : ${p.destination}, départ le ${p.departs}. Elle attend votre validation.` },
    en: { subject: 'Mission to review', lead: (p) => `${p.traveller} submitted a mission request: ${p.destination}, leaving on ${p.departs}. It awaits your review.` },
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
};
