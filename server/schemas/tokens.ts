import { z } from 'zod';

/** An API token as listed: never its secret. */
export const TokenRow = z.object({
  tokenId: z.number().int(),
  name: z.string(),
  createdBy: z.string(),
  /** Local time, YYYY-MM-DD HH:MM. */
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  /** When it stops working (local time); null: never. */
  expiresAt: z.string().nullable(),
  expired: z.boolean(),
});

export const TokenList = z.object({ tokens: z.array(TokenRow) });

export const CreateTokenBody = z.object({
  /** Who calls with it, e.g. the platform's name: its calls go by `api:<name>`. */
  name: z.string().trim().min(1).max(60).regex(/^[\p{L}\p{N}_.-]+$/u, 'letters, digits, _ . - only'),
  /** Days it stays in force, at most ten years; null: with no end. A year unless said. */
  days: z.number().int().min(1).max(3650).nullable().default(365),
});

export const CreatedToken = z.object({
  tokenId: z.number().int(),
  name: z.string(),
  /** The secret: shown here once, never again. */
  token: z.string(),
  expiresAt: z.string().nullable(),
});

export const TokenIdParams = z.object({ tokenId: z.coerce.number().int().positive() });

export const RevokedToken = z.object({ tokenId: z.number().int(), name: z.string() });
