import { describe, expect, it } from 'vitest';
import type { AuthenticatedUser } from '../../src/auth/auth.types.ts';
import { navFor } from '../../src/web/nav.ts';

const person = (roles: AuthenticatedUser['roles']): AuthenticatedUser => ({ id: 'usr_a', email: 'a@b.fr', name: 'A', roles, entityId: null, category: 'staff', via: 'session' });

describe('main menu', () => {
  it('shows the people and organisation pages to admins only', () => {
    const hrefs = (roles: AuthenticatedUser['roles']) => navFor(person(roles), '/').map((l) => l.href);
    expect(hrefs(['admin'])).toEqual(expect.arrayContaining(['/admin', '/admin/people', '/admin/organisation']));
    for (const roles of [['staff'], ['secretariat'], ['finance'], ['copil']] as const) {
      expect(hrefs([...roles]).filter((h) => h.startsWith('/admin'))).toEqual([]);
    }
  });

  it('marks one link current: the longest that contains the path', () => {
    const current = (path: string) => navFor(person(['admin']), path).filter((l) => l.current).map((l) => l.href);
    expect(current('/admin/people')).toEqual(['/admin/people']);
    expect(current('/admin/organisation')).toEqual(['/admin/organisation']);
    expect(current('/admin')).toEqual(['/admin']);
    expect(current('/admin/carbon-prices')).toEqual(['/admin']);
    expect(current('/administration')).toEqual([]);
    expect(current('/')).toEqual(['/']);
    expect(current('/missions/new')).toEqual(['/missions']);
  });
});
