import { xlsxToCsv } from '../../pipelines/ingest/readers/xlsx.js';
import { peakMemoryMiB } from './peak-memory.js';

// Child process of the ingest bench: converts one XLSX sheet to CSV (the streaming reader alone, no
// database) and prints time and this process's peak memory.
const [file, dest] = process.argv.slice(2);
const started = performance.now();
await xlsxToCsv(file, dest);
console.log(JSON.stringify({ ms: performance.now() - started, maxRssMb: peakMemoryMiB() }));
