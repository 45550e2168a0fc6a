/**
 * The Content-Security-Policy of the UI, in both hosts. MapLibre needs blob: workers and
 * data:/blob: images; antd injects inline styles. Nothing may load from another origin.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'font-src': "'self' data:",
  'connect-src': "'self'",
  'worker-src': "'self' blob:",
  'child-src': "'self' blob:",
  'frame-src': "'none'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'frame-ancestors': "'none'",
  'form-action': "'none'",
};

export function buildCsp(extra: Partial<Record<string, string>> = {}): string {
  const d = { ...CSP_DIRECTIVES, ...extra };
  return Object.entries(d).map(([k, v]) => `${k} ${v}`).join('; ');
}
