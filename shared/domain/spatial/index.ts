export * from './mercator';
export * from './bins';
export * from './kde';
export * from './classify';
export * from './ramps';
