import { Database } from '../../pipelines/db/database.js';
import { importFile } from '../../pipelines/ingest/index.js';
import { peakMemoryMiB } from './peak-memory.js';

// Child process of the ingest bench: imports one file into a new database and prints time, rows and
// this process's peak memory, so each measurement has a process of its own.
const [file, dbPath] = process.argv.slice(2);
const db = await Database.open(dbPath);
const started = performance.now();
const report = await importFile(db, file);
const ms = performance.now() - started;
db.close();
console.log(JSON.stringify({ ms, rows: report.rowsRead, inserted: report.inserted, rejected: report.rejected, maxRssMb: peakMemoryMiB() }));
