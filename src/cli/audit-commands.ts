import type { Command } from 'commander';

/** `hikeshi audit verify`. */
export function registerAuditCommands(_program: Command): void {}
