import type { ParseArgsConfig } from 'node:util';

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** One CLI subcommand: `npm run pipeline -- <name> …`. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: Options;
  /** Returns the process exit code. */
  run(values: Values, positionals: string[]): Promise<number>;
}

/** An error whose message is meant for the user as it is (no stack trace). */
export class UsageError extends Error {}

export function str(values: Values, key: string): string | undefined {
  const v = values[key];
  return typeof v === 'string' ? v : undefined;
}
