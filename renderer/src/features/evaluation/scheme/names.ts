import type { LocalText } from '../../../../../shared/domain/evaluation';

/** A node's name in the UI language (English falls back to Chinese when left empty). */
export const localName = (n: LocalText, lang: string): string => (lang === 'en' ? n.en || n.zh : n.zh);
