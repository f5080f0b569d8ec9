import type { AuthenticatedUser, Role } from '../auth/auth.types.ts';
import { hasRole } from '../auth/auth.types.ts';
import type { MessageKey } from '../shared/i18n/index.ts';

// The main menu. Each capability adds its entry here (one line): `roles` omitted means any signed-in person.
export type NavItem = { href: string; key: MessageKey; roles?: Role[] };

export const navItems: NavItem[] = [
  { href: '/', key: 'nav.home' },
  { href: '/missions', key: 'nav.missions', roles: ['staff'] },
  { href: '/secretariat', key: 'nav.missions.queue', roles: ['secretariat'] },
  { href: '/finance', key: 'nav.finance', roles: ['finance', 'copil'] },
  { href: '/copil', key: 'nav.copil', roles: ['copil', 'finance'] },
  { href: '/admin', key: 'nav.admin', roles: ['admin'] },
  { href: '/account/tokens', key: 'nav.tokens' },
];

export type NavLink = { href: string; key: MessageKey; current: boolean };

export function navFor(user: AuthenticatedUser | undefined, path: string): NavLink[] {
  if (!user) return [];
  return navItems
    .filter((item) => !item.roles || hasRole(user, ...item.roles))
    .map((item) => ({ href: item.href, key: item.key, current: item.href === '/' ? path === '/' : path === item.href || path.startsWith(`${item.href}/`) }));
}
