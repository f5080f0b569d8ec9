import { dispatchDue, type DispatchDeps } from './notifications.usecases.ts';

// The outbox looked at every `everyMs` (never two rounds at once); a round that fails (database away)
// is logged and the next one tries again. Returns what stops it, waiting for a round in progress.
export function startDispatcher(deps: DispatchDeps, everyMs: number, onError: (err: unknown) => void): () => Promise<void> {
  let running: Promise<void> | null = null;
  const round = () => {
    if (running) return;
    running = dispatchDue(deps)
      .then(() => undefined, onError)
      .finally(() => (running = null));
  };
  const timer = setInterval(round, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
