import type { Command } from './command.js';
import { status } from './status.js';

/** Every subcommand of `npm run pipeline`; one line per command. */
export const commands: Command[] = [
  status,
];
