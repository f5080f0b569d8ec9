import nodemailer from 'nodemailer';
import type { Mailer } from './notifications.usecases.ts';

export type SmtpTimeouts = { connectionMs: number; greetingMs: number; socketMs: number };
const DEFAULT_TIMEOUTS: SmtpTimeouts = { connectionMs: 10_000, greetingMs: 10_000, socketMs: 30_000 };

// The SMTP client (nodemailer) behind the Mailer port: smtp://user:password@host:port (STARTTLS when
// the server offers it) or smtps:// (TLS from the start). Bounded waits: a slow server fails the send,
// which the outbox retries later, instead of holding the dispatcher.
export function smtpMailer(url: string, from: string, timeouts: SmtpTimeouts = DEFAULT_TIMEOUTS): Mailer & { close(): void } {
  const parsed = new URL(url);
  const transport = nodemailer.createTransport({
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : parsed.protocol === 'smtps:' ? 465 : 587,
    secure: parsed.protocol === 'smtps:',
    auth: parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined,
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
  });
  return {
    send: async (message) => {
      await transport.sendMail({ from, ...message });
    },
    close: () => transport.close(),
  };
}
