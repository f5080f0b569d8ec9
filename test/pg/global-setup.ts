import type { TestProject } from 'vitest/node';
import { openPgDatabase } from '../../src/shared/pg-database.ts';
import { createDatabase, findPgBin, PG_TEMPLATE, startCluster } from './cluster.ts';

// Migrated once through the port: each suite's database is a copy (CREATE DATABASE … TEMPLATE), which
// takes milliseconds where applying the migrations again would take a tenth of a second.
async function prepareTemplate(url: string): Promise<void> {
  const template = await openPgDatabase(await createDatabase(url, PG_TEMPLATE), { maxConnections: 1 });
  await template.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    // Empty when no PostgreSQL server binaries are installed (outside CI only): the PostgreSQL suites skip.
    pgUrl: string;
  }
}

// One throw-away cluster for the whole run; each suite creates its own database in it.
export default async function setup(project: TestProject) {
  const bin = findPgBin();
  if (!bin) {
    if (process.env.CI) throw new Error('PostgreSQL server binaries not found: .ci/run installs Debian’s postgresql package');
    console.warn('PostgreSQL server binaries not found (apt-get install postgresql): the PostgreSQL suites are skipped');
    project.provide('pgUrl', '');
    return;
  }
  const cluster = await startCluster(bin);
  try {
    await prepareTemplate(cluster.url);
  } catch (err) {
    cluster.stop();
    throw err;
  }
  project.provide('pgUrl', cluster.url);
  return () => cluster.stop();
}
