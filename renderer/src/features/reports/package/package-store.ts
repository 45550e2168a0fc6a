/**
 * State of the data-package tab: the anonymisation settings (from a preset, then edited), formats,
 * output folder, and the export run (progress and result). Kept while the user visits other screens.
 */
import { create } from 'zustand';
import { PRESETS, type AnonymiseSettings, type PresetName } from '../../../../../shared/domain/anonymise/settings';
import type { PackageExportResult } from '../../../../../shared/api/areas/package';

export type PackageFormat = 'arrow' | 'csv' | 'geojson' | 'gpkg';

export interface ExportRun {
  jobId: string | null;
  status: 'starting' | 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number | null;
  phase: string | null;
  rowsPerSecond: number | null;
  cancelling: boolean;
  result: PackageExportResult | null;
  error: unknown;
}

export interface PackageState {
  settings: AnonymiseSettings;
  formats: PackageFormat[];
  outDir: string;
  layers: boolean;
  taxonomy: boolean;
  run: ExportRun | null;
  applyPreset(p: PresetName): void;
  /** Replaces part of the settings (nested objects merged one level). */
  patch(p: Partial<AnonymiseSettings>): void;
  set(p: Partial<Pick<PackageState, 'formats' | 'outDir' | 'layers' | 'taxonomy'>>): void;
  setRun(r: ExportRun | null | ((r: ExportRun | null) => ExportRun | null)): void;
}

export const usePackage = create<PackageState>((set) => ({
  settings: PRESETS.standard,
  formats: ['arrow', 'csv'],
  outDir: '',
  layers: true,
  taxonomy: true,
  run: null,
  applyPreset: (p) => set({ settings: structuredClone(PRESETS[p]) }),
  patch: (p) => set((s) => ({ settings: { ...s.settings, ...p } })),
  set: (p) => set(p),
  setRun: (r) => set((s) => ({ run: typeof r === 'function' ? r(s.run) : r })),
}));

export function emptyRun(): ExportRun {
  return { jobId: null, status: 'starting', done: 0, total: null, phase: null, rowsPerSecond: null, cancelling: false, result: null, error: null };
}
