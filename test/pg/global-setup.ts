import type { TestProject } from 'vitest/node';
import { findPgBin, startCluster } from './cluster.ts';

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
  project.provide('pgUrl', cluster.url);
  return () => cluster.stop();
}
