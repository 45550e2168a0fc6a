import { classifyFileName } from '../../../../shared/api/bridge';

/** What to do with files dropped on the window — PURE, unit-tested. */
export type DropPlan =
  | { kind: 'import'; index: number }
  | { kind: 'project'; index: number }
  | { kind: 'needProject' }
  | { kind: 'unsupported'; names: string[] }
  | { kind: 'none' };

/**
 * The first project file opens it; otherwise the first data file goes to the import wizard (which needs an
 * open project). One file at a time: the wizard imports one file per batch.
 */
export function planDrop(names: readonly string[], projectOpen: boolean): DropPlan {
  if (names.length === 0) return { kind: 'none' };
  const kinds = names.map(classifyFileName);
  const project = kinds.indexOf('project');
  if (project >= 0) return { kind: 'project', index: project };
  const data = kinds.indexOf('data');
  if (data >= 0) return projectOpen ? { kind: 'import', index: data } : { kind: 'needProject' };
  return { kind: 'unsupported', names: [...names] };
}

/** True while files (not text or links) are dragged over the window. */
export function isFileDrag(types: readonly string[] | null | undefined): boolean {
  return !!types && types.includes('Files');
}
