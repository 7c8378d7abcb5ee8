export { resolveUnits, unitSummary, listUnits, getUnit, setUnit, type Unit, type UnitListRow, type ResolveSummary } from './units.js';
export { ensureSignals, refreshSignals } from './signals.js';
export { topicScores, scoreParts, type TopicScore, type TopicScores, type ScoreOptions, type ScorePartValue } from './scores.js';
export { proposeAgenda, type Agenda, type AgendaItem, type AgendaOptions, type LeadSuggestion, type ReturnFlow, type SampleAppeal } from './agenda.js';
export { loadConfig, defaultConfig, saveConfigOverride, SCORE_PARTS, type DisputeConfig, type ScorePart } from './config.js';
export type { Window, WindowOptions } from './window.js';
