/** Dictionary codes of the statistics columns, and writing one batch's column set. */
import { DICT_DIMS, type DictDim } from '../../../../shared/domain/stats/columns';
import type { SqliteStatsWriter } from '../../db/repos/stats-repo';
import { CHUNK_COLUMNS, type ChunkBuilder } from './chunks';

/** Dictionary codes: existing ones from the project, new ones appended and written at the end. */
export class Dictionaries {
  private readonly maps = new Map<DictDim, Map<string, number>>();
  private readonly added = new Map<DictDim, [string, number][]>();
  constructor(private readonly w: SqliteStatsWriter) {
    for (const d of DICT_DIMS) { this.maps.set(d, w.dictionary(d)); this.added.set(d, []); }
  }
  codeOf = (dim: DictDim, value: string): number => {
    const m = this.maps.get(dim)!;
    let c = m.get(value);
    if (c === undefined) {
      c = m.size + 1;
      m.set(value, c);
      this.added.get(dim)!.push([value, c]);
    }
    return c;
  };
  flush(): void {
    for (const d of DICT_DIMS) this.w.addDictionaryValues(d, this.added.get(d)!);
  }
}

/** Writes one batch's columns, or one part of them (their new dictionary values are flushed separately). */
export function writeBatchColumns(w: SqliteStatsWriter, batchId: number, b: ChunkBuilder, part = 0): void {
  for (const col of CHUNK_COLUMNS) w.writeChunk(batchId, col, b.rows, b.cols[col].bytes(), part);
}

