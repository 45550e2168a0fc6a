/** Statistics for the dashboard: pure functions over plain arrays and typed columns. */
export * from './time';
export * from './series';
export * from './quantiles';
export * from './durations';
export * from './pivot';
export * from './columns';
export * from './select';
export * from './dims';
export * from './performance';
export * from './backlog';
