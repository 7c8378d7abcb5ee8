import { z } from 'zod';

export const UnitsQuery = z.object({
  kind: z.string().max(40).optional(),
  /** Only units whose kind is not known. */
  unresolved: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  /** Part of a unit's name. */
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const Unit = z.object({
  name: z.string(),
  kind: z.string().nullable(),
  district: z.string().nullable(),
  /** inferred from the name by the shipped rules, or manual (set by a person; never changed by them). */
  origin: z.enum(['inferred', 'manual']),
});

export const UnitRow = Unit.extend({
  /** Appeals sent to the unit: a guide to which rows matter most. */
  appeals: z.number().int(),
});

export const UnitList = z.object({
  summary: z.object({ units: z.number().int(), manual: z.number().int(), inferredKind: z.number().int(), unknownKind: z.number().int(), noDistrict: z.number().int() }),
  /** The kinds a unit may have (the unit-kind rules'), and the districts the data names. */
  kinds: z.array(z.string()),
  districts: z.array(z.string()),
  total: z.number().int(),
  rows: z.array(UnitRow),
});

/** A correction by hand: a field left out keeps its value, null clears it. */
export const SetUnitBody = z.object({
  name: z.string().min(1).max(200),
  kind: z.string().max(40).nullable().optional(),
  district: z.string().max(40).nullable().optional(),
});

export const SetUnitResult = z.object({ unit: Unit });

/** The same correction for several units at once (e.g. every unit the rules left without a kind). */
export const SetUnitsBody = z
  .object({
    names: z.array(z.string().min(1).max(200)).min(1).max(500),
    kind: z.string().max(40).nullable().optional(),
    district: z.string().max(40).nullable().optional(),
  })
  .refine((b) => b.kind !== undefined || b.district !== undefined, { message: 'say a kind, a district or both', path: ['kind'] });

export const SetUnitsResult = z.object({ units: z.array(Unit) });
