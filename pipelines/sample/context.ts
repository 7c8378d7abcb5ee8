import { buildCity, type City } from './city.js';
import { dayDistribution } from './calendar.js';
import { FlowSimulator } from './flow.js';
import { cumulative, Rng } from './prng.js';
import { POLICE_MATTERS, PROBLEMS, type PoliceSpec, type ProblemSpec } from './problems/index.js';
import { compileTexts, TextComposer, type CompiledTexts } from './text.js';
import { UnitRegistry } from './units.js';

/** A problem with everything generation needs precomputed. */
export interface PreparedProblem {
  spec: ProblemSpec;
  texts: CompiledTexts;
  days: Float64Array;
}

export interface PreparedPolice {
  spec: PoliceSpec;
  texts: CompiledTexts;
  days: Float64Array;
}

/** Shared state of one generation run: the city, its units, the random streams and the composers. */
export interface SampleContext {
  seed: number;
  city: City;
  units: UnitRegistry;
  districtCum: Float64Array;
  problems: PreparedProblem[];
  police: PreparedPolice[];
  /** Independent random streams, so changing how one part is drawn leaves the others as they were. */
  rng: { cases: Rng; scenes: Rng; orders: Rng; incidents: Rng; replies: Rng };
  text: TextComposer;
  flow: FlowSimulator;
}

export function createContext(seed: number): SampleContext {
  const city = buildCity();
  const units = new UnitRegistry(city);
  return {
    seed,
    city,
    units,
    districtCum: cumulative(city.districts.map((d) => d.weight)),
    problems: PROBLEMS.map((spec) => ({ spec, texts: compileTexts(spec), days: dayDistribution(spec) })),
    police: POLICE_MATTERS.map((spec) => ({ spec, texts: compileTexts(spec), days: dayDistribution({ hours: spec.hours }) })),
    rng: {
      cases: Rng.stream(seed, 'cases'),
      scenes: Rng.stream(seed, 'scenes'),
      orders: Rng.stream(seed, 'orders'),
      incidents: Rng.stream(seed, 'incidents'),
      replies: Rng.stream(seed, 'replies'),
    },
    text: new TextComposer(Rng.stream(seed, 'text'), city),
    flow: new FlowSimulator(Rng.stream(seed, 'flow'), city, units),
  };
}
