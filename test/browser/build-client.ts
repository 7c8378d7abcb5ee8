import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    clientDir: string;
  }
}

/** Builds the client from the current sources once for all browser tests, into a temporary folder. */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'linkage-client-'));
  const root = new URL('../..', import.meta.url).pathname;
  await build({ configFile: join(root, 'client', 'vite.config.ts'), logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
  project.provide('clientDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
