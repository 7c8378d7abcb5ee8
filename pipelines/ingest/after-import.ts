import type { Database } from '../db/database.js';
import type { ImportReport } from './types.js';

export interface AfterImport {
  notes: string[];
}

/** Work that follows every import that changed something; each step adds a line for the report. */
export async function afterImport(_db: Database, report: ImportReport): Promise<AfterImport> {
  const notes: string[] = [];
  if (report.inserted + report.updated === 0) return { notes };
  return { notes };
}
