import type { AfterImport } from './after-import.js';
import type { CheckReport, EarlierImport, ImportReport, ImportWarning } from './types.js';

/** The outcome counts, then the commonest reject reasons; `seeRejects` after the rejected count. */
function countLines(r: CheckReport, seeRejects = ''): string[] {
  const lines = [
    `  rows read  ${r.rowsRead.toLocaleString('en')}`,
    `  inserted   ${r.inserted.toLocaleString('en')}`,
    `  updated    ${r.updated.toLocaleString('en')}`,
    `  unchanged  ${r.unchanged.toLocaleString('en')}`,
    `  rejected   ${r.rejected.toLocaleString('en')}${r.rejected ? seeRejects : ''}`,
  ];
  for (const { reason, count } of r.rejectReasons) lines.push(`    ${String(count).padStart(8)} × ${reason}`);
  return lines;
}

/** The import report as a person reads it on a terminal. */
export function reportText(r: ImportReport): string {
  const lines = [
    `import #${r.importId}: ${r.file} (${r.format}, ${r.encoding}) as ${r.kind} in ${(r.durationMs / 1000).toFixed(1)} s`,
    ...countLines(r, `  (see: npm run pipeline -- rejects --import ${r.importId})`),
  ];
  for (const w of r.warnings) lines.push(`  note: ${warningText(w)}`);
  return lines.join('\n');
}

/** A dry run's outcome: what an import now would give (the notes are in the preview above it). */
export function checkText(c: CheckReport): string {
  return ['dry run, nothing written; an import now would give:', ...countLines(c)].join('\n');
}

/** The mapping as it was applied, one field per line, so a user can check or save it. */
export function mappingText(mapping: ImportReport['mapping'], preset: string | null): string {
  const lines = [`mapping (${mapping.kind}${preset ? `, preset ${preset}` : ''}):`];
  for (const [field, source] of Object.entries(mapping.fields)) lines.push(`  ${field.padEnd(18)} ← ${typeof source === 'string' ? source : JSON.stringify(source)}`);
  for (const [field, value] of Object.entries(mapping.constants ?? {})) lines.push(`  ${field.padEnd(18)} = ${value}`);
  return lines.join('\n');
}

/** A column the file lacks and what becomes of its field. */
export function warningText(w: ImportWarning): string {
  const columns = `column ${w.columns.map((c) => `'${c}'`).join(', ')} is not in the file`;
  return w.constant === null ? `${w.field} left empty: ${columns}` : `${w.field} is ${w.constant} throughout: ${columns}`;
}

/** That this very file was imported before, and what became of that import. */
export function earlierText(e: EarlierImport): string {
  const when = `import #${e.importId} (${e.sourceFile}, ${e.startedAt})`;
  return e.status === 'undone' ? `this file was imported before, by ${when}, since undone` : `this file was imported before, by ${when}`;
}

/** What ran after an import, a line each. */
export function afterImportText(a: AfterImport): string[] {
  const lines: string[] = [];
  if (a.units) lines.push(`units: ${a.units.known} known, ${a.units.unknownKind} of unknown kind`);
  if (a.topics?.kind === 'assigned') lines.push(`topics: ${a.topics.assigned} new appeals assigned to existing topics, ${a.topics.unclustered} left for the unclustered queue`);
  if (a.topics?.kind === 'run') lines.push(`topics: ${a.topics.topics} topics found over ${a.topics.appeals} appeals (${a.topics.clustered} clustered)`);
  if (a.signalsRecomputed) lines.push('dispute signals recomputed');
  return lines;
}
