// `npm run bench`: every figure is printed beside a baseline measured in the same run, so a slower or
// busier machine moves both and the ratio stays meaningful. Not part of the test suite.
import { benchFootprint } from './footprint.bench.ts';
import { benchQuoteHttp } from './quote.bench.ts';

type Line = { name: string; value: string; baseline: string; ratio: number; target: string; ok: boolean };

// The cheapest loop that still builds a result object per leg: what computeLegFootprint is compared to.
function allocationBaseline(legs: number): number {
  let checksum = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < legs; i++) {
    const r = { distanceKm: i & 1023, co2eGrams: Math.round((i & 1023) * 152.6), trips: 1 };
    checksum += r.co2eGrams;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (checksum < 0) console.log(checksum);
  return legs / seconds;
}

const fmt = (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n);

async function optional<T>(path: string, run: (mod: T) => Promise<Line[]>): Promise<Line[]> {
  try {
    return await run((await import(path)) as T);
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return [];
    throw err;
  }
}

async function main() {
  const only = process.argv.slice(2);
  const wants = (name: string) => only.length === 0 || only.includes(name);
  const lines: Line[] = [];

  if (wants('footprint')) {
    const footprint = benchFootprint();
    const baseline = allocationBaseline(3_000_000);
    lines.push({ name: 'footprint legs/s (in process)', value: fmt(footprint.legsPerSecond), baseline: `${fmt(baseline)} (object-per-leg loop)`, ratio: footprint.legsPerSecond / baseline, target: '≥ 1,000,000 legs/s', ok: footprint.ok });
  }
  if (wants('quote')) {
    const quote = await benchQuoteHttp(Number(process.env.BENCH_SECONDS ?? 3));
    console.log('quote rounds (req/s ratio, server CPU µs per request):');
    for (const round of quote.rounds) console.log(`  ${JSON.stringify(round)}`);
    const cpu = (m: { cpuMicrosPerRequest?: number }) => (m.cpuMicrosPerRequest === undefined ? '' : `, ${m.cpuMicrosPerRequest} µs CPU/request`);
    const baseline = (m: { requestsPerSecond: number; cpuMicrosPerRequest?: number }) => `${fmt(m.requestsPerSecond)}${cpu(m)} (bare Express JSON route, same round)`;
    lines.push({ name: 'POST /api/quote req/s, same request (quote cache)', value: `${fmt(quote.cached.requestsPerSecond)} (p99 ${quote.cached.p99Ms} ms${cpu(quote.cached)})`, baseline: baseline(quote.cachedBaseline), ratio: quote.cachedRatio, target: 'ratio ≥ 0.7', ok: quote.cachedRatio >= 0.7 });
    lines.push({ name: 'POST /api/quote req/s, every request computed', value: `${fmt(quote.computed.requestsPerSecond)} (p99 ${quote.computed.p99Ms} ms${cpu(quote.computed)})`, baseline: baseline(quote.computedBaseline), ratio: quote.computedRatio, target: 'ratio ≥ 0.7', ok: quote.computedRatio >= 0.7 });
  }
  if (wants('ledger')) {
    lines.push(...(await optional<{ benchLedgerLines?: () => Promise<Line[]> }>('./ledger.bench.ts', async (m) => (m.benchLedgerLines ? await m.benchLedgerLines() : []))));
  }
  if (wants('engines')) {
    lines.push(...(await optional<{ benchEngineLines?: () => Promise<Line[]> }>('./engines.bench.ts', async (m) => (m.benchEngineLines ? await m.benchEngineLines() : []))));
  }
  if (wants('reports')) {
    lines.push(...(await optional<{ benchReportLines?: () => Promise<Line[]> }>('./reports.bench.ts', async (m) => (m.benchReportLines ? await m.benchReportLines() : []))));
  }

  console.log('\nEmpreinte benchmarks (ratios against baselines measured in this run)\n');
  for (const l of lines) {
    console.log(`${l.ok ? 'ok  ' : 'MISS'} ${l.name}: ${l.value}`);
    console.log(`     baseline ${l.baseline}; ratio ${l.ratio.toFixed(2)}; target ${l.target}`);
  }
  if (lines.some((l) => !l.ok)) process.exitCode = 1;
}

await main();
