import { z } from 'zod';

export const Health = z.object({
  ok: z.boolean(),
  version: z.string(),
  /** A write (an import, the first-start sample load) holds the database; reads wait for it. */
  busy: z.boolean(),
  seeding: z.boolean(),
  clientBuilt: z.boolean(),
});

export const MonthRow = z.object({ platform: z.string(), month: z.string(), appeals: z.number().int() });

export const Summary = z.object({
  totals: z.object({
    appeals: z.number().int(),
    transfers: z.number().int(),
    units: z.number().int(),
    topics: z.number().int(),
    firstDay: z.string().nullable(),
    lastDay: z.string().nullable(),
    lastImport: z.string().nullable(),
  }),
  /** Appeals per platform and month (a table: Arrow on request). */
  rows: z.array(MonthRow),
});

export const FacetValue = z.object({ value: z.string(), appeals: z.number().int() });
export const UnitFacet = z.object({ name: z.string(), kind: z.string().nullable(), district: z.string().nullable(), appeals: z.number().int() });
export const Facets = z.object({
  platforms: z.array(FacetValue),
  districts: z.array(FacetValue),
  units: z.array(UnitFacet),
});
