import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RULES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'rules');

/** Path of a rule file shipped in pipelines/disputes/rules/. */
export function rulesPath(file: string): string {
  return join(RULES_DIR, file);
}

export interface UnitKindRule {
  kind: string;
  pattern: string;
}

/** Unit-name patterns in the order they are tried. */
export function unitKindRules(): UnitKindRule[] {
  const parsed = JSON.parse(readFileSync(rulesPath('unit-kinds.json'), 'utf8')) as { rules: UnitKindRule[] };
  return parsed.rules;
}

export interface Cues {
  text: string[];
  functionalReasons: string[];
  territorialReasons: string[];
  praiseTypes: string[];
}

export function cues(): Cues {
  const parsed = JSON.parse(readFileSync(rulesPath('cues.json'), 'utf8')) as Cues;
  return { text: parsed.text, functionalReasons: parsed.functionalReasons, territorialReasons: parsed.territorialReasons, praiseTypes: parsed.praiseTypes };
}

/** One RE2 alternation of the given patterns, each in its own group so none leaks into another. */
export function alternation(patterns: string[]): string {
  return patterns.map((p) => `(?:${p})`).join('|');
}
