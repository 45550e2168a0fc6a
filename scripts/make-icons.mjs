#!/usr/bin/env node
/**
 * Renders resources/icons/icon.svg (the app) and file.svg (`.minsheng` documents) with Chromium into
 * every icon the installers need, and commits them as files (the build never needs a browser):
 *   icon.png (1024), png/<N>x<N>.png (Linux), icon.ico (Windows), icon.icns (macOS)
 *   file.png, file.ico, file.icns (file-association icons)
 * Run after editing an SVG: node scripts/make-icons.mjs   (needs /usr/bin/chromium and a CJK font)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../resources/icons');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** icns types that hold PNG data, by pixel size. */
const ICNS_TYPES = [['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024]];

/** ICO container of PNG images (Vista+). */
export function buildIco(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0); header.writeUInt16LE(1, 2); header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, data }, i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, e); header.writeUInt8(size >= 256 ? 0 : size, e + 1);
    header.writeUInt16LE(1, e + 4); header.writeUInt16LE(32, e + 6);
    header.writeUInt32LE(data.length, e + 8); header.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...pngs.map((p) => p.data)]);
}

/** ICNS container of PNG images. */
export function buildIcns(entries) {
  const chunks = entries.map(({ type, data }) => {
    const h = Buffer.alloc(8);
    h.write(type, 0, 'ascii'); h.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([h, data]);
  });
  const total = 8 + chunks.reduce((a, c) => a + c.length, 0);
  const h = Buffer.alloc(8);
  h.write('icns', 0, 'ascii'); h.writeUInt32BE(total, 4);
  return Buffer.concat([h, ...chunks]);
}

async function render(page, svg, size) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace(/width="1024" height="1024"/, `width="${size}" height="${size}"`)}</body></html>`);
  await page.evaluate('document.fonts.ready');
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage();
  for (const name of ['icon', 'file']) {
    const svg = fs.readFileSync(path.join(DIR, `${name}.svg`), 'utf8');
    const pngs = new Map();
    for (const s of SIZES) pngs.set(s, await render(page, svg, s));
    fs.writeFileSync(path.join(DIR, `${name}.png`), pngs.get(1024));
    fs.writeFileSync(path.join(DIR, `${name}.ico`), buildIco(ICO_SIZES.map((s) => ({ size: s, data: pngs.get(s) }))));
    fs.writeFileSync(path.join(DIR, `${name}.icns`), buildIcns(ICNS_TYPES.map(([type, s]) => ({ type, data: pngs.get(s) }))));
    if (name === 'icon') {
      fs.mkdirSync(path.join(DIR, 'png'), { recursive: true });
      for (const s of SIZES.filter((x) => x <= 512)) fs.writeFileSync(path.join(DIR, 'png', `${s}x${s}.png`), pngs.get(s));
    }
    console.log(`[make-icons] ${name}: png, ico, icns`);
  }
  await browser.close();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => { console.error(e); process.exit(1); });
}
