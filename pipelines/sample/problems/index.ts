import { CLEAR } from './clear.js';
import { DISPUTED } from './disputed.js';
import { POLICE } from './police.js';
import type { PoliceSpec, ProblemSpec } from './types.js';

export type { PoliceSpec, ProblemSpec } from './types.js';

/** Every recurring 12345 problem of the sample city, disputed ones first. */
export const PROBLEMS: ProblemSpec[] = [...DISPUTED, ...CLEAR];

/** Police matters of 110 (each its own problem key in the ground truth). */
export const POLICE_MATTERS: PoliceSpec[] = POLICE;

