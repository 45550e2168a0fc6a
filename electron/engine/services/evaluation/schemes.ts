/** Saved schemes: versions, validation with bilingual messages, JSON export and import. */
import { ApiError } from '../../../../shared/api/errors';
import { defaultScheme, formatProblem, SchemeSchema, validateScheme, type Scheme } from '../../../../shared/domain/evaluation';
import type { SchemeRow, SqliteEvaluationRepository } from '../../db/repos/evaluation-repo';

export function problemsOf(s: Scheme) {
  return validateScheme(s).map((p) => ({ ...p, message: { zh: formatProblem(p, 'zh-CN'), en: formatProblem(p, 'en') } }));
}

export function schemeOf(row: SchemeRow): Scheme {
  return SchemeSchema.parse(JSON.parse(row.schemeJson));
}

export function requireScheme(repo: SqliteEvaluationRepository, id: number): { row: SchemeRow; scheme: Scheme } {
  const row = repo.getScheme(id);
  if (!row) throw new ApiError('BAD_INPUT', { detail: `评估方案 ${id} 不存在 / evaluation scheme ${id} does not exist` });
  return { row, scheme: schemeOf(row) };
}

/** Stores a new version; refuses schemes with errors (warnings such as CR > 0.1 are kept and reported). */
export function saveScheme(repo: SqliteEvaluationRepository, scheme: Scheme, now: number) {
  const problems = problemsOf(scheme);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new ApiError('BAD_INPUT', { detail: errors.map((e) => `${e.message.zh} / ${e.message.en}`).join('; ') });
  const row = repo.insertScheme(scheme.key, JSON.stringify(scheme.name), (version) => JSON.stringify({ ...scheme, version }), now);
  return { id: row.id, key: row.key, version: row.version, problems };
}

export function parseSchemeFile(text: string): Scheme {
  let parsed: unknown;
  try { parsed = JSON.parse(text); } catch { throw new ApiError('BAD_INPUT', { detail: '方案文件不是有效的 JSON / the scheme file is not valid JSON' }); }
  const r = SchemeSchema.safeParse(parsed);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new ApiError('BAD_INPUT', { detail: `不是民声评估方案文件 / not a Minsheng evaluation scheme: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}` });
  }
  return r.data;
}

export const builtInDefault = (): Scheme => defaultScheme();
