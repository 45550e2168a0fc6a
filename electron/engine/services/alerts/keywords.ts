/**
 * An alert's top keywords with the text module's tools: the project's jieba segmenter (hotline
 * lexicon, layer place names, the analyst's dictionary), its content-word rules and the project's
 * stopwords (defaults ± the analyst's changes, plus place names, which the alert's title already says).
 */
import type Database from 'better-sqlite3';
import { keyness, type AlertKeyword } from '../../../../shared/domain/surveillance/keywords';
import { contentWords, stopwordSet } from '../../../../shared/domain/text';
import type { Filter } from '../../../../shared/model/filter';
import { textsOf } from '../../db/repos/alerts-series';
import { SqliteTextRepository } from '../../db/repos/text-repo';
import { projectSegmenter } from '../text/builder';

/** A tokeniser for this project: text → its content words, stopwords and place names removed. */
export function projectTokeniser(db: Database.Database): (text: string) => string[] {
  const repo = new SqliteTextRepository(db);
  const seg = projectSegmenter(repo);
  const stop = stopwordSet(repo.words('stop'), repo.words('unstop'));
  for (const p of repo.placeNames()) stop.add(p.toLowerCase());
  return (text) => contentWords(text, seg.segment, stop);
}

/** Keywords of the records `during` against those `before` (newest 400 / 2000 records). */
export function alertKeywords(db: Database.Database, during: Filter, before: Filter, top = 12): AlertKeyword[] {
  const tok = projectTokeniser(db);
  return keyness(textsOf(db, during, 400).map(tok), textsOf(db, before, 2000).map(tok), top);
}
