/**
 * The topic engine: groups appeals into recurring topics with stable ids, labels, lineage and
 * curation. See DESIGN.md §5.
 */
export { runTopics, type RunOptions, type RunSummary } from './run.js';
export { assignNewAppeals, assignText, type AssignSummary, type TextAssignment } from './assign.js';
export { listTopics, topicDetail, searchOutliers, risingTerms, exportAssignments, type TopicSummary, type TopicDetail, type TopicExample, type LineageStep, type CurationStep, type Outlier, type RisingTerm } from './queries.js';
export { renameTopic, mergeTopics, splitTopic, markNoise, restoreTopic, promoteOutliers, TopicError, type OutlierSelection } from './curate.js';
export { DEFAULT_PARAMS, resolveParams, type TopicParams } from './params.js';
export type { TopicStatus, CurationAction } from './state.js';
