export * from './weights';
export * from './fdr';
export * from './gistar';
export * from './moran';
export * from './ebayes';
export * from './mannkendall';
export * from './emerging';
