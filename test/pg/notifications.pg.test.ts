import { rerunOnPostgres } from './database.ts';

// The notices again, on PostgreSQL: written with their step, sent through a real SMTP server, kept
// and retried, and two dispatchers (two instances) sending each notice once, and the admin's outbox.
await rerunOnPostgres('notification suites on PostgreSQL', ['../notifications/notifications.test.ts', '../notifications/claim-notices.test.ts', '../notifications/outbox-admin.test.ts']);
