import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

// A throw-away PostgreSQL cluster for the test run: initdb in a temporary folder, pg_ctl on a free
// loopback port, trust authentication for local connections only, removed at the end. As root
// (CI containers), the server runs as a dedicated OS user, since PostgreSQL refuses to run as root.

const OS_USER = 'empreinte-pg';

// The migrated database every PostgreSQL suite's database is copied from (test/pg/global-setup.ts).
export const PG_TEMPLATE = 'empreinte_template';

export function findPgBin(): string | null {
  const candidates = [process.env.EMPREINTE_PG_BIN, ...(existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort().reverse().map((v) => `/usr/lib/postgresql/${v}/bin`) : [])];
  for (const dir of candidates) if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  return onPath ? onPath.replace(/\/initdb$/, '') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function asServerUser(bin: string, args: string[]): void {
  const isRoot = process.getuid?.() === 0;
  const [command, fullArgs] = isRoot ? ['runuser', ['-u', OS_USER, '--', bin, ...args]] : [bin, args];
  execFileSync(command, fullArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
}

function ensureOsUser(): void {
  if (process.getuid?.() !== 0) return;
  if (spawnSync('id', [OS_USER]).status === 0) return;
  execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', OS_USER]);
}

export type Cluster = { url: string; port: number; pause: () => void; resume: () => void; stop: () => void };

export async function startCluster(bin: string): Promise<Cluster> {
  ensureOsUser();
  const dir = mkdtempSync(join(tmpdir(), 'empreinte-pg-'));
  chmodSync(dir, 0o777); // the server's user writes here
  const data = join(dir, 'data');
  const port = await freePort();
  asServerUser(join(bin, 'initdb'), ['-D', data, '-U', 'empreinte', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const pgCtl = (args: string[]) => asServerUser(join(bin, 'pg_ctl'), ['-D', data, ...args]);
  return {
    url: `postgres://empreinte@127.0.0.1:${port}/postgres`,
    port,
    // The server goes away and comes back on the same port with its data (fault tests).
    pause: () => pgCtl(['-m', 'fast', '-w', '-t', '60', 'stop']),
    resume: () => pgCtl(['-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']),
    stop: () => {
      try {
        asServerUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', '-t', '60', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

// A database of the cluster (`adminUrl` points at its `postgres` database), copied from `template`
// when given; its URL.
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  } finally {
    await admin.end();
  }
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}
