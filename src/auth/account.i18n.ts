import { registerMessages } from '../shared/i18n/index.ts';

// The account pages' messages (password), spread into the shared catalogues (src/shared/i18n/{fr,en}.ts).
// The password field messages serve /account/password and the admin's /admin/people/:id alike.
export const accountFr = {
  'layout.changePassword': 'Changer de mot de passe',
  'home.password': 'Changer votre mot de passe',
  'password.title': 'Changer de mot de passe',
  'password.intro': 'Saisissez votre mot de passe actuel, puis le nouveau deux fois. Vos autres sessions (autres navigateurs, autres appareils) seront fermées ; celle-ci reste ouverte.',
  'password.none': 'Votre compte n’a pas de mot de passe : vous vous connectez par le proxy de l’école ou avec un jeton d’API. Il n’y a rien à changer ici.',
  'password.current': 'Mot de passe actuel',
  'password.new': 'Nouveau mot de passe',
  'password.new.hint': 'Au moins 12 caractères. Une phrase de plusieurs mots est plus sûre et plus facile à retenir.',
  'password.confirm': 'Nouveau mot de passe, une seconde fois',
  'password.submit': 'Changer le mot de passe',
  'password.flash.changed': 'Votre mot de passe a été changé. Vos autres sessions sont fermées.',
  'password.error.currentRequired': 'Saisissez votre mot de passe actuel.',
  'password.error.currentWrong': 'Le mot de passe actuel est incorrect.',
  'password.error.rateLimited': 'Trop d’essais du mot de passe actuel. Réessayez dans {minutes} min.',
  'password.error.newTooShort': 'Le nouveau mot de passe doit contenir au moins {min} caractères.',
  'password.error.newTooLong': 'Le nouveau mot de passe doit contenir au plus {max} caractères.',
  'password.error.newSame': 'Le nouveau mot de passe doit être différent de l’actuel.',
  'password.error.confirmRequired': 'Saisissez le nouveau mot de passe une seconde fois.',
  'password.error.confirmMismatch': 'La seconde saisie ne correspond pas au nouveau mot de passe.',
} as const;

export const accountEn: Record<keyof typeof accountFr, string> = {
  'layout.changePassword': 'Change password',
  'home.password': 'Change your password',
  'password.title': 'Change password',
  'password.intro': 'Enter your current password, then the new one twice. Your other sessions (other browsers, other devices) will be ended; this one stays open.',
  'password.none': 'Your account has no password: you sign in through the school’s proxy or with an API token. There is nothing to change here.',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.new.hint': 'At least 12 characters. A phrase of several words is safer and easier to remember.',
  'password.confirm': 'New password, once more',
  'password.submit': 'Change the password',
  'password.flash.changed': 'Your password has been changed. Your other sessions are ended.',
  'password.error.currentRequired': 'Enter your current password.',
  'password.error.currentWrong': 'The current password is wrong.',
  'password.error.rateLimited': 'Too many attempts at the current password. Try again in {minutes} min.',
  'password.error.newTooShort': 'The new password must have at least {min} characters.',
  'password.error.newTooLong': 'The new password must have at most {max} characters.',
  'password.error.newSame': 'The new password must differ from the current one.',
  'password.error.confirmRequired': 'Enter the new password a second time.',
  'password.error.confirmMismatch': 'The second entry does not match the new password.',
};

// The keys join every `t()` call's type; the texts join the catalogues when this module is loaded
// (src/messages.ts loads every capability's).
declare module '../shared/i18n/index.ts' {
  interface FeatureMessages extends Record<keyof typeof accountFr, true> {}
}
registerMessages({ fr: accountFr, en: accountEn });
