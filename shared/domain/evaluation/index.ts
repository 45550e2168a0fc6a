/** Third-party evaluation: scheme model, weights (manual, AHP, entropy, combined), TOPSIS, ranks, sensitivity, metrics. */
export * from './ahp';
export * from './catalogue';
export * from './default-scheme';
export * from './entropy';
export * from './evaluate';
export * from './facts';
export * from './inequality';
export * from './metrics';
export * from './normalise';
export * from './period';
export * from './rank';
export * from './reply';
export * from './scheme';
export * from './sensitivity';
export * from './topsis';
export * from './validate';
export * from './weights';
