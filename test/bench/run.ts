import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sections } from './sections.js';
import type { BenchRow } from './types.js';

// `npm run bench [-- --scale N --only AREA]`: prints one table of measured speed against the issues' targets.
const { values } = parseArgs({ options: { scale: { type: 'string', default: '1000000' }, only: { type: 'string' } } });
const scale = Number(values.scale);
const rows: BenchRow[] = [];
for (const [area, section] of Object.entries(sections)) {
  if (values.only && values.only !== area) continue;
  const workDir = mkdtempSync(join(tmpdir(), `linkage-bench-${area}-`));
  try {
    console.error(`[bench] ${area} at ${scale.toLocaleString('en')} appeals…`);
    rows.push(...(await section({ scale, workDir })));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
const fmt = (v: number | undefined) => (v === undefined ? '' : Number.isInteger(v) ? v.toLocaleString('en') : v.toFixed(3));
const table = rows.map((r) => [r.area, r.metric, fmt(r.value), r.unit, r.target ?? '', r.ok === undefined ? '' : r.ok ? 'yes' : 'NO', fmt(r.baseline)]);
const head = ['area', 'metric', 'value', 'unit', 'target', 'met', 'baseline'];
const widths = head.map((h, i) => Math.max(h.length, ...table.map((t) => String(t[i]).length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 2 || i === 6 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const t of table) console.log(line(t.map(String)));
