/**
 * Chinese text analysis, pure: tokens given a segmenter, stopwords, the bigram full-text query,
 * TF-IDF / keyness / emerging terms, TextRank, SimHash repeats, TF-IDF vectors, softmax classifier
 * with cross-validation, NMF topics, PII detection and masking, highlighting.
 */
export * from './tokens';
export * from './stopwords';
export * from './fts-query';
export * from './keywords';
export * from './time-buckets';
export * from './textrank';
export * from './simhash';
export * from './vectorize';
export * from './classifier';
export * from './metrics';
export * from './text-classifier';
export * from './topics';
export * from './pii';
export * from './highlight';
