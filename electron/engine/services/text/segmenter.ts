/**
 * The Chinese segmenter: jieba (`@node-rs/jieba`, N-API, offline, its bundled dictionary) plus the
 * shipped hotline-domain lexicon (resources/text/hotline-lexicon.txt), the place names of loaded
 * layers and the analyst's own dictionary words. One instance per distinct word list is cached.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Segmenter } from '../../../../shared/domain/text';

interface JiebaInstance {
  cut(text: string, hmm?: boolean): string[];
  tag(text: string, hmm?: boolean): { tag: string; word: string }[];
  loadDict(dict: Uint8Array): void;
}
interface JiebaModule { Jieba: { withDict(dict: Uint8Array): JiebaInstance } }

// Loaded through createRequire so bundlers leave the native module (and its dictionary files) in node_modules.
const req = createRequire(import.meta.url);
let jiebaModule: { mod: JiebaModule; dict: Uint8Array } | null = null;
function jieba(): { mod: JiebaModule; dict: Uint8Array } {
  jiebaModule ??= { mod: req('@node-rs/jieba') as JiebaModule, dict: (req('@node-rs/jieba/dict.js') as { dict: Uint8Array }).dict };
  return jiebaModule;
}

/** Finds resources/<rel> above this module (source tree and bundled dist/engine alike). */
export function resourcePath(rel: string): string | null {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 7; i++) {
    const p = path.join(dir, 'resources', rel);
    if (fs.existsSync(p)) return p;
    dir = path.dirname(dir);
  }
  return null;
}

let lexiconCache: string[] | null = null;
/** Words of the shipped hotline-domain lexicon. */
export function hotlineLexicon(): string[] {
  if (lexiconCache) return lexiconCache;
  const file = resourcePath('text/hotline-lexicon.txt');
  const lines = file ? fs.readFileSync(file, 'utf8').split(/\r?\n/) : [];
  lexiconCache = lines.map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((l) => l.split(/\s+/)[0]);
  return lexiconCache;
}

const VALID_WORD = /^[^\s]{1,30}$/u;

/** The distinct valid words of a list, sorted, and their signature. */
function normaliseWords(words: readonly string[]): { words: string[]; signature: string } {
  const out = [...new Set(words.map((w) => w.trim()).filter((w) => VALID_WORD.test(w)))].sort();
  return { words: out, signature: createHash('sha256').update(out.join('\n')).digest('hex').slice(0, 16) };
}

export class TextSegmenter {
  private readonly j: JiebaInstance;
  readonly signature: string;
  constructor(readonly extraWords: readonly string[]) {
    const { mod, dict } = jieba();
    this.j = mod.Jieba.withDict(dict);
    const { words, signature } = normaliseWords(extraWords);
    if (words.length) this.j.loadDict(Buffer.from(words.map((w) => `${w} 50000 n`).join('\n') + '\n'));
    this.signature = signature;
  }

  cut(text: string): string[] {
    return text ? this.j.cut(text, true) : [];
  }

  tag(text: string): { tag: string; word: string }[] {
    return text ? this.j.tag(text, true) : [];
  }

  get segment(): Segmenter {
    return (t) => this.cut(t);
  }
}

let cached: TextSegmenter | null = null;

/** The segmenter for this word list (lexicon + places + user words), reused while the list is unchanged. */
export function segmenterFor(placeNames: readonly string[], userWords: readonly string[]): TextSegmenter {
  const words = [...hotlineLexicon(), ...placeNames, ...userWords];
  if (cached?.signature !== normaliseWords(words).signature) cached = new TextSegmenter(words);
  return cached;
}
