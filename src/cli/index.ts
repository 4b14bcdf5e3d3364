import { Command } from 'commander';
import { registerClientCommands } from './client-commands.js';
import { registerAuditCommands } from './audit-commands.js';
import { registerOncallCommands } from './oncall-commands.js';

/**
 * The `hikeshi` command: server commands plus a thin client of the HTTP API. Server code is imported
 * only by the commands that run it, so client commands start fast and never load the database layer.
 */
export function buildCli(): Command {
  const program = new Command('hikeshi').description('Hikeshi incident management').version('0.1.0');
  // Usage errors (unknown option, missing argument) exit 2 like the API's VALIDATION (cli/exit-codes.ts).
  program.exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));
  program
    .command('start')
    .description('run the server (PORT, HOST, DATABASE_URL, HIKESHI_* from the environment)')
    .action(async () => {
      const { start } = await import('../main.js');
      await start();
    });
  program
    .command('migrate')
    .description('apply pending database migrations and exit')
    .action(async () => {
      const { runMigrations } = await import('../main.js');
      const applied = await runMigrations();
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
    });
  registerAuditCommands(program);
  registerClientCommands(program);
  registerOncallCommands(program);
  return program;
}

await buildCli().parseAsync(process.argv);
