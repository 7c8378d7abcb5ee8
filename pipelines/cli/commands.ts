import type { Command } from './command.js';

/** A subcommand by name, loaded only when it runs: each pulls in its own part of the pipelines. */
export interface CommandEntry {
  name: string;
  load: () => Promise<Command>;
}

/** Every subcommand of `npm run pipeline`; one line per command. */
export const commands: CommandEntry[] = [
  { name: 'import', load: async () => (await import('./import.js')).importCommand },
  { name: 'imports', load: async () => (await import('./imports.js')).importsCommand },
  { name: 'undo-import', load: async () => (await import('./undo-import.js')).undoImportCommand },
  { name: 'prune-kept-versions', load: async () => (await import('./prune-kept-versions.js')).pruneKeptVersionsCommand },
  { name: 'rejects', load: async () => (await import('./rejects.js')).rejectsCommand },
  { name: 'backup', load: async () => (await import('./backup.js')).backupCommand },
  { name: 'restore', load: async () => (await import('./backup.js')).restoreCommand },
  { name: 'status', load: async () => (await import('./status.js')).status },
  { name: 'sample', load: async () => (await import('./sample.js')).sampleCommand },
  { name: 'topics', load: async () => (await import('./topics.js')).topicsCommand },
  { name: 'units', load: async () => (await import('./units.js')).unitsCommand },
  { name: 'agenda', load: async () => (await import('./agenda.js')).agendaCommand },
  { name: 'kpis', load: async () => (await import('./kpis.js')).kpisCommand },
  { name: 'meetings', load: async () => (await import('./meetings.js')).meetingsCommand },
  { name: 'report', load: async () => (await import('./report.js')).reportCommand },
  { name: 'export', load: async () => (await import('./export.js')).exportCommand },
  { name: 'lake-topics', load: async () => (await import('./lake-topics.js')).lakeTopicsCommand },
];
