/** Word list files for the dictionary screen: formats read, bad entries rejected, round trip. */
import { describe, expect, it } from 'vitest';
import { mergeWords, parseWordList, wordListText } from '../../../renderer/src/features/text/word-list';

describe('word list files', () => {
  it('reads plain lists, jieba dictionaries, CSV/TSV first columns; skips comments, blanks and duplicates', () => {
    const text = '\uFEFF# 自定义词\n噪音扰民\r\n占道经营 3 n\n"群租房",居住\n电动车\t5\n\n噪音扰民\n共享单车 99\n';
    const r = parseWordList(text);
    expect(r.words).toEqual(['噪音扰民', '占道经营', '群租房', '电动车', '共享单车']);
    expect(r.duplicates).toBe(1);
    expect(r.rejected).toEqual([]);
  });

  it('rejects entries the engine would refuse (over 30 characters)', () => {
    const long = '很'.repeat(31);
    const r = parseWordList(`好词\n${long}\n`);
    expect(r.words).toEqual(['好词']);
    expect(r.rejected).toEqual([long]);
  });

  it('merges without duplicates and writes one word per line that reads back the same', () => {
    const m = mergeWords(['物业', '欠薪'], ['欠薪', '烂尾楼', '物业', '学区房']);
    expect(m).toEqual({ words: ['物业', '欠薪', '烂尾楼', '学区房'], added: 2 });
    expect(parseWordList(wordListText(m.words)).words).toEqual(m.words);
  });
});
