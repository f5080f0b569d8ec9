import { registerMessages } from '../shared/i18n/index.ts';

// The outbox's admin page (/admin/notifications). Spread into the shared catalogues.
export const notificationsFr = {
  'notifications.admin.link': 'Messages envoyés et en attente',
  'notifications.admin.title': 'Messages (boîte d’envoi)',
  'notifications.admin.intro': 'Chaque avis des étapes des missions et des états de frais passe par cette boîte d’envoi : rien n’est perdu quand le serveur de messagerie est absent ou refuse. Un message abandonné après ses essais, ou seulement journalisé faute de serveur configuré, peut être renvoyé.',
  'notifications.admin.filter': 'Statut',
  'notifications.admin.show': 'Afficher',
  'notifications.admin.caption': 'Derniers messages, du plus récent au plus ancien',
  'notifications.admin.counts': 'Messages par statut',
  'notifications.admin.empty': 'Aucun message.',
  'notifications.col.created': 'Créé le',
  'notifications.col.recipient': 'Destinataire',
  'notifications.col.subject': 'Objet',
  'notifications.col.status': 'Statut',
  'notifications.col.attempts': 'Essais',
  'notifications.col.error': 'Dernière erreur',
  'notifications.col.action': 'Action',
  'notifications.status.all': 'Tous',
  'notifications.status.pending': 'en attente',
  'notifications.status.sent': 'envoyé',
  'notifications.status.logged': 'journalisé (pas de serveur)',
  'notifications.status.failed': 'abandonné',
  'notifications.retry': 'Renvoyer',
  'notifications.retryLabel': 'Renvoyer le message « {subject} » à {recipient}',
  'notifications.flash.queued': 'Message remis dans la file : il part au prochain passage.',
} as const;

export const notificationsEn: Record<keyof typeof notificationsFr, string> = {
  'notifications.admin.link': 'Messages sent and waiting',
  'notifications.admin.title': 'Messages (outbox)',
  'notifications.admin.intro': 'Every notice of the missions’ and claims’ steps goes through this outbox: nothing is lost when the mail server is away or refuses. A message given up after its retries, or only logged while no server was configured, can be sent again.',
  'notifications.admin.filter': 'Status',
  'notifications.admin.show': 'Show',
  'notifications.admin.caption': 'Latest messages, newest first',
  'notifications.admin.counts': 'Messages per status',
  'notifications.admin.empty': 'No message.',
  'notifications.col.created': 'Created',
  'notifications.col.recipient': 'Recipient',
  'notifications.col.subject': 'Subject',
  'notifications.col.status': 'Status',
  'notifications.col.attempts': 'Attempts',
  'notifications.col.error': 'Last error',
  'notifications.col.action': 'Action',
  'notifications.status.all': 'All',
  'notifications.status.pending': 'pending',
  'notifications.status.sent': 'sent',
  'notifications.status.logged': 'logged (no server)',
  'notifications.status.failed': 'given up',
  'notifications.retry': 'Send again',
  'notifications.retryLabel': 'Send the message “{subject}” to {recipient} again',
  'notifications.flash.queued': 'Message queued again: it goes at the next round.',
};

declare module '../shared/i18n/index.ts' {
  interface FeatureMessages extends Record<keyof typeof notificationsFr, true> {}
}
registerMessages({ fr: notificationsFr, en: notificationsEn });
