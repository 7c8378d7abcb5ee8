import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../pipelines/config.js';
import { evalFuzhou, FUZHOU_FILES } from './disputes-fuzhou.js';
import { evalSample } from './disputes-sample.js';
import type { EvalRow, EvalSection } from './types.js';

/**
 * Dispute ranking: the agenda on the sample city against its ground truth, and the real Fuzhou cases
 * (rank correlation with their real re-transfer counts).
 */
export const disputesEval: EvalSection = async ({ workDir, sharedDir }) => {
  const rows: EvalRow[] = [];
  if (existsSync(join(ROOT, 'pipelines', 'sample'))) rows.push(...(await evalSample(workDir)));
  else rows.push({ dataset: 'sample city', metric: 'skipped: no sample generator (pipelines/sample)', value: '—' });
  for (const spec of FUZHOU_FILES) {
    if (existsSync(join(sharedDir, 'data', 'real', 'fz12345-rivers', spec.file))) rows.push(...(await evalFuzhou(spec, sharedDir, workDir)));
    else rows.push({ dataset: spec.name, metric: 'skipped: data not found', value: '—' });
  }
  return rows;
};
