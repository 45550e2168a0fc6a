/** cli report: the same render job as the UI, several --out, exit codes and messages. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../../helpers/tmp';

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/engine/cli/index.ts', ...args], { encoding: 'utf8', timeout: 240_000, env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('cli report', () => {
  let dir: string; let cleanup: () => void;
  const p = (f: string) => path.join(dir, f);
  beforeAll(() => {
    ({ dir, cleanup } = tmpDir('minsheng-report-cli-'));
    const demo = cli(['demo', p('demo.minsheng'), '--records', '600', '--json']);
    expect(demo.code, demo.err).toBe(0);
  }, 240_000);
  afterAll(() => cleanup());

  it('renders a 简报 to several formats in one run and records it in the audit trail', () => {
    const r = cli(['report', p('demo.minsheng'), '--template', 'brief', '--from', '2024-01-01', '--to', '2024-06-30', '--title', '宁川市上半年简报',
      '--out', p('out/brief.html'), '--out', p('out/brief.xlsx'), '--json']);
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out) as { files: { format: string; path: string; bytes: number }[]; reportHash: string };
    expect(out.files.map((f) => f.format).sort()).toEqual(['html', 'xlsx']);
    for (const f of out.files) expect(fs.statSync(f.path).size).toBe(f.bytes);
    const html = fs.readFileSync(p('out/brief.html'), 'utf8');
    expect(html).toContain('宁川市上半年简报');
    expect(html).toContain('2024年1月1日 — 2024年6月30日');
    expect(html).toContain(out.reportHash);
    const audit = cli(['audit', 'list', p('demo.minsheng'), '--action', 'report.render', '--json']);
    expect(JSON.parse(audit.out).entries).toHaveLength(1);
  }, 240_000);

  it('refuses unknown templates, unknown extensions and a missing --out with exit code 1', () => {
    const t = cli(['report', p('demo.minsheng'), '--template', 'nope', '--out', p('x.html')]);
    expect(t.code).toBe(1);
    expect(t.err).toContain('--template nope: not found');
    const e = cli(['report', p('demo.minsheng'), '--out', p('x.txt')]);
    expect(e.code).toBe(1);
    expect(e.err).toContain('pdf, docx, html, xlsx');
    expect(cli(['report', p('demo.minsheng')]).code).toBe(1);
  }, 120_000);

  it('a PDF without Chromium fails with the install hint in the chosen language', () => {
    const r = cli(['report', p('demo.minsheng'), '--template', 'brief', '--out', p('y.pdf'), '--lang', 'en'], { CHROMIUM_PATH: p('none') });
    expect(r.code).toBe(1);
    expect(r.err).toContain('sudo apt-get install chromium');
    expect(fs.existsSync(p('y.pdf'))).toBe(false);
  }, 120_000);
});
