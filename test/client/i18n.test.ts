import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/i18n/en.js';
import { zh } from '../../client/src/i18n/zh.js';
import { FOLLOW_UP_METRICS, MEETING_KINDS, MEETING_STATUSES } from '../../pipelines/consultation/index.js';
import { SCORE_PARTS } from '../../pipelines/disputes/index.js';
import { FIELDS } from '../../pipelines/ingest/fields.js';
import { IMPORT_PHASES } from '../../pipelines/ingest/index.js';
import { PERIODS } from '../../pipelines/kpis/index.js';
import { Signals } from '../../server/schemas/appeals.js';
import { Decision, DecisionFollowUp } from '../../server/schemas/meetings.js';
import { ROLES } from '../../server/schemas/common.js';
import { CONSULTATION_STATUS } from '../../server/http/errors.js';

const SRC = new URL('../../client/src/', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return f === 'i18n' ? [] : sources(path);
    return /\.(svelte|ts)$/.test(f) ? [path] : [];
  });
}

const code = sources(SRC).map((f) => readFileSync(f, 'utf8')).join('\n');
const serverCode = sources(new URL('../../server/', import.meta.url).pathname).map((f) => readFileSync(f, 'utf8')).join('\n');

describe('i18n tables', () => {
  it('have the same keys in Chinese and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [k, v] of [...Object.entries(zh), ...Object.entries(en)]) expect(v.trim(), k).not.toBe('');
  });

  it('use the same {placeholders} in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(zh) as (keyof typeof zh)[]) expect(names(en[k]), k).toEqual(names(zh[k]));
  });

  it('hold every key the client asks for (Svelte files are not type-checked)', () => {
    const literal = [...code.matchAll(/\bt\('([\w.]+)'/g)].map((m) => m[1]);
    expect(literal.length).toBeGreaterThan(100);
    for (const key of literal) expect(zh, key).toHaveProperty([key]);
    // keys built from a prefix and a value: the prefix must exist in the table
    const prefixes = [...code.matchAll(/\bt\(`([\w.]+)\$\{/g)].map((m) => m[1]);
    for (const prefix of prefixes) expect(Object.keys(zh).some((k) => k.startsWith(prefix)), prefix).toBe(true);
  });

  it('translate every error code the server answers with', () => {
    const codes = new Set([
      ...[...serverCode.matchAll(/HttpError\(\d+, '(\w+)'/g)].map((m) => m[1]),
      ...[...serverCode.matchAll(/\berror: '(\w+)'/g)].map((m) => m[1]),
      ...[...serverCode.matchAll(/\berror: \w+ === \d+ \? '(\w+)' : '(\w+)'/g)].flatMap((m) => [m[1], m[2]]),
      ...Object.keys(CONSULTATION_STATUS),
    ]);
    expect(codes.size).toBeGreaterThan(15);
    for (const c of codes) expect(zh, c).toHaveProperty([`error.code.${c}`]);
  });

  it('name every action the audit log records', () => {
    const pipelinesCode = sources(new URL('../../pipelines/', import.meta.url).pathname).map((f) => readFileSync(f, 'utf8')).join('\n');
    const actions = new Set([...`${serverCode}\n${pipelinesCode}`.matchAll(/\baudit\([^;]*?\baction: '(\w+)'/g)].map((m) => m[1]));
    expect(actions.size).toBeGreaterThan(8);
    for (const a of actions) {
      expect(zh, a).toHaveProperty([`audit.${a}`]);
      expect(en, a).toHaveProperty([`audit.${a}`]);
    }
  });

  it('name every role, period, score part and signal the server knows, and each topic state', () => {
    for (const role of ROLES) expect(zh).toHaveProperty([`role.${role}`]);
    for (const p of PERIODS) expect(zh).toHaveProperty([`period.${p}`]);
    for (const part of SCORE_PARTS) expect(zh).toHaveProperty([`part.${part}`]);
    const flags = Object.entries(Signals.shape).filter(([, schema]) => schema.def.type === 'boolean').map(([name]) => name);
    expect(flags.length).toBeGreaterThan(5);
    for (const s of flags) expect(zh).toHaveProperty([`signal.${s}`]);
    for (const s of ['active', 'noise', 'merged', 'retired']) expect(zh).toHaveProperty([`topicStatus.${s}`]);
    for (const s of ['split', 'merged', 'new', 'retired']) expect(zh).toHaveProperty([`lineage.${s}`]);
    for (const s of ['rename', 'merge', 'split', 'noise', 'restore', 'promote']) expect(zh).toHaveProperty([`curation.${s}`]);
    for (const s of ['queued', 'running']) expect(zh).toHaveProperty([`jobState.${s}`]);
  });

  it('word every reason a checked row can be rejected for, as the SQL names them', () => {
    const sql = (name: string) => readFileSync(new URL(`../../sql/${name}`, import.meta.url), 'utf8');
    const textMacro = sql('macros.sql').split('CREATE OR REPLACE TEMP MACRO reject_text')[1].split(';')[0];
    const worded = [...textMacro.matchAll(/WHEN '(\w+)'/g)].map((m) => m[1]);
    const used = ['ingest/typed_appeals.sql', 'ingest/typed_transfers.sql'].flatMap((f) => [...sql(f).matchAll(/\breject\('(\w+)'/g)].map((m) => m[1]));
    expect(new Set(used).size).toBeGreaterThan(8);
    for (const code of [...used, 'before']) expect(worded, code).toContain(code);
    for (const code of worded) expect(zh).toHaveProperty([`rejectReason.${code}`]);
  });

  it('name every unit kind the unit rules give, in both languages', () => {
    const rules = JSON.parse(readFileSync(new URL('../../pipelines/disputes/rules/unit-kinds.json', import.meta.url), 'utf8')) as { rules: { kind: string }[] };
    const kinds = new Set(rules.rules.map((r) => r.kind));
    expect(kinds.size).toBeGreaterThan(20);
    for (const k of kinds) {
      expect(zh).toHaveProperty([`unitKind.${k}`], k);
      expect(en[`unitKind.${k}` as keyof typeof en]).toMatch(/^[A-Z][a-z]/);
    }
  });

  it('word every reason a reader can reject a row for, as the readers name them', () => {
    const source = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
    const codes = ['sql/ingest/csv_errors.sql', 'sql/ingest/json_errors.sql', 'pipelines/ingest/readers/xlsx.ts'].flatMap((f) =>
      [...source(f).matchAll(/'code', (?:CASE .*? THEN )?'(\w+)'(?: ELSE '(\w+)')?|code: '(\w+)'/g)].flatMap((m) => m.slice(1).filter(Boolean)),
    );
    expect(new Set(codes)).toEqual(new Set(['too_many_fields', 'too_few_fields', 'unclosed_quote', 'line_too_long', 'not_in_encoding', 'json_not_object', 'not_json', 'too_many_cells']));
    for (const code of codes) {
      expect(zh).toHaveProperty([`rejectReason.${code}`]);
      expect(en).toHaveProperty([`rejectReason.${code}`]);
    }
  });

  it('name every canonical field an import maps and every step it reports', () => {
    const fields = new Set(Object.values(FIELDS).flat().map((f) => f.name));
    expect(fields.size).toBeGreaterThan(25);
    for (const f of fields) expect(zh).toHaveProperty([`field.${f}`]);
    for (const p of IMPORT_PHASES) expect(zh).toHaveProperty([`importPhase.${p}`]);
  });

  it('name every meeting kind and status, decision status, follow-up outcome and verdict', () => {
    for (const k of MEETING_KINDS) expect(zh).toHaveProperty([`meetingKind.${k}`]);
    for (const s of MEETING_STATUSES) expect(zh).toHaveProperty([`meetingStatus.${s}`]);
    for (const s of MEETING_STATUSES.slice(1)) expect(zh).toHaveProperty([`statusAction.${s}`]);
    for (const s of Decision.shape.status.options) expect(zh).toHaveProperty([`decisionStatus.${s}`]);
    for (const s of DecisionFollowUp.shape.status.options) expect(zh).toHaveProperty([`followUpStatus.${s}`]);
    for (const m of FOLLOW_UP_METRICS) expect(zh).toHaveProperty([`metric.${m}`]);
    for (const v of DecisionFollowUp.shape.effects.element.shape.verdict.options) expect(zh).toHaveProperty([`verdict.${v}`]);
  });
});
