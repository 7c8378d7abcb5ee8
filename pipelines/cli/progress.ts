/** A one-line progress display on stderr when it is a terminal; silent otherwise (logs, CI). */
export function terminalProgress(): ((phase: string, done: number, total: number) => void) & { end(): void } {
  const tty = process.stderr.isTTY;
  let last = 0;
  const show = (phase: string, done: number, total: number) => {
    if (!tty) return;
    const now = Date.now();
    if (now - last < 100) return;
    last = now;
    const width = 30;
    const bar = total > 0 ? `[${'#'.repeat(Math.round((done / total) * width)).padEnd(width)}] ${Math.round((done / total) * 100)}%` : done > 0 ? `${done.toLocaleString('en')}` : '';
    process.stderr.write(`\r\x1b[K${phase} ${bar}`);
  };
  return Object.assign(show, {
    end() {
      if (tty) process.stderr.write('\r\x1b[K');
    },
  });
}
