import type { Command } from 'commander';
import { type IncidentDto, type Page, resolveIncidentId } from './incident-ref.js';
import { oneLine, renderTable } from './output.js';
import { run, show } from './run.js';

/**
 * Client commands: `hikeshi incident list|declare|ack|resolve|note`. A thin client of the HTTP API
 * (it never touches the database): every rule is the server's, and API errors become exit codes
 * through cli/exit-codes.ts.
 */


const row = (i: IncidentDto) => [i.reference, i.status, i.severity, i.priority, oneLine(i.title)];


/** Numbers stay numbers; anything else goes to the API as typed so its 400 explains the problem. */
const level = (v: string | undefined) => (v === undefined ? undefined : /^\d+$/.test(v) ? Number(v) : v);

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

export function registerClientCommands(program: Command): void {
  program
    .option('--url <url>', 'Hikeshi server URL (default: HIKESHI_URL or http://localhost:8080)')
    .option('--token <token>', 'API token (default: HIKESHI_TOKEN)')
    .option('--json', 'print the raw JSON answer');

  const incident = program.command('incident').description('list, declare and act on incidents');

  incident
    .command('list')
    .description('list incidents, newest first')
    .option('--status <status>', 'triggered, acknowledged, resolved, closed, declined, merged, open, or a comma list')
    .option('--service <id>', 'service id')
    .option('--type <type>', 'outage, inquiry or security')
    .option('--severity <severity>', 'SEV1 … SEV4')
    .option('-q, --query <text>', 'text in title or description, or INC-n')
    .option('--limit <n>', 'at most n incidents (1–200, default 50)')
    .action((o: Record<string, string | undefined>, cmd: Command) =>
      run(cmd, async (r) => {
        const query = { status: o.status, serviceId: o.service, type: o.type, severity: o.severity, q: o.query, limit: o.limit };
        const page = await r.client.get<Page<IncidentDto>>('/api/v1/incidents', query);
        show(r, page, (p) =>
          p.items.length === 0 ? 'no incidents\n' : renderTable(p.items.map(row), ['INCIDENT', 'STATUS', 'SEV', 'PRI', 'TITLE']),
        );
      }),
    );

  incident
    .command('declare')
    .description('declare an incident')
    .requiredOption('--title <title>', 'what is wrong, in a few words')
    .option('--service <id>', 'primary service id')
    .option('--type <type>', 'outage (default), inquiry or security')
    .option('--severity <severity>', 'SEV1 … SEV4 (derived from priority when absent)')
    .option('--impact <n>', '1–3, 1 highest')
    .option('--urgency <n>', '1–3, 1 highest')
    .option('--description <text>', 'Markdown description')
    .action((o: Record<string, string | undefined>, cmd: Command) =>
      run(cmd, async (r) => {
        const body = {
          title: o.title,
          serviceId: o.service,
          type: o.type,
          severity: o.severity,
          impact: level(o.impact),
          urgency: level(o.urgency),
          description: o.description,
        };
        const created = await r.client.post<IncidentDto>('/api/v1/incidents', body);
        show(r, created, (i) => renderTable([row(i)]));
      }),
    );

  const lifecycle = [
    ['ack', 'acknowledge', 'acknowledge an incident (stops escalation)'],
    ['resolve', 'resolve', 'resolve an incident'],
  ] as const;
  for (const [name, verb, description] of lifecycle) {
    const c = incident.command(`${name} <incident>`).description(`${description}; <incident> is INC-n, n or an id`);
    if (verb === 'resolve') c.option('--message <text>', 'why or how it was resolved (on the timeline)');
    c.action((ref: string, o: { message?: string }, cmd: Command) =>
      run(cmd, async (r) => {
        const id = await resolveIncidentId(r.client, ref);
        const updated = await r.client.post<IncidentDto>(`/api/v1/incidents/${id}/${verb}`, o.message ? { message: o.message } : {});
        show(r, updated, (i) => renderTable([row(i)]));
      }),
    );
  }

  incident
    .command('note <incident> <text>')
    .description('add a Markdown note to the timeline; text "-" reads it from stdin')
    .action((ref: string, text: string, _o: unknown, cmd: Command) =>
      run(cmd, async (r) => {
        const body = text === '-' ? await readStdin() : text;
        const id = await resolveIncidentId(r.client, ref);
        const entry = await r.client.post<{ id: string; at: string }>(`/api/v1/incidents/${id}/notes`, { body });
        const shown = /^\d+$/.test(ref.trim()) ? `INC-${ref.trim()}` : ref.trim().toUpperCase();
        show(r, entry, (e) => `note added to ${shown} at ${e.at}\n`);
      }),
    );
}
