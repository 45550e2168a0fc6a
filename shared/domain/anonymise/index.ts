export * from './settings';
export * from './columns';
export * from './apply';
export * from './geo';
export * from './time';
export * from './text';
export * from './kanon';
export * from './suppress';
export { sha256Hex, hmacSha256 } from './sha256';
