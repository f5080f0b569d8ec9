import type { AuthenticatedUser, Role } from '../auth/auth.types.ts';
import { hasRole } from '../auth/auth.types.ts';
import type { MessageKey } from '../shared/i18n/index.ts';

// The main menu. Each capability adds its entry here (one line): `roles` omitted means any signed-in person.
export type NavItem = { href: string; key: MessageKey; roles?: Role[] };

export const navItems: NavItem[] = [
  { href: '/', key: 'nav.home' },
  { href: '/missions', key: 'nav.missions', roles: ['staff'] },
  { href: '/approvals', key: 'nav.approvals', roles: ['staff'] },
  { href: '/secretariat', key: 'nav.missions.queue', roles: ['secretariat'] },
  { href: '/secretariat/claims', key: 'nav.claims.queue', roles: ['secretariat'] },
  { href: '/finance', key: 'nav.finance', roles: ['finance', 'copil'] },
  { href: '/finance/claims', key: 'nav.claims.payments', roles: ['finance'] },
  { href: '/copil', key: 'nav.copil', roles: ['copil', 'finance'] },
  { href: '/admin', key: 'nav.admin', roles: ['admin'] },
  { href: '/admin/people', key: 'nav.people', roles: ['admin'] },
  { href: '/admin/organisation', key: 'nav.organisation', roles: ['admin'] },
  { href: '/account/tokens', key: 'nav.tokens' },
];

export type NavLink = { href: string; key: MessageKey; current: boolean };

const within = (path: string, href: string): boolean => (href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`));

// One current link only: on /admin/people the people entry, not also its parent /admin.
export function navFor(user: AuthenticatedUser | undefined, path: string): NavLink[] {
  if (!user) return [];
  const visible = navItems.filter((item) => !item.roles || hasRole(user, ...item.roles));
  const current = visible.filter((item) => within(path, item.href)).sort((a, b) => b.href.length - a.href.length)[0];
  return visible.map((item) => ({ href: item.href, key: item.key, current: item === current }));
}
