// The few autocannon fields the benchmarks read (the package ships no types).
declare module 'autocannon' {
  type Options = { url: string; method?: string; headers?: Record<string, string>; body?: string; connections?: number; pipelining?: number; duration?: number; amount?: number; requests?: Array<{ method?: string; path?: string; headers?: Record<string, string>; body?: string; setupRequest?: (req: any, context: any) => any; onResponse?: (status: number, body: string, context: any) => void }> };
  type Histogram = { average: number; mean: number; p50: number; p90: number; p99: number; max: number };
  type Result = { requests: Histogram; latency: Histogram; non2xx: number; errors: number; timeouts: number; '2xx': number };
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
