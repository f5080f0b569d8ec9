import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export type Received = { to: string[]; subject: string; text: string; html: string };
type Behaviour = { refuseRecipient?: boolean; hang?: boolean; port?: number };

// A real SMTP server on loopback (the smtp-server package): what the service sends is read back
// from the wire and parsed (mailparser), never from a mock transport.
export async function startSmtpPeer(behaviour: Behaviour = {}) {
  const received: Received[] = [];
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect: (_session, callback) => {
      connections += 1;
      callback();
    },
    onRcptTo: (_address, _session, callback) => {
      if (!behaviour.refuseRecipient) return callback();
      callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
    },
    onData: (stream, _session, callback) => {
      if (behaviour.hang) {
        stream.resume(); // read the message and never answer: a server that stalls
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          const to = [mail.to].flat().flatMap((a) => a?.value.map((v) => v.address ?? '') ?? []);
          received.push({ to, subject: mail.subject ?? '', text: mail.text ?? '', html: typeof mail.html === 'string' ? mail.html : '' });
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((ready) => server.listen(behaviour.port ?? 0, '127.0.0.1', ready));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    connections: () => connections,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
