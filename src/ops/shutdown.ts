import type { Server } from 'node:http';
import type { Logger } from './logger.ts';

type ShutdownOptions = { logger: Logger; onClosed: () => void | Promise<void>; timeoutMs?: number; exit?: (code: number) => void };

// On SIGTERM (or SIGINT): stop accepting connections, let every request in flight finish, then close
// the database and exit 0. Idle keep-alive connections are closed at once and again as requests end,
// so a client holding one open cannot delay the stop. Past the deadline, exit 1.
export function gracefulShutdown(server: Server, options: ShutdownOptions): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    options.logger.info({ signal }, 'stopping: finishing requests in flight');
    server.close(() => {
      clearInterval(sweep);
      void Promise.resolve()
        .then(options.onClosed)
        .then(
          () => {
            options.logger.info('stopped');
            exit(0);
          },
          (err: unknown) => {
            options.logger.error({ err }, 'closing the database failed');
            exit(1);
          },
        );
    });
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    setTimeout(() => {
      options.logger.error({ timeoutMs: options.timeoutMs ?? 10_000 }, 'requests still running at the deadline: exiting');
      exit(1);
    }, options.timeoutMs ?? 10_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
