import { create } from 'zustand';
import type { ImportResult, ReadOptionsInput } from '../../../../shared/api/areas/import';
import { api } from '../../platform/select';
import { decodePreview, type Preview } from './arrow-rows';
import { startWatchedJob, type JobEnd } from './job-watch';
import { emptyMapping, mappingReducer, toMappingSpec, type MappingAction, type MappingState } from './mapping-state';
import { addSample, parseRows, phaseOf, rowRate, type ImportPhase, type RowSample } from './progress';
import { cleanOverrides, effectiveReadOptions, type PreviewResult } from './read-options';
import { rememberPath } from './recent-paths';
import { resultFromBatch, toImportResult } from './result';

export type ImportTab = 'new' | 'history' | 'taxonomy' | 'templates';
export interface SourceChoice { mode: 'existing' | 'new'; code: string; name: string }

export interface RunState {
  jobId: string | null;
  status: 'starting' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  done: number;
  total: number | null;
  rows: number | null;
  phase: ImportPhase | null;
  samples: RowSample[];
  rowsPerSecond: number | null;
  bytesPerSecond: number | null;
  etaSeconds: number | null;
  result: ImportResult | null;
  /** A thrown ApiError (start refused) or a job error {code, message}. */
  error: unknown;
  jobError: { code: string; message: string } | null;
  cancelling: boolean;
}

export interface ImportWizard {
  tab: ImportTab;
  step: number;
  path: string;
  previewing: boolean;
  previewError: unknown;
  preview: PreviewResult | null;
  /** What the sniffer found on its own (before any user override): the "auto" values shown beside the controls. */
  auto: PreviewResult['sniffed'] | null;
  rows: Preview | null;
  overrides: Partial<ReadOptionsInput>;
  source: SourceChoice;
  mapping: MappingState;
  run: RunState | null;
  setTab(tab: ImportTab): void;
  setStep(step: number): void;
  setPath(path: string): void;
  loadPreview(path?: string): Promise<void>;
  setOverrides(patch: Partial<ReadOptionsInput>): Promise<void>;
  setSource(s: Partial<SourceChoice>): void;
  dispatch(a: MappingAction): void;
  start(): Promise<void>;
  cancel(): Promise<void>;
  /** Back to step 1 for another file (keeps the path list and the source). */
  reset(): void;
}

let previewSeq = 0;

const newRun = (): RunState => ({
  jobId: null, status: 'starting', done: 0, total: null, rows: null, phase: null, samples: [], rowsPerSecond: null,
  bytesPerSecond: null, etaSeconds: null, result: null, error: null, jobError: null, cancelling: false,
});

