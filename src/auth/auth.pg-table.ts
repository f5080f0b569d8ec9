// PostgreSQL twin of auth.table.ts: same tables, same row types (test/db/table-twins.test.ts).
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { entities } from '../org/org.pg-table.ts';
import { roles } from './auth.types.ts';
import { userCategories } from './auth.models.ts';

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    category: text('category', { enum: userCategories }).notNull().default('staff'),
    entityId: text('entity_id').references(() => entities.id),
    // Null for people who only sign in through the trusted proxy header or API tokens.
    passwordHash: text('password_hash'),
    createdAt: text('created_at').notNull(),
    disabled: boolean('disabled').notNull().default(false),
  },
  (t) => [
    // Lookups by email are exact: storing it lowercased makes the UNIQUE constraint case-insensitive.
    check('users_email_lowercase', sql`${t.email} = lower(${t.email})`),
    check('users_category_valid', sql`${t.category} in ('staff', 'student')`),
  ],
);

export const userRoles = pgTable(
  'user_roles',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: roles }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.role] }),
    check('user_roles_role_valid', sql`${t.role} in ('staff', 'secretariat', 'finance', 'copil', 'admin')`),
  ],
);

// The id is the SHA-256 of the cookie token: a leaked database does not yield usable cookies.
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfSecret: text('csrf_secret').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    label: text('label').notNull(),
    createdAt: text('created_at').notNull(),
    lastUsedAt: text('last_used_at'),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

// Append-only (triggers in a custom migration refuse UPDATE and DELETE). No foreign keys: the trail
// must outlive anything it mentions, and a failed sign-in may name nobody.
export const authAudit = pgTable(
  'auth_audit',
  {
    id: text('id').primaryKey(),
    at: text('at').notNull(),
    actorId: text('actor_id'),
    subjectUserId: text('subject_user_id'),
    event: text('event').notNull(),
    ip: text('ip'),
    detail: text('detail'),
  },
  (t) => [
    index('auth_audit_at_idx').on(t.at),
    index('auth_audit_subject_idx').on(t.subjectUserId, t.at),
    check(
      'auth_audit_event_valid',
      sql`${t.event} in ('sign_in', 'sign_in_failed', 'sign_out', 'role_added', 'role_removed', 'token_created', 'token_revoked', 'user_created', 'user_disabled', 'user_enabled', 'password_changed', 'password_change_failed', 'password_set', 'user_updated')`,
    ),
  ],
);
