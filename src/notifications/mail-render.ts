import { resolve } from 'node:path';
import { Eta } from 'eta';
import { projectRoot } from '../shared/db.ts';

const templatesFolder = resolve(projectRoot, 'templates');

// Two renderers of templates/notifications: HTML escapes every value; plain text must not (an
// apostrophe would read &#39;). The texts themselves come from notifications.messages.ts.
const html = new Eta({ views: templatesFolder, cache: true, autoEscape: true });
const text = new Eta({ views: templatesFolder, cache: true, autoEscape: false, autoTrim: false });

export type NoticeView = { parts: Array<{ lang: 'fr' | 'en'; lead: string; commentLabel: string; linkLabel: string }>; comment: string | null; link: string };

export const renderNotice = (view: NoticeView): { text: string; html: string } => ({
  text: text.render('notifications/notice-text', view).replace(/\n{3,}/g, '\n\n'),
  html: html.render('notifications/notice-html', view),
});
