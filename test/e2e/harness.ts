import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { openMigratedDatabase, projectRoot } from '../../src/shared/db.ts';
import { bearerFor, createUser, type TestUser } from '../helpers/auth.ts';
import { createBudgetLine, createEntity } from '../helpers/org.ts';
import { startServerProcess } from '../../bench/server-process.ts';

// Browser tests run the real server (real migrations, real sign-in) on an ephemeral port with a
// temporary database file, and Debian's chromium driven by playwright-core.

export const artifactsDir = resolve(projectRoot, 'test-artifacts');
export const workDir = (): string => mkdtempSync(join(tmpdir(), 'empreinte-e2e-'));

export type RunningServer = { baseUrl: string; stop: () => Promise<void>; output: () => string };

// The same child-process server as the reliability tests (bench/server-process.ts), stopped gently.
export async function startServer(dbPath: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const server = await startServerProcess(dbPath, env);
  const stop = async () => {
    const exited = server.kill('SIGTERM');
    const force = setTimeout(() => void server.kill('SIGKILL'), 5_000);
    force.unref();
    await exited;
    clearTimeout(force);
  };
  return { baseUrl: server.baseUrl, stop, output: server.output };
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// One fresh profile directory per person, so two people can be signed in side by side.
export async function browserFor(profileRoot: string, name: string): Promise<BrowserContext> {
  const userDataDir = join(profileRoot, `profile-${name}`);
  mkdirSync(userDataDir, { recursive: true });
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 900 },
  });
}

const axeSource = readFileSync(resolve(projectRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

// The pages' CSP (script-src 'self') refuses an inline <script>: addScriptTag with `content` is
// blocked, so when it does not define `axe` the source is evaluated through the DevTools protocol,
// which the CSP does not govern.
export async function expectAccessible(page: Page, label: string): Promise<void> {
  await page.addScriptTag({ content: axeSource }).catch(() => undefined);
  if (!(await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined'))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // Runs in the page: the test's tsconfig has no DOM types, hence the narrow casts.
    const page = globalThis as unknown as { document: unknown; axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown }> }> }> } };
    const result = await page.axe.run(page.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `${label}: ${JSON.stringify(serious, null, 1)}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}

export function removeDir(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

// CSP violations seen by a page, recorded from inside it before its own scripts run (the init script
// is injected by the DevTools protocol, which the CSP does not govern). Returns a reader of the list.
export async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = globalThis as unknown as { addEventListener: (t: string, f: (e: { violatedDirective: string; blockedURI: string }) => void) => void; __csp: string[] };
    w.__csp = [];
    w.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (globalThis as unknown as { __csp: string[] }).__csp);
}

// Signs in through the French sign-in form and waits for the home page.
export async function signInThroughForm(page: Page, baseUrl: string, user: { email: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Adresse électronique').fill(user.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`${baseUrl}/`);
}

// The people pages' fixture: a lab with one budget line, an administrator and a member of the lab.
export async function seedAdminAndPerson(dbPath: string): Promise<{ admin: TestUser; person: TestUser }> {
  const database = openMigratedDatabase(dbPath);
  try {
    const lab = await createEntity(database, { name: 'LGEI' });
    await createBudgetLine(database, lab.id, { code: 'ANR-22', label: 'Projet ANR' });
    const admin = await createUser(database, { roles: ['admin'], name: 'Alix Admin', email: 'alix.admin@mines-ales.fr' });
    const person = await createUser(database, { roles: ['staff'], name: 'Bao Martin', email: 'bao.martin@mines-ales.fr', entityId: lab.id });
    return { admin, person };
  } finally {
    database.sqlite.close();
  }
}

export type LabFixture = { admin: TestUser; traveller: TestUser; head: TestUser; travellerToken: string; budgetLineId: string };

// The lab fixture of the approval and quota pages: LGEI with one budget line, an administrator, a
// traveller of the lab (with an API token to prepare missions) and a second member, its head-to-be.
export async function seedLab(dbPath: string): Promise<LabFixture> {
  const database = openMigratedDatabase(dbPath);
  try {
    const lab = await createEntity(database, { name: 'LGEI' });
    const budgetLineId = (await createBudgetLine(database, lab.id, { code: 'ANR-22', label: 'Projet ANR' })).id;
    const admin = await createUser(database, { roles: ['admin'], name: 'Alix Admin', email: 'alix.admin@mines-ales.fr' });
    const head = await createUser(database, { roles: ['staff'], name: 'Camille Directrice', email: 'camille.directrice@mines-ales.fr', entityId: lab.id });
    const traveller = await createUser(database, { roles: ['staff'], name: 'Bao Martin', email: 'bao.martin@mines-ales.fr', entityId: lab.id });
    return { admin, head, traveller, budgetLineId, travellerToken: await bearerFor(database, traveller) };
  } finally {
    database.sqlite.close();
  }
}

export type LabSession = LabFixture & { server: RunningServer; browser: BrowserContext; page: Page; check: (label: string) => Promise<void>; stop: () => Promise<void> };

// The lab fixture served by a real server, with one browser whose pages are checked by axe-core and
// against the strict CSP (`check`), for the approval and quota tests.
export async function startLabSession(): Promise<LabSession> {
  const dir = workDir();
  const dbPath = join(dir, 'empreinte.sqlite');
  const lab = await seedLab(dbPath);
  const server = await startServer(dbPath);
  const browser = await browserFor(dir, 'people');
  const page = browser.pages()[0] ?? (await browser.newPage());
  const cspViolations = await watchCspViolations(page);
  const check = async (label: string) => {
    expect(await cspViolations()).toEqual([]);
    await expectAccessible(page, label);
  };
  const stop = async () => {
    await browser.close();
    await server.stop();
    removeDir(dir);
  };
  return { ...lab, server, browser, page, check, stop };
}
