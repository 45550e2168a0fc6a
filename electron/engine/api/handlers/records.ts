import { rowsToArrowIPC } from '../../services/arrow';
import { columnsCanAnswer, countFromColumns, facetsFromColumns } from '../../services/text/search-columns';
import { builtStats } from './stats';
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
  'records.facets': async (i, ctx) => {
    const data = columnsCanAnswer(i.filter, false) ? await builtStats(ctx) : null;
    const p = ctx.projects.require();
    return (data && facetsFromColumns(p.handle.db, data, i.filter)) ?? p.records.facets(i.filter);
  },
  'records.count': async (i, ctx) => {
    const data = columnsCanAnswer(i.filter, true) ? await builtStats(ctx) : null;
    const p = ctx.projects.require();
    return { count: (data && countFromColumns(p.handle.db, data, i.filter)) ?? p.records.count(i.filter) };
  },
  'records.page': (i, ctx) => {
    const rows = ctx.projects.require().records.page(i.filter, i.offset, i.limit, i.sort);
    return rowsToArrowIPC(rows, RECORD_PAGE_COLUMNS);
  },
};
