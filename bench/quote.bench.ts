import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

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

function startServer(mode: 'bare' | 'app'): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(serveScript, [mode], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
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
  let counter = 0;
  const nextBody = () => {
    counter += 1;
    const [plane, ...rest] = sampleQuote.legs;
    return JSON.stringify({ ...sampleQuote, legs: [{ ...plane, fareCents: 90_000 + counter }, ...rest] });
  };
  return { ...base, requests: [{ method: 'POST', setupRequest: (req: Record<string, unknown>) => ({ ...req, body: nextBody() }) }] };
}

async function measure(mode: 'bare' | 'app', seconds: number, variant: Variant = 'same-body') {
  const { child, port } = await startServer(mode);
  try {
    const options = requestOptions(port, variant);
    await autocannon({ ...options, duration: 1 }); // warm-up: JIT and lazy reference data
    const result = await autocannon({ ...options, duration: seconds });
    const bad = result.non2xx + result.errors;
    if (bad > 0) throw new Error(`${mode}: ${bad} failed responses during the benchmark`);
    return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99 };
  } finally {
    child.disconnect();
    child.kill();
  }
}

export async function benchQuoteHttp(seconds = 5) {
  const bare = await measure('bare', seconds);
  const cached = await measure('app', seconds, 'same-body');
  const computed = await measure('app', seconds, 'distinct-bodies');
  return { bare, cached, computed, cachedRatio: cached.requestsPerSecond / bare.requestsPerSecond, computedRatio: computed.requestsPerSecond / bare.requestsPerSecond };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchQuoteHttp());
}
