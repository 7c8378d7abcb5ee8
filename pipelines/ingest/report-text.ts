import type { ImportReport } from './types.js';

/** The import report as a person reads it on a terminal. */
export function reportText(r: ImportReport): string {
  const lines = [
    `import #${r.importId}: ${r.file} (${r.format}, ${r.encoding}) as ${r.kind} in ${(r.durationMs / 1000).toFixed(1)} s`,
    `  rows read  ${r.rowsRead.toLocaleString('en')}`,
    `  inserted   ${r.inserted.toLocaleString('en')}`,
    `  updated    ${r.updated.toLocaleString('en')}`,
    `  unchanged  ${r.unchanged.toLocaleString('en')}`,
    `  rejected   ${r.rejected.toLocaleString('en')}${r.rejected ? `  (see: npm run pipeline -- rejects --import ${r.importId})` : ''}`,
  ];
  for (const { reason, count } of r.rejectReasons) lines.push(`    ${String(count).padStart(8)} × ${reason}`);
  for (const w of r.warnings) lines.push(`  note: ${w}`);
  return lines.join('\n');
}

/** The mapping as it was applied, one field per line, so a user can check or save it. */
export function mappingText(mapping: ImportReport['mapping'], preset: string | null): string {
  const lines = [`mapping (${mapping.kind}${preset ? `, preset ${preset}` : ''}):`];
  for (const [field, source] of Object.entries(mapping.fields)) lines.push(`  ${field.padEnd(18)} ← ${typeof source === 'string' ? source : JSON.stringify(source)}`);
  for (const [field, value] of Object.entries(mapping.constants ?? {})) lines.push(`  ${field.padEnd(18)} = ${value}`);
  return lines.join('\n');
}
