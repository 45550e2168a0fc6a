/** Job bodies of the text area (see services/text/jobs.ts). */
import type { Filter } from '../../../../shared/model/filter';
import type { JobBody } from '../types';
import { decideSuggestions, findRepeats, groupTopics, reindex, trainAndSuggest, type RepeatParams, type TrainParams } from '../../services/text/jobs';

export const textReindexJob: JobBody<Record<string, never>, unknown> = (ctx) => reindex(ctx);
export const textRepeatsJob: JobBody<RepeatParams, unknown> = (ctx, p) => findRepeats(ctx, p);
export const textTrainJob: JobBody<TrainParams, unknown> = (ctx, p) => trainAndSuggest(ctx, p);
export const textDecideJob: JobBody<{ recordIds?: number[]; minConfidence?: number; decision: 'accept' | 'reject' }, unknown> = (ctx, p) => decideSuggestions(ctx, p);
export const textTopicsJob: JobBody<{ filter: Filter; k: number; sample: number }, unknown> = (ctx, p) => groupTopics(ctx, p);
