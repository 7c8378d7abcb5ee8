/**
 * The steps a long import reports while it runs, in order: the CLI prints them as they are, the
 * dashboard shows them in its own language. The last is the server's work after the import.
 */
export const IMPORT_PHASES = ['converting encoding', 'reading spreadsheet rows', 'checking rows', 'loading', 'updating topics and signals'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

export type Progress = (phase: ImportPhase, done: number, total: number) => void;
