// What a book of settings kept in memory (carbon prices, policy switches on PostgreSQL) runs to see
// the changes other instances make: a refresh every `ms`, a failed one left for the next tick, the
// timer never keeping the process alive. Returns the function that stops it.
export function refreshEvery(refresh: () => Promise<void>, ms: number): () => void {
  const timer = setInterval(() => void refresh().catch(() => {}), ms);
  timer.unref();
  return () => clearInterval(timer);
}
