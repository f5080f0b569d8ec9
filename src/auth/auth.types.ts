// The signed-in person as every router sees it. How they signed in (session cookie, trusted header,
// API token) is the auth capability's business; other capabilities only read `req.user`.
export const roles = ['staff', 'secretariat', 'finance', 'copil', 'admin'] as const;
export type Role = (typeof roles)[number];

export type AuthenticatedUser = {
  id: string; // usr_…
  email: string;
  name: string;
  roles: Role[];
  entityId: string | null; // ent_…
  category: 'staff' | 'student';
  via: 'session' | 'header' | 'token';
};

declare module 'express-serve-static-core' {
  interface Request {
    user?: AuthenticatedUser;
  }
}

export const hasRole = (user: AuthenticatedUser | undefined, ...wanted: Role[]): boolean =>
  !!user && (user.roles.includes('admin') || wanted.some((r) => user.roles.includes(r)));
