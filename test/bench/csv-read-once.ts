import { Database } from '../../pipelines/db/database.js';

// Child process of the ingest bench: DuckDB alone reads a CSV file into a new database (the CSV
// import's baseline) and prints the time and rows.
const [file, dbPath] = process.argv.slice(2);
const db = await Database.open(dbPath);
const started = performance.now();
await db.run('ingest/bench_plain_csv_read', { path: file });
const ms = performance.now() - started;
const { n } = (await db.one<{ n: number }>('ingest/bench_plain_csv_rows'))!;
db.close();
console.log(JSON.stringify({ ms, rows: n }));
