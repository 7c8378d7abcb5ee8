export { checkFile, importFile, previewFile, type ImportOptions, type Preview } from './import.js';
export { ImportError } from './errors.js';
export { inferKind, inferMapping, missingRequired } from './infer-mapping.js';
export { listPresets, getPreset, type Preset } from './presets.js';
export { parseMapping, readMappingFile } from './mapping-schema.js';
export type { CheckReport, EarlierImport, ImportReport, Kind, Mapping, FieldSource, RejectReasonData } from './types.js';
export { topRejectReasons } from './reject-reasons.js';
export { IMPORT_PHASES, type ImportPhase } from './phases.js';
export { blockText, undoImport, undoPlan, type UndoBlock, type UndoPlan, type UndoReport } from './undo.js';
