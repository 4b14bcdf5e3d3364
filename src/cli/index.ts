import { Command } from 'commander';
import { runMigrations, start } from '../main.js';
import { registerClientCommands } from './client-commands.js';
import { registerAuditCommands } from './audit-commands.js';

/** The `hikeshi` command: server commands plus a thin client of the HTTP API. */
export function buildCli(): Command {
  const program = new Command('hikeshi').description('Hikeshi incident management').version('0.1.0');
  program
    .command('start')
    .description('run the server (PORT, HOST, DATABASE_URL, HIKESHI_* from the environment)')
    .action(async () => {
      await start();
    });
  program
    .command('migrate')
    .description('apply pending database migrations and exit')
    .action(async () => {
      const applied = await runMigrations();
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
    });
  registerAuditCommands(program);
  registerClientCommands(program);
  return program;
}

await buildCli().parseAsync(process.argv);
