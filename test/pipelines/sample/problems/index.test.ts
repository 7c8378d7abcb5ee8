import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../../pipelines/config.js';
import { POLICE_MATTERS, PROBLEMS } from '../../../../pipelines/sample/problems/index.js';
import { compileTexts } from '../../../../pipelines/sample/text.js';
import { KINDS } from '../../../../pipelines/sample/units.js';

describe('problem catalogue', () => {
  it('has at least 40 problems with unique keys, at least 10 disputed between 2–4 kinds of unit', () => {
    expect(PROBLEMS.length).toBeGreaterThanOrEqual(40);
    const keys = [...PROBLEMS, ...POLICE_MATTERS].map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    const disputed = PROBLEMS.filter((p) => p.disputed);
    expect(disputed.length).toBeGreaterThanOrEqual(10);
    for (const p of disputed) {
      expect(p.owners.length, p.key).toBeGreaterThanOrEqual(2);
      expect(p.owners.length, p.key).toBeLessThanOrEqual(4);
      expect(new Set(p.owners.map(([k]) => k)).size, p.key).toBe(p.owners.length);
    }
    for (const p of PROBLEMS.filter((x) => !x.disputed)) expect(p.owners, p.key).toHaveLength(1);
  });

  it('gives every problem many phrasings and a usable title', () => {
    for (const p of PROBLEMS) {
      expect(p.cores.length, p.key).toBeGreaterThanOrEqual(8);
      expect(p.titles.length, p.key).toBeGreaterThanOrEqual(5);
      expect(new Set(p.cores).size, p.key).toBe(p.cores.length);
      expect(p.titles.some((t) => !t.includes('{') && t.length >= 8 && t.length <= 20), p.key).toBe(true);
    }
    for (const m of POLICE_MATTERS) expect(m.cores.length, m.key).toBeGreaterThanOrEqual(8);
  });

  it('uses only slots the composer fills', () => {
    for (const p of [...PROBLEMS, ...POLICE_MATTERS]) expect(() => compileTexts(p), p.key).not.toThrow();
    expect(() => compileTexts({ ...PROBLEMS[0], cores: ['{nonsense}楼道里'] })).toThrow(/unknown slot \{nonsense\}/);
  });

  it('names owner kinds the product’s unit resolver knows', () => {
    const rules = JSON.parse(readFileSync(join(ROOT, 'pipelines/disputes/rules/unit-kinds.json'), 'utf8')) as { rules: { kind: string }[] };
    const resolverKinds = new Set(rules.rules.map((r) => r.kind));
    for (const k of KINDS) expect(resolverKinds.has(k), k).toBe(true);
    for (const p of PROBLEMS) for (const [k] of p.owners) expect(KINDS).toContain(k);
  });

  it('has exactly one emerging problem and several that are often misrouted', () => {
    expect(PROBLEMS.filter((p) => p.emerging)).toHaveLength(1);
    expect(PROBLEMS.filter((p) => !p.disputed && (p.misroute ?? 0) >= 0.1).length).toBeGreaterThanOrEqual(5);
    expect(PROBLEMS.some((p) => p.season === 'heating')).toBe(true);
  });
});
