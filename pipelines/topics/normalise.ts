import type { Lexicon } from './lexicon.js';

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;

/** Full-width ASCII (ＡＢＣ１２３，ideographic space) to half-width. */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `[电话]` also matches `【电话】`, the other bracket style exports use. */
function maskedPattern(token: string): string {
  const inner = token.replace(/^[[【]/, '').replace(/[\]】]$/, '');
  return `[\\[【]${escapeRegExp(inner)}[\\]】]`;
}

/**
 * Cleaning of a whole text before it is cut into clauses: half-width, and masked personal-data
 * tokens (whose brackets would otherwise be clause breaks) replaced by a space. Each step runs only
 * when a quick test finds something to do.
 */
export function makeTextCleaner(lexicon: Lexicon): (text: string) => string {
  const masked = lexicon.masked.length ? new RegExp(lexicon.masked.map(maskedPattern).join('|'), 'gi') : null;
  // Only full-width characters jieba may put inside a word (letters, digits, # % & + - .) or that
  // bracket masked tokens need converting; the rest (，：！…) break clauses either way.
  const fullWidth = /[\uff03\uff05\uff06\uff0b\uff0d\uff0e\uff10-\uff19\uff21-\uff3b\uff3d\uff41-\uff5a]/;
  return (text) => {
    let t = fullWidth.test(text) ? toHalfWidth(text) : text;
    if (masked && (t.includes('[') || t.includes('【'))) t = t.replace(masked, ' ');
    return t;
  };
}

/**
 * Cleaning of one clause (Chinese text between jieba's block breaks): traditional → simplified from
 * the lexicon's table, hotline boilerplate replaced by a space. Boilerplate phrases are Chinese
 * only, so a phrase never spans two clauses and cleaning clause by clause equals cleaning the text.
 */
export function makeClauseCleaner(lexicon: Lexicon): (clause: string) => string {
  const traditional = new Map(lexicon.traditional);
  const tradChars = lexicon.traditional.length ? new RegExp(`[${lexicon.traditional.map(([t]) => escapeRegExp(t)).join('')}]`, 'g') : null;
  const boilerplate = lexicon.boilerplate.length ? new RegExp(lexicon.boilerplate.map(escapeRegExp).join('|'), 'g') : null;
  return (clause) => {
    let t = clause;
    if (tradChars) t = t.replace(tradChars, (c) => traditional.get(c) ?? c);
    if (boilerplate) t = t.replace(boilerplate, ' ');
    return t;
  };
}
