import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** A file that marks a folder as written by an export (and may be replaced by the next one). */
export const MANIFEST = '_manifest.json';

/** An export that cannot be written where asked; the message is for the user as it is. */
export class ExportError extends Error {}

/**
 * Where an export is written before it is moved into place: a sibling of the target, so the move is
 * a rename on one file system and readers never see half an export.
 */
export interface Output {
  target: string;
  partial: string;
  overwrite: boolean;
}

/**
 * Checks the target and makes the partial folder. A target that exists must be an empty folder, or
 * an earlier export (it has a manifest) when `overwrite` is set: nothing else is ever deleted.
 */
export async function openOutput(target: string, overwrite: boolean): Promise<Output> {
  const abs = resolve(target);
  if (existsSync(abs)) {
    if (!statSync(abs).isDirectory()) throw new ExportError(`${target} is a file, not a folder`);
    const entries = await readdir(abs);
    if (entries.length > 0) {
      if (!entries.includes(MANIFEST)) throw new ExportError(`${target} is not empty and holds no earlier export (no ${MANIFEST}): choose an empty or new folder`);
      if (!overwrite) throw new ExportError(`${target} holds an earlier export: pass --overwrite to replace it`);
    }
  }
  await mkdir(dirname(abs), { recursive: true });
  // mkdtemp's random suffix: two exports opened within the same millisecond get separate folders
  const partial = await mkdtemp(join(dirname(abs), `.${basename(abs)}.partial-`));
  return { target: abs, partial, overwrite };
}

/**
 * Moves the finished export into place, replacing the earlier one (checked by openOutput). The
 * target is looked at again: another export may have been written there meanwhile.
 */
export async function commitOutput(out: Output): Promise<void> {
  if (existsSync(out.target) && (await readdir(out.target)).length === 0) await rm(out.target, { recursive: true });
  if (existsSync(out.target)) {
    if (!out.overwrite) throw new ExportError(`${out.target} was written by another export meanwhile: choose another folder`);
    const old = `${out.partial}.replaced`;
    await rename(out.target, old);
    await rename(out.partial, out.target);
    await rm(old, { recursive: true, force: true });
  } else {
    await rename(out.partial, out.target);
  }
}

/** Deletes what a failed export wrote. */
export async function abandonOutput(out: Output): Promise<void> {
  await rm(out.partial, { recursive: true, force: true });
}
