export * from './contract';
export * from './errors';
export * from './events';
export * from './wire';
export * from './client';
