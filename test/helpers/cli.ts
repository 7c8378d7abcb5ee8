import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../../pipelines/config.js';

const run = promisify(execFile);

/** Runs `npm run pipeline -- <args>` as a user would, in a process of its own; rejects on a non-zero exit (with code, stdout, stderr). */
export function cli(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, ['--import', 'tsx', join(ROOT, 'pipelines/cli.ts'), ...args], { cwd: ROOT });
}
