import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../pipelines/db/database.js';
import { defaultConfig, loadConfig, saveConfigOverride, SCORE_PARTS, withOverride } from '../../../pipelines/disputes/config.js';
import { tempDb } from '../../helpers/temp-db.js';

describe('dispute score configuration', () => {
  let db: Database;
  let cleanup: () => void;
  beforeEach(async () => ({ db, cleanup } = await tempDb()));
  afterEach(() => cleanup());

  it('ships a weight for every score part, summing to 1', () => {
    const weights = defaultConfig().weights;
    expect(Object.keys(weights).sort()).toEqual([...SCORE_PARTS].sort());
    expect(Object.values(weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('overlays a stored partial override on the defaults', async () => {
    expect(await loadConfig(db)).toEqual(defaultConfig());
    await saveConfigOverride(db, { weights: { volume: 0 }, signals: { noOwnerHours: 24 } });
    const config = await loadConfig(db);
    expect(config.weights.volume).toBe(0);
    expect(config.weights.functional_return).toBe(defaultConfig().weights.functional_return);
    expect(config.signals).toEqual({ ...defaultConfig().signals, noOwnerHours: 24 });
  });

  it('refuses overrides that do not fit, naming the field, and keeps the old one', async () => {
    await saveConfigOverride(db, { minVolume: 5 });
    await expect(saveConfigOverride(db, { weights: { volume: -1 } })).rejects.toThrow(/weights\.volume/);
    await expect(saveConfigOverride(db, { weights: { popularity: 1 } })).rejects.toThrow(/popularity/);
    await expect(saveConfigOverride(db, [1, 2])).rejects.toThrow(/JSON object/);
    expect((await loadConfig(db)).minVolume).toBe(5);
    expect(() => withOverride(defaultConfig(), { emerging: { alpha: 2 } })).toThrow(/emerging\.alpha/);
  });
});
