import type { JobBody } from '../types';

type AnyBody = JobBody<never, unknown>;

/**
 * Every job kind a worker can run, loaded on demand so a thread only pays for the modules its job
 * needs (exceljs alone takes ~0.4 s to load). The runner holds one transaction around each body.
 */
const LOADERS: Record<string, () => Promise<AnyBody>> = {
  'demo.generate': async () => (await import('./demo')).demoJob as AnyBody,
  'test.write': async () => (await import('./sleep')).sleepJob as AnyBody,
  'import.file': async () => (await import('./import')).importJob as AnyBody,
  'derived.refresh': async () => (await import('./derived')).derivedRefreshJob as AnyBody,
  'import.removeBatch': async () => (await import('./maintenance')).removeBatchJob as AnyBody,
  'crosswalk.apply': async () => (await import('./maintenance')).crosswalkApplyJob as AnyBody,
  'taxonomy.import': async () => (await import('./maintenance')).taxonomyImportJob as AnyBody,
  'taxonomy.fromData': async () => (await import('./maintenance')).taxonomyFromDataJob as AnyBody,
  'stats.rebuild': async () => (await import('../../services/stats/builder')).statsRebuildJob as AnyBody,
  'layers.add': async () => (await import('./layers')).addLayerJob as AnyBody,
  'layers.remove': async () => (await import('./layers')).removeLayerJob as AnyBody,
  'layers.overlay': async () => (await import('./layers')).overlayJob as AnyBody,
  'layers.geocode': async () => (await import('./layers')).geocodeJob as AnyBody,
  'alerts.detect': async () => (await import('./alerts')).detectJob as AnyBody,
  'alerts.backtest': async () => (await import('./alerts')).backtestJob as AnyBody,
  'alerts.scan': async () => (await import('./alerts')).scanJob as AnyBody,
  'text.reindex': async () => (await import('./text')).textReindexJob as AnyBody,
  'text.repeats': async () => (await import('./text')).textRepeatsJob as AnyBody,
  'text.train': async () => (await import('./text')).textTrainJob as AnyBody,
  'text.decide': async () => (await import('./text')).textDecideJob as AnyBody,
  'text.topics': async () => (await import('./text')).textTopicsJob as AnyBody,
  'evaluation.run': async () => (await import('./evaluation')).evaluationRunJob as AnyBody,
  'package.export': async () => (await import('./package')).packageExportJob as AnyBody,
  'package.import': async () => (await import('./package')).packageImportJob as AnyBody,
  'report.preview': async () => (await import('./report')).reportPreviewJob as AnyBody,
  'report.render': async () => (await import('./report')).reportRenderJob as AnyBody,
};

export const JOB_KINDS = Object.keys(LOADERS);

export async function loadJobBody(kind: string): Promise<AnyBody | null> {
  const load = LOADERS[kind];
  return load ? load() : null;
}
