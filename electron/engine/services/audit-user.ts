import os from 'node:os';

/**
 * The name the audit trail records for actions taken by the person using the app: MINSHENG_USER when
 * set (shared accounts, kiosks), else the operating-system account name.
 */
export function auditUserName(): string {
  const env = process.env.MINSHENG_USER?.trim();
  if (env) return env.slice(0, 100);
  try {
    return os.userInfo().username || 'user';
  } catch {
    return 'user';
  }
}
