import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serviceNodeFlags } from './server-process.ts';

const serveScript = fileURLToPath(new URL('./serve.ts', import.meta.url));

export const sampleQuote = {
  departAt: '2027-03-10T07:00:00+01:00',
  returnAt: '2027-03-12T21:00:00+01:00',
  destination: { country: 'CA', city: 'Montréal' },
  legs: [
    { mode: 'plane', from: 'MPL', to: 'YUL', roundTrip: true, travelers: 1, cabin: 'economy', fareCents: 95000 },
    { mode: 'train', from: 'Alès, FR', to: 'Montpellier, FR', roundTrip: true },
    { mode: 'car', distanceKm: 42, fuel: 'thermal', fiscalHorsepower: 5, passengers: 2 },
  ],
};

function startServer(mode: 'bare' | 'app'): Promise<Server> {
  return new Promise((resolve, reject) => {
    // Baseline and app alike run with the service's V8 flags: the ratio compares work, not runtimes.
    const child = fork(serveScript, [mode], { execArgv: [...serviceNodeFlags, '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (m) => resolve({ child, port: (m as { port: number }).port }));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`bench server (${mode}) exited with ${code}`)));
  });
}

type Variant = 'same-body' | 'distinct-bodies';

// `same-body` repeats one request (served from the quote cache after the first); `distinct-bodies`
// changes the fare on every request, so each one is computed (the cache holds 500 answers).
function requestOptions(port: number, variant: Variant) {
  const base = { url: `http://127.0.0.1:${port}/api/quote`, method: 'POST' as const, headers: { 'content-type': 'application/json' }, connections: 10, pipelining: 1 };
  if (variant === 'same-body') return { ...base, body: JSON.stringify(sampleQuote) };
  // Bodies are prepared beforehand so the load generator (on the same two cores) stays cheap; cycling
  // through four times the cache's size makes every request a miss of the LRU cache.
  const [plane, ...rest] = sampleQuote.legs;
  const bodies = Array.from({ length: 2_000 }, (_, i) => JSON.stringify({ ...sampleQuote, legs: [{ ...plane, fareCents: 90_000 + i }, ...rest] }));
  let counter = 0;
  return { ...base, requests: [{ method: 'POST', setupRequest: (req: Record<string, unknown>) => ({ ...req, body: bodies[counter++ % bodies.length] }) }] };
}

// Server CPU per request says where a difference comes from even when the load generator, on the
// same two cores, makes req/s noisy. Linux only (/proc); elsewhere it is left out.
function cpuMillis(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in 10 ms clock ticks
  } catch {
    return undefined;
  }
}

type Measured = { requestsPerSecond: number; p99Ms: number; cpuMicrosPerRequest?: number };
type Server = { child: ChildProcess; port: number };

async function measure(server: Server, seconds: number, variant: Variant): Promise<Measured> {
  const cpuBefore = cpuMillis(server.child.pid);
  const result = await autocannon({ ...requestOptions(server.port, variant), duration: seconds });
  const cpuAfter = cpuMillis(server.child.pid);
  const bad = result.non2xx + result.errors;
  if (bad > 0) throw new Error(`${bad} failed responses during the benchmark`);
  const total = (result.requests as { total?: number }).total ?? result.requests.average * seconds;
  const cpuMicrosPerRequest = cpuBefore === undefined || cpuAfter === undefined ? undefined : Math.round(((cpuAfter - cpuBefore) * 1000) / total);
  return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, cpuMicrosPerRequest };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// Both servers run side by side and are measured in alternation, round after round, so a change of
// load on the machine hits the baseline and the app alike; the median round is reported.
export async function benchQuoteHttp(seconds = 3, rounds = 5) {
  const bare = await startServer('bare');
  const app = await startServer('app');
  try {
    for (const [port, variant] of [[bare.port, 'same-body'], [app.port, 'same-body'], [app.port, 'distinct-bodies']] as const) {
      await autocannon({ ...requestOptions(port, variant), duration: 2 }); // warm-up: JIT and lazy reference data
    }
    type Run = { baseline: Measured; cached: Measured; computed: Measured; cachedRatio: number; computedRatio: number };
    const runs: Run[] = [];
    for (let round = 0; round < rounds; round++) {
      const baseline = await measure(bare, seconds, 'same-body');
      const cached = await measure(app, seconds, 'same-body');
      const computed = await measure(app, seconds, 'distinct-bodies');
      runs.push({ baseline, cached, computed, cachedRatio: cached.requestsPerSecond / baseline.requestsPerSecond, computedRatio: computed.requestsPerSecond / baseline.requestsPerSecond });
    }
    const pick = (key: 'cachedRatio' | 'computedRatio') => runs.find((r) => r[key] === median(runs.map((x) => x[key])))!;
    const cachedRun = pick('cachedRatio');
    const computedRun = pick('computedRatio');
    return {
      cachedBaseline: cachedRun.baseline,
      cached: cachedRun.cached,
      computedBaseline: computedRun.baseline,
      computed: computedRun.computed,
      cachedRatio: cachedRun.cachedRatio,
      computedRatio: computedRun.computedRatio,
      rounds: runs.map((r) => ({ cached: Number(r.cachedRatio.toFixed(2)), computed: Number(r.computedRatio.toFixed(2)), cpuMicrosPerRequest: { bare: r.baseline.cpuMicrosPerRequest, cached: r.cached.cpuMicrosPerRequest, computed: r.computed.cpuMicrosPerRequest } })),
    };
  } finally {
    for (const server of [bare, app]) {
      server.child.disconnect();
      server.child.kill();
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchQuoteHttp());
}
