import { z } from 'zod';

/**
 * Parameters of a topic run, stored with it. Similarities are cosines of unit TF-IDF vectors
 * (0 = nothing in common, 1 = the same terms in the same proportions).
 */
export const topicParamsSchema = z.object({
  /** jieba's HMM for words missing from the dictionary. */
  hmm: z.boolean(),
  /** Leave place and unit names out of topic vectors: topics are problems, not places. */
  dropPlaces: z.boolean(),
  /** Keep only the single characters listed in the lexicon. */
  singleCharsFromLexicon: z.boolean(),
  /** A place or unit name is learned for the user dictionary when it occurs this often. */
  learnMinFreq: z.number().int().min(1),
  minDf: z.number().int().min(1),
  maxDfShare: z.number().gt(0).max(1),
  /** Strongest terms kept per text. */
  maxTermsPerText: z.number().int().min(1),
  /** 'auto': the median similarity of texts to their nearest neighbour, within [joinMin, joinMax]. */
  joinThreshold: z.union([z.number().gt(0).lt(1), z.literal('auto')]),
  joinMin: z.number().gt(0).lt(1),
  joinMax: z.number().gt(0).lt(1),
  mergeThreshold: z.number().gt(0).lt(1),
  assignFloor: z.number().gt(0).lt(1),
  assignSpread: z.number().min(0),
  minTopicSize: z.number().int().min(2),
  sampleSize: z.number().int().min(1000),
  refineIterations: z.number().int().min(0).max(10),
  /** A new topic keeps a previous topic's id when their centroids are at least this similar. */
  matchThreshold: z.number().gt(0).lt(1),
  /** Share of a previous topic's appeals that makes a split or merge edge in the lineage. */
  lineageShare: z.number().gt(0).lt(1),
  /** Distinctive terms stored per topic. */
  topTerms: z.number().int().min(1).max(50),
  /** Most central appeals stored per topic, and read to order the label's words. */
  examples: z.number().int().min(1).max(50),
});

export type TopicParams = z.infer<typeof topicParamsSchema>;

export const DEFAULT_PARAMS: TopicParams = {
  hmm: false,
  dropPlaces: true,
  singleCharsFromLexicon: true,
  learnMinFreq: 3,
  minDf: 2,
  maxDfShare: 0.5,
  maxTermsPerText: 1000,
  joinThreshold: 'auto',
  joinMin: 0.2,
  joinMax: 0.4,
  mergeThreshold: 0.33,
  assignFloor: 0.12,
  assignSpread: 2.5,
  minTopicSize: 5,
  sampleSize: 100_000,
  refineIterations: 2,
  matchThreshold: 0.5,
  lineageShare: 0.2,
  topTerms: 12,
  examples: 5,
};

export function resolveParams(overrides: Partial<TopicParams> = {}): TopicParams {
  const parsed = topicParamsSchema.safeParse({ ...DEFAULT_PARAMS, ...overrides });
  if (!parsed.success) throw new Error(`invalid topic parameters: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
