/**
 * The extractor's version, apart from the extractor itself: the main thread compares it with each stored
 * article's to know whether to extract again, and importing `./index.ts` for one number would load the whole
 * extractor (compromise, chrono-node, the lexicon: about 16 MB of heap) on a thread that never extracts.
 * Bumped whenever extraction changes what it finds, so stored articles are extracted again on the next ingest.
 */
export const EXTRACTOR_VERSION = 283;
