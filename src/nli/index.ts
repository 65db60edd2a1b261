export { NliModel, ModelError, inspectModelDir, bundledModelDir, BUNDLED_MODEL_NAME, REQUIRED_MODEL_FILES } from './model.js';
export type { NliModelOptions, NliPair, EncodedPair } from './model.js';
export { mapLabels, toPairScores, softmax, LabelMapError } from './labels.js';
export type { LabelMap } from './labels.js';
export { buildPremises, selectPremises } from './premises.js';
export { bm25, coverage, contentTokens } from './relevance.js';
