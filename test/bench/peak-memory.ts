import { readFileSync } from 'node:fs';

/**
 * This process's peak resident memory in MiB, from the kernel's high-water mark of its own address
 * space (VmHWM). Not getrusage's maxRSS: Linux carries that across fork and exec, so a child process
 * would report its parent's peak when the parent was the larger.
 */
export function peakMemoryMiB(): number {
  const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
  if (!kb) throw new Error('no VmHWM in /proc/self/status');
  return Number(kb[1]) / 1024;
}
