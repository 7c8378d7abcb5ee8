import { writeFileSync } from 'node:fs';
import { Database } from '../db/database.js';
import { defaultDbPath } from '../config.js';
import { importFile, previewFile, readMappingFile, type CheckReport, type Kind } from '../ingest/index.js';
import { afterImport, type AfterImport } from '../ingest/after-import.js';
import { afterImportText, checkText, earlierText, mappingText, reportText, warningText } from '../ingest/report-text.js';
import { str, UsageError, type Command } from './command.js';
import { terminalProgress } from './progress.js';

const KINDS = ['appeals', 'transfers', 'incidents'];

/** A dry run's outcome for --json: the counts and reasons (the mapping and notes are the preview's). */
function outcome(c: CheckReport) {
  return { rowsRead: c.rowsRead, inserted: c.inserted, updated: c.updated, unchanged: c.unchanged, rejected: c.rejected, rejectReasons: c.rejectReasons };
}

export const importCommand: Command = {
  name: 'import',
  summary: 'import a CSV/XLSX/JSON/NDJSON/Parquet export (mapping inferred from the headers unless given)',
  usage: 'import <file> [--kind appeals|transfers|incidents] [--preset NAME | --mapping FILE] [--save-mapping FILE] [--dry-run] [--db PATH] [--json]',
  options: {
    kind: { type: 'string' },
    preset: { type: 'string' },
    mapping: { type: 'string' },
    'save-mapping': { type: 'string' },
    'dry-run': { type: 'boolean' },
    db: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(values, positionals) {
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new UsageError(`give exactly one file\nusage: npm run pipeline -- ${this.usage}`);
    const kind = str(values, 'kind');
    if (kind && !KINDS.includes(kind)) throw new UsageError(`--kind must be one of ${KINDS.join(', ')}`);
    if (values.preset && values.mapping) throw new UsageError('give --preset or --mapping, not both');
    const opts = {
      kind: kind as Kind | undefined,
      preset: str(values, 'preset'),
      mapping: values.mapping ? readMappingFile(str(values, 'mapping')!) : undefined,
    };
    const db = await Database.open(str(values, 'db') ?? defaultDbPath());
    const progress = terminalProgress();
    try {
      if (values['dry-run'] || values['save-mapping']) {
        // a dry run also checks every row against the database, when the mapping can be applied
        const preview = await previewFile(db, file, { ...opts, onProgress: progress, check: Boolean(values['dry-run']) });
        const { check } = preview;
        progress.end();
        if (values['save-mapping']) writeFileSync(str(values, 'save-mapping')!, `${JSON.stringify(preview.mapping, null, 2)}\n`);
        if (values.json) console.log(JSON.stringify({ ...preview, check: check && outcome(check) }));
        else {
          console.log(`${file}: ${preview.format}, ${preview.encoding}, header on row ${preview.headerRow || 1}, ${preview.kind}`);
          console.log(mappingText(preview.mapping, preview.preset));
          if (preview.earlier) console.log(`note: ${earlierText(preview.earlier)}`);
          for (const w of preview.warnings) console.log(`note: ${warningText(w)}`);
          if (preview.missing.length) console.log(`missing required: ${preview.missing.join(', ')}`);
          if (check) console.log(checkText(check));
          if (values['save-mapping']) console.log(`mapping saved to ${str(values, 'save-mapping')}`);
        }
        if (values['dry-run'] || !values['save-mapping']) return preview.missing.length ? 1 : 0;
      }
      const report = await importFile(db, file, { ...opts, onProgress: progress });
      progress.end();
      // the rows are in: said before the work after them, which may fail on its own
      if (!values.json) {
        if (!opts.preset && !opts.mapping) console.log(mappingText(report.mapping, report.preset));
        console.log(reportText(report));
      }
      let after: AfterImport | null = null;
      let failure: unknown = null;
      try {
        after = await afterImport(db, report);
      } catch (err) {
        failure = err;
      }
      if (values.json) console.log(JSON.stringify({ ...report, after }));
      else if (after) for (const line of afterImportText(after)) console.log(line);
      if (failure === null) return 0;
      console.error(`error: import #${report.importId} is in, but updating units, topics and signals failed: ${(failure as Error).message}. The next import that changes data does it again.`);
      return 1;
    } finally {
      progress.end();
      db.close();
    }
  },
};
