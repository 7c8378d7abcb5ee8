import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../../pipelines/config.js';
import { sections } from './sections.js';
import type { EvalRow } from './types.js';

// `npm run eval [-- --only AREA]`: quality against ground truth; may use ../shared (tests may not).
const { values } = parseArgs({ options: { only: { type: 'string' } } });
const sharedDir = process.env.LINKAGE_SHARED ? resolve(process.env.LINKAGE_SHARED) : resolve(ROOT, '..', 'shared');
if (!existsSync(sharedDir)) console.error(`[eval] ${sharedDir} not found: real-data sections will be skipped`);
const rows: EvalRow[] = [];
for (const [area, section] of Object.entries(sections)) {
  if (values.only && values.only !== area) continue;
  const workDir = mkdtempSync(join(tmpdir(), `linkage-eval-${area}-`));
  try {
    console.error(`[eval] ${area}…`);
    rows.push(...(await section({ workDir, sharedDir })));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
const fmt = (v: number | string) => (typeof v === 'number' ? (Number.isInteger(v) ? v.toLocaleString('en') : v.toFixed(3)) : v);
const table = rows.map((r) => [r.dataset, r.metric, fmt(r.value), r.target ?? '', r.ok === undefined ? '' : r.ok ? 'yes' : 'NO']);
const head = ['dataset', 'metric', 'value', 'target', 'met'];
const widths = head.map((h, i) => Math.max(h.length, ...table.map((t) => String(t[i]).length)));
console.log(head.map((h, i) => h.padEnd(widths[i])).join('  '));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const t of table) console.log(t.map((c, i) => String(c).padEnd(widths[i])).join('  '));
