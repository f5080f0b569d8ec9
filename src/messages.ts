// Every capability's texts, registered with the shared catalogues (src/shared/i18n) by loading its
// `*.i18n.ts`. The app, the CLI and the test set-up load this module once; a capability with pages
// or exports adds its line here.
import './missions/missions.i18n.ts';
import './reports/reports.i18n.ts';
import './ledger/ledger.i18n.ts';
import './auth/people.i18n.ts';
import './org/org.i18n.ts';
import './auth/account.i18n.ts';
import './claims/claims.i18n.ts';
import './approvals/approvals.i18n.ts';
import './quotas/quotas.i18n.ts';
import './notifications/notifications.i18n.ts';
import './policies/policies.i18n.ts';
