import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type ParsedMail, simpleParser } from 'mailparser';

/**
 * A real SMTP server in a child process (the `smtp-server` package on 127.0.0.1, a free port), for
 * tests of outgoing e-mail. Every message it receives is reported to the test over IPC, raw, and
 * parsed back here with mailparser. It can misbehave on purpose:
 * - `failNext(n, code)`: the next n messages are received in full and then refused with `code`
 *   (451: try later; 550: never) — the receiver saw the message, the sender is told it failed;
 * - `hangNext(n)`: the next n messages are received and never answered (the sender times out
 *   after handing the message over: an unknown outcome).
 */

const root = fileURLToPath(new URL('../..', import.meta.url));

const CHILD = `
import { SMTPServer } from 'smtp-server';
let failNext = 0, failCode = 451, hangNext = 0;
const hung = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      const raw = Buffer.concat(chunks).toString('base64');
      const envelope = { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null, to: session.envelope.rcptTo.map((r) => r.address) };
      let answer = 'accepted';
      if (hangNext > 0) { hangNext--; answer = 'hung'; }
      else if (failNext > 0) { failNext--; answer = 'refused ' + failCode; }
      process.send({ type: 'message', raw, envelope, answer });
      if (answer === 'hung') { hung.push(callback); return; }
      if (answer.startsWith('refused')) {
        const err = new Error('sink refuses on purpose');
        err.responseCode = failCode;
        return callback(err);
      }
      callback(null, 'queued by sink');
    });
  },
});
process.on('message', (m) => {
  if (m.type === 'fail') { failNext = m.count; failCode = m.code; }
  if (m.type === 'hang') { hangNext = m.count; }
  process.send({ type: 'ack', id: m.id });
});
server.on('error', (err) => { process.stderr.write(String(err) + '\\n'); });
server.listen(0, '127.0.0.1', () => process.send({ type: 'listening', port: server.server.address().port }));
process.on('disconnect', () => process.exit(0));
`;

export interface ReceivedMail {
  raw: Buffer;
  envelope: { from: string | null; to: string[] };
  /** accepted | refused <code> | hung */
  answer: string;
  parsed: ParsedMail;
}

export interface SmtpSink {
  port: number;
  /** smtp://127.0.0.1:<port> */
  url: string;
  messages: ReceivedMail[];
  failNext(count: number, code?: number): Promise<void>;
  hangNext(count: number): Promise<void>;
  /** Resolves when at least `count` messages have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const p of running) p.kill('SIGKILL');
});

export async function startSmtpSink(): Promise<SmtpSink> {
  const proc = spawn(process.execPath, ['--input-type=module', '-e', CHILD], { cwd: root, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  running.add(proc);
  const messages: ReceivedMail[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const acks = new Map<number, () => void>();
  let nextId = 1;
  let pending = Promise.resolve();
  const port = await new Promise<number>((resolve, reject) => {
    proc.once('error', reject);
    proc.once('exit', (code) => reject(new Error(`smtp sink exited early (${code})`)));
    proc.on('message', (m: any) => {
      if (m.type === 'listening') resolve(m.port);
      if (m.type === 'ack') acks.get(m.id)?.();
      if (m.type === 'message') {
        const raw = Buffer.from(m.raw, 'base64');
        // Parse in arrival order, then wake whoever waits for this many messages.
        pending = pending.then(async () => {
          messages.push({ raw, envelope: m.envelope, answer: m.answer, parsed: await simpleParser(raw) });
          for (const w of waiters.filter((x) => messages.length >= x.count)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve();
          }
        });
      }
    });
  });
  const control = (msg: Record<string, unknown>) =>
    new Promise<void>((resolve) => {
      const id = nextId++;
      acks.set(id, resolve);
      proc.send({ ...msg, id });
    });
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    failNext: (count, code = 451) => control({ type: 'fail', count, code }),
    hangNext: (count) => control({ type: 'hang', count }),
    async waitFor(count, timeoutMs = 5000) {
      await pending;
      if (messages.length >= count) return messages;
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`smtp sink: ${messages.length} of ${count} messages after ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(t);
            resolve();
          },
        });
      });
      return messages;
    },
    async close() {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
      running.delete(proc);
    },
  };
}
