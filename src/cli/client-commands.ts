import type { Command } from 'commander';

/** Client commands (`incident list|declare|ack|resolve|note`) — see cli/README in ARCHITECTURE.md. */
export function registerClientCommands(_program: Command): void {}
