import type { Command } from './command.js';
import { status } from './status.js';
import { importCommand } from './import.js';
import { rejectsCommand } from './rejects.js';

/** Every subcommand of `npm run pipeline`; one line per command. */
export const commands: Command[] = [
  status,
  importCommand,
  rejectsCommand,
];
