export { createDetector, createDetectorInSteps, scanGazetteer, type Detector } from './detector';
export { buildGazetteer, type Gazetteer } from './gazetteer';
export { nameKey, tokenize } from './tokens';
export { taggerFirstUse } from './tagger';
