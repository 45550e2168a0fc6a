import { rowsToArrowIPC } from '../../services/arrow';
import { countFromColumns, facetsFromColumns } from '../../services/text/search-columns';
import type { RecordPageRow } from '../../db/repos/types';
import type { HandlerGroup } from '../types';

/** Column order and types of the `records.page` Arrow stream. */
export const RECORD_PAGE_COLUMNS = [
  ['id', 'int32'], ['externalId', 'utf8'], ['sourceCode', 'utf8'], ['receivedAt', 'float64'], ['closedAt', 'float64'],
  ['cat1', 'utf8'], ['cat2', 'utf8'], ['cat3', 'utf8'], ['district', 'utf8'], ['street', 'utf8'], ['community', 'utf8'],
  ['department', 'utf8'], ['status', 'utf8'], ['satisfaction', 'float64'], ['title', 'utf8'], ['lon', 'float64'], ['lat', 'float64'],
] as const satisfies readonly (readonly [keyof RecordPageRow, 'utf8' | 'float64' | 'int32'])[];

export const recordHandlers: HandlerGroup<'records.facets' | 'records.count' | 'records.page'> = {
  // A text search with other filters is counted (and its facets tallied) on the statistics columns when
  // they answer those filters exactly; otherwise the repository's search plans.
  'records.facets': (i, ctx) => {
    const p = ctx.projects.require();
    return facetsFromColumns(p.handle.db, i.filter) ?? p.records.facets(i.filter);
  },
  'records.count': (i, ctx) => {
    const p = ctx.projects.require();
    return { count: countFromColumns(p.handle.db, i.filter) ?? p.records.count(i.filter) };
  },
  'records.page': (i, ctx) => {
    const rows = ctx.projects.require().records.page(i.filter, i.offset, i.limit, i.sort);
    return rowsToArrowIPC(rows, RECORD_PAGE_COLUMNS);
  },
};
