import { parseArgs } from 'node:util';
import { commands } from './cli/commands.js';
import { UsageError } from './cli/command.js';

async function help(): Promise<string> {
  const loaded = await Promise.all(commands.map((c) => c.load()));
  const lines = loaded.map((c) => `  ${c.usage.padEnd(60)} ${c.summary}`);
  return `usage: npm run pipeline -- <command> [options]\n\n${lines.join('\n')}`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help') {
    console.log(await help());
    return name ? 0 : 2;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) throw new UsageError(`unknown command '${name}' (known: ${commands.map((c) => c.name).join(', ')}; see npm run pipeline -- help)`);
  const command = await entry.load();
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\nusage: npm run pipeline -- ${command.usage}`);
  }
  return command.run(parsed.values, parsed.positionals);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) console.error(`error: ${err.message}`);
    else if (err instanceof Error) console.error(`error: ${err.message}${process.env.LINKAGE_DEBUG ? `\n${err.stack}` : ''}`);
    else console.error('error:', err);
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);
