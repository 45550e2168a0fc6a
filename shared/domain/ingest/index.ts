/**
 * Ingest, the pure part: header → field suggestions, date-time and value parsing, coordinate checks,
 * the compiled row mapper, reject/flag messages, category crosswalk suggestions, quality counts and
 * text/encoding sniffing. No Node, no DOM; clock passed in (RowMapperOptions.now).
 */
export * from './types';
export { FIELD_INFO, headerSignature, normaliseHeader, scoreHeader, suggestMapping, type FieldInfo, type FieldKind, type MappingSuggestion } from './fields';
export { HEADER_SYNONYMS } from './header-synonyms';
export { createDateParser, DEFAULT_TIMEZONE, excelSerialToWallMs, parseDateTime, type DateTimeOptions } from './datetime';
export { detectDateFormat } from './date-detect';
export { assertTimeZone, wallToUtc, zonedTimeToUtc, zoneOffset } from './zone';
export { normalisePhone, parseChannel, parseNumber, parseRequestType, parseSatisfaction, parseStatus, type SatisfactionValue, type StatusValue } from './values';
export { CHANNEL_LABELS, REQUEST_TYPE_LABELS, SATISFACTION_LABELS, STATUS_LABELS } from './value-labels';
export { checkCoords, findPlaceholderPoints, placeholderKey, toWgs84, type CoordCheck, type PlaceholderPoint } from './coords';
export { KeyTally, placeholderPossible } from './placeholder-bound';
export { createRowMapper, type RowMapper, type RowMapperOptions } from './row-mapper';
export { splitCategoryPath } from './category-path';
export { FLAG_MESSAGES, formatReason, REJECT_MESSAGES, type ReasonLocale } from './reasons';
export { suggestCategories, type CategoryNode, type CategorySuggestion } from './crosswalk';
export { QualityAccumulator, type QualityReport } from './quality';
export { fieldCounts, sniffDelimiter, sniffQuote, type Delimiter } from './sniff';
export { detectEncoding, scanGb18030, scanUtf8, type EncodingGuess, type TextEncodingName } from './encoding';
export { cyrb53, hashKey } from './hash';
