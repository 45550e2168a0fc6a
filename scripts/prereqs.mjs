// What the browser tests need beyond npm: Debian's Chromium, a CJK font and poppler-utils (the report
// tests read the PDFs they print with pdftoppm/pdftotext/pdffonts).
// Installs them when running as root with apt-get (as CI does); otherwise stops with the exact command.
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y --no-install-recommends chromium fonts-noto-cjk poppler-utils';

function hasCjkFont() {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

export function missingPrereqs() {
  const missing = [];
  if (!fs.existsSync(CHROMIUM)) missing.push('chromium');
  if (!hasCjkFont()) missing.push('fonts-noto-cjk');
  if (spawnSync('which', ['pdftoppm']).status !== 0) missing.push('poppler-utils');
  return missing;
}

export function ensurePrereqs() {
  let missing = missingPrereqs();
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('which', ['apt-get']).status === 0;
  if (isRoot && hasApt && process.env.MINSHENG_NO_AUTO_INSTALL !== '1') {
    console.log(`[prereqs] missing ${missing.join(', ')} — installing: ${INSTALL}`);
    execSync(INSTALL, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    missing = missingPrereqs();
    if (missing.length === 0) return;
  }
  console.error(`\n缺少浏览器测试所需的软件 / missing for the browser tests: ${missing.join(', ')}\nRun:  sudo sh -c '${INSTALL}'\n(or set CHROMIUM_PATH to a Chromium binary)\n`);
  process.exit(1);
}