export const useImportWizard = create<ImportWizard>()((set, get) => {
  const patchRun = (p: Partial<RunState>) => set((s) => (s.run ? { run: { ...s.run, ...p } } : {}));

  const fetchPreview = async (path: string, overrides: Partial<ReadOptionsInput>) => {
    const seq = ++previewSeq;
    set({ previewing: true, previewError: null });
    const options = cleanOverrides(overrides);
    const input = Object.keys(options).length ? { path, options } : { path };
    try {
      const [preview, bytes] = await Promise.all([
        api.call('import.preview', input),
        api.call('import.previewRows', { ...input, limit: 20 }),
      ]);
      if (seq !== previewSeq) return;
      const rows = decodePreview(bytes);
      const mapping = mappingReducer(get().mapping, { type: 'init', headers: preview.sniffed.headers, suggestions: preview.suggestions, template: preview.template });
      const t = preview.template;
      const source = t && !get().mapping.touched ? { mode: 'existing' as const, code: t.sourceCode, name: '' } : get().source;
      rememberPath(path);
      const auto = Object.keys(options).length === 0 ? preview.sniffed : get().auto;
      set({ preview, auto, rows, mapping, source, previewing: false, step: Math.max(get().step, 1) });
    } catch (e) {
      if (seq === previewSeq) set({ previewing: false, previewError: e });
    }
  };

  const finish = async (end: JobEnd) => {
    const { job } = end;
    if (job.status === 'succeeded') {
      let result = toImportResult(end.result);
      if (!result) {
        // The result travels only with the `job.done` event; when it was lost, read the newest batch.
        const batches = await api.call('import.batches', {}).catch(() => []);
        const newest = batches.reduce<(typeof batches)[number] | null>((a, b) => (!a || b.id > a.id ? b : a), null);
        result = newest ? resultFromBatch(newest) : null;
      }
      patchRun({ status: 'succeeded', result, cancelling: false, done: get().run?.total ?? 0 });
    } else if (job.status === 'cancelled') {
      patchRun({ status: 'cancelled', cancelling: false });
    } else {
      patchRun({ status: 'failed', cancelling: false, jobError: end.error ?? { code: 'INTERNAL', message: job.message ?? job.status } });
    }
  };

  return {
    tab: 'new',
    step: 0,
    path: '',
    previewing: false,
    previewError: null,
    preview: null,
    auto: null,
    rows: null,
    overrides: {},
    source: { mode: 'existing', code: '', name: '' },
    mapping: emptyMapping(),
    run: null,
    setTab: (tab) => set({ tab }),
    setStep: (step) => set({ step }),
    setPath: (path) => set({ path }),
    loadPreview: async (path) => {
      const p = (path ?? get().path).trim();
      if (!p) return;
      // A new file starts from a clean mapping and the sniffer's own guesses.
      set({ path: p, overrides: {}, mapping: { ...emptyMapping(), onDuplicate: get().mapping.onDuplicate }, preview: null, auto: null, rows: null, step: 0, run: null });
      await fetchPreview(p, {});
    },
    setOverrides: async (patch) => {
      const cur = get().overrides;
      // Another format invalidates the other choices (encoding, delimiter, sheet…).
      const next = cleanOverrides(patch.format && patch.format !== (cur.format ?? get().preview?.sniffed.format) ? { format: patch.format } : { ...cur, ...patch });
      set({ overrides: next });
      const path = get().preview?.path ?? get().path;
      if (path) await fetchPreview(path, next);
    },
    setSource: (s) => set((st) => ({ source: { ...st.source, ...s } })),
    dispatch: (a) => set((s) => ({ mapping: mappingReducer(s.mapping, a) })),
    start: async () => {
      const { preview, overrides, mapping, source } = get();
      if (!preview || get().run?.status === 'running' || get().run?.status === 'starting') return;
      const code = source.code.trim();
      const input = {
        path: preview.path,
        sourceCode: code,
        ...(source.mode === 'new' && source.name.trim() ? { sourceName: source.name.trim() } : {}),
        options: effectiveReadOptions(preview.sniffed, overrides),
        mapping: toMappingSpec(mapping),
        onDuplicate: mapping.onDuplicate,
        ...(mapping.saveTemplate && mapping.templateName.trim() ? { saveTemplate: { name: mapping.templateName.trim() } } : {}),
      };
      set({ run: newRun(), step: 3 });
      try {
        const { jobId } = await startWatchedJob(() => api.call('import.start', input), {
          progress: (p) => {
            const run = get().run;
            if (!run) return;
            const rows = parseRows(p.message);
            const samples = rows !== null ? addSample(run.samples, { at: Date.now(), rows }) : run.samples;
            patchRun({
              done: p.done, total: p.total, phase: phaseOf(p.message) ?? run.phase, rows: rows ?? run.rows, samples,
              rowsPerSecond: rowRate(samples) ?? run.rowsPerSecond, bytesPerSecond: p.ratePerSecond ?? run.bytesPerSecond, etaSeconds: p.etaSeconds ?? run.etaSeconds,
            });
          },
          done: (end) => { void finish(end); },
        });
        set((s) => (s.run && s.run.status === 'starting' ? { run: { ...s.run, jobId, status: 'running' } } : s.run ? { run: { ...s.run, jobId } } : {}));
      } catch (e) {
        patchRun({ status: 'failed', error: e });
      }
    },
    cancel: async () => {
      const id = get().run?.jobId;
      if (!id) return;
      patchRun({ cancelling: true });
      try {
        await api.call('jobs.cancel', { jobId: id });
      } catch (e) {
        patchRun({ cancelling: false, error: e });
      }
    },
    reset: () => set({ step: 0, preview: null, auto: null, rows: null, run: null, overrides: {}, previewError: null, mapping: { ...emptyMapping(), onDuplicate: get().mapping.onDuplicate } }),
  };
});
