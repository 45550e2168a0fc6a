/** Composers for map, text, alerts, evaluation, commentary and saved items. */
import type { Block } from './document';
import type { AlertsData, EvaluationData, ItemData, MapData, TextData } from './data';
import type { SectionOf } from './spec';
import { renderMapSvg } from './map-svg';
import { PALETTE } from './theme';
import { fmtDay, fmtInt, fmtNum, type ReportStrings } from './strings';

const heading = (text: string): Block => ({ type: 'heading', level: 1, text });
const sub = (text: string): Block => ({ type: 'heading', level: 2, text });

export function composeMap(s: SectionOf<'map'>, d: MapData, t: ReportStrings): Block[] {
  const level = d.level === 'district' ? t.district : d.level === 'street' ? t.street : t.community;
  const mode = d.mode === 'heat' ? t.heat : d.mode === 'choropleth' ? t.choropleth : t.hotspots;
  const svg = renderMapSvg(d, t, { width: 640, height: 440 });
  const blocks: Block[] = [heading(s.title ?? `${t.map}（${mode}）`),
    { type: 'figure', caption: s.caption ?? `${level} · ${mode}`, svg, width: 640, height: 440 }];
  if (d.mode !== 'heat' && d.areas.length) {
    const cls = d.classes;
    // Hot spots first, then cold spots, then the busiest areas.
    const rank = (i: number) => (cls?.[i] === 'hot' ? 0 : cls?.[i] === 'cold' ? 1 : 2);
    const order = d.counts.map((_c, i) => i).sort((a, b) => rank(a) - rank(b) || d.counts[b] - d.counts[a]).slice(0, 10);
    blocks.push({
      type: 'table', caption: `${level} ${t.count} Top ${order.length}`,
      columns: [t.rank, level, t.count, ...(cls ? [t.hotspots] : [])],
      rows: order.map((i, r) => [r + 1, d.areas[i].path.join(' / '), d.counts[i], ...(cls ? [cls[i] === 'hot' ? t.hot : cls[i] === 'cold' ? t.cold : t.ns] : [])]),
      align: ['right', 'left', 'right', 'left'],
    });
  }
  return blocks;
}

export function composeText(s: SectionOf<'text'>, d: TextData, t: ReportStrings): Block[] {
  const show = new Set(s.params.show);
  const n = s.params.n;
  const blocks: Block[] = [heading(s.title ?? t.text)];
  const kw = d.keywords.slice(0, Math.max(n, show.has('cloud') ? 30 : n));
  if (show.has('cloud') && kw.length) {
    const max = Math.max(...kw.map((k) => k.score)) || 1;
    const option = {
      animation: false,
      series: [{
        type: 'treemap', roam: false, nodeClick: false, breadcrumb: { show: false }, width: '100%', height: '100%',
        label: { show: true, formatter: '{b}', fontSize: 13, color: '#fff' }, itemStyle: { borderColor: '#fff', borderWidth: 2 },
        data: kw.map((k, i) => ({ name: k.term, value: Math.round((k.score / max) * 1000) / 10, itemStyle: { color: PALETTE[i % PALETTE.length] } })),
      }],
    };
    blocks.push({ type: 'figure', caption: s.caption ?? t.keywords, chart: { option, width: 640, height: 300 }, width: 640, height: 300 });
  }
  if (show.has('keywords') && kw.length) {
    blocks.push({ type: 'table', caption: t.keywords, columns: [t.rank, t.term, t.count, t.score],
      rows: kw.slice(0, n).map((k, i) => [i + 1, k.term, k.count, fmtNum(k.score, k.score >= 100 ? 0 : 2)]), align: ['right', 'left', 'right', 'right'] });
  }
  if (show.has('emerging') && d.emerging.length) {
    blocks.push({ type: 'table', caption: t.emerging, columns: [t.rank, t.term, t.recent, t.baseline, t.ratio],
      rows: d.emerging.slice(0, n).map((e, i) => [i + 1, e.term, e.count, e.refCount, fmtNum(Math.exp(e.logRatio), 1)]), align: ['right', 'left', 'right', 'right', 'right'] });
  }
  if (show.has('messages') && d.messages.length) {
    blocks.push(sub(t.messages), { type: 'list', items: d.messages.slice(0, n).map((m) => `【${fmtDay(m.at)} · ${m.place} · ${m.category}】${m.text}`) });
  }
  if (blocks.length === 1) blocks.push({ type: 'paragraph', text: t.noData, style: 'note' });
  return blocks;
}

export function composeAlerts(s: SectionOf<'alerts'>, d: AlertsData, t: ReportStrings): Block[] {
  const blocks: Block[] = [heading(s.title ?? t.alerts)];
  if (!d.alerts.length) return [...blocks, { type: 'paragraph', text: t.noAlerts, style: 'note' }];
  const counts = Object.entries(d.byStatus).filter(([, c]) => c > 0).map(([k, c]) => `${t.statusNames[k] ?? k} ${c}`);
  blocks.push({ type: 'paragraph', text: `${t.alertsTotal} ${fmtInt(d.total)}${t.zh ? '：' : ': '}${counts.join(t.zh ? '，' : ', ')}` });
  blocks.push({
    type: 'table', caption: s.caption ?? t.alerts,
    columns: [t.alertId, t.alertPeriod, t.area, t.category, t.observed, t.expected, t.severity, t.status, t.department],
    rows: d.alerts.map((a) => [a.id, a.firstDay === a.lastDay ? a.firstDay : `${a.firstDay}–${a.lastDay.slice(a.firstDay.slice(0, 4) === a.lastDay.slice(0, 4) ? 5 : 0)}`, a.area, a.category, a.observed,
      fmtNum(a.expected), t.severityNames[a.severity] ?? a.severity, t.statusNames[a.status] ?? a.status, a.department ?? '—']),
    align: ['right', 'left', 'left', 'left', 'right', 'right', 'left', 'left', 'left'],
  });
  return blocks;
}

export function composeEvaluation(s: SectionOf<'evaluation'>, d: EvaluationData, t: ReportStrings): Block[] {
  const blocks: Block[] = [heading(s.title ?? t.evaluation)];
  if (!d.run) return [...blocks, { type: 'paragraph', text: t.noEvaluation, style: 'note' }];
  const r = d.run;
  blocks.push({ type: 'paragraph', text: `${t.scheme}：${r.scheme}；${t.object}：${r.objectKind}；${t.period}：${r.period}；#${r.id}，${fmtDay(r.createdAt)}；${r.resultHash.slice(0, 16)}…` });
  const rows = d.rows.slice(0, s.params.topN);
  const scored = rows.filter((x) => x.score !== null);
  if (scored.length) {
    const rev = [...scored].reverse();
    const option = {
      animation: false, grid: { left: 150, right: 40, top: 10, bottom: 24 },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { color: '#444', fontSize: 11 } },
      yAxis: { type: 'category', data: rev.map((x) => x.object), axisLabel: { color: '#444', fontSize: 11, width: 140, overflow: 'truncate' } },
      series: [{ type: 'bar', data: rev.map((x) => Math.round((x.score ?? 0) * 10) / 10), color: PALETTE[2], barMaxWidth: 14, label: { show: true, position: 'right', fontSize: 10 } }],
    };
    const height = Math.max(160, 22 * rev.length + 40);
    blocks.push({ type: 'figure', caption: s.caption ?? `${r.scheme} ${t.evalScore}`, chart: { option, width: 640, height }, width: 640, height });
  }
  blocks.push({ type: 'table', caption: `${r.scheme} ${t.rank}`, columns: [t.rank, t.object, t.evalScore, t.rankChange, t.records],
    rows: rows.map((x) => [x.rank, x.object, fmtNum(x.score), x.rankChange, x.records]), align: ['right', 'left', 'right', 'right', 'right'] });
  return blocks;
}

export function composeCommentary(s: SectionOf<'commentary'>, t: ReportStrings): Block[] {
  const paras = s.params.text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  // An unfilled commentary block (as the templates ship) does not print an empty heading.
  if (!paras.length) return [];
  return [heading(s.title ?? t.commentary), ...paras.map((p): Block => ({ type: 'paragraph', text: p.replace(/\s*\n\s*/g, ' ') }))];
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Width and height from a PNG data URL's IHDR chunk (bytes 16–23), or null when it is not a PNG. */
export function pngSize(dataUrl: string): { width: number; height: number } | null {
  const b64 = dataUrl.slice(dataUrl.indexOf(',') + 1, dataUrl.indexOf(',') + 33);
  const bytes: number[] = [];
  for (let i = 0; i + 3 < b64.length; i += 4) {
    const n = [0, 1, 2, 3].reduce((acc, k) => acc * 64 + Math.max(0, B64.indexOf(b64[i + k])), 0);
    bytes.push((n >> 16) & 255, (n >> 8) & 255, n & 255);
  }
  if (bytes.length < 24 || bytes[1] !== 0x50 || bytes[2] !== 0x4e || bytes[3] !== 0x47) return null;
  const u32 = (o: number) => ((bytes[o] << 24) >>> 0) + (bytes[o + 1] << 16) + (bytes[o + 2] << 8) + bytes[o + 3];
  return { width: u32(16), height: u32(20) };
}

/** Fits an image into the 640-px column, keeping its aspect ratio. */
function fitted(size: { width: number; height: number } | null): { width: number; height: number } {
  if (!size || !size.width || !size.height) return { width: 640, height: 400 };
  const k = Math.min(1, 640 / size.width);
  return { width: Math.round(size.width * k), height: Math.round(size.height * k) };
}

export function composeItem(s: SectionOf<'item'>, d: ItemData, t: ReportStrings): Block[] {
  const it = d.item;
  if (!it) return [heading(s.title ?? t.item), { type: 'paragraph', text: t.itemMissing, style: 'note' }];
  const blocks: Block[] = [heading(s.title ?? it.title)];
  if (it.kind === 'table' && it.table) {
    blocks.push({ type: 'table', caption: s.caption ?? it.title, columns: it.table.columns, rows: it.table.rows });
  } else {
    const svgSize = it.svg ? /viewBox="[\d.-]+ [\d.-]+ ([\d.]+) ([\d.]+)"/.exec(it.svg) ?? /width="([\d.]+)"[^>]*height="([\d.]+)"/.exec(it.svg) : null;
    const size = fitted(svgSize ? { width: Number(svgSize[1]), height: Number(svgSize[2]) } : pngSize(it.png));
    blocks.push({ type: 'figure', caption: s.caption ?? it.title, ...(it.svg ? { svg: it.svg } : { png: it.png }), ...size });
    if (it.table) blocks.push({ type: 'table', caption: it.title, columns: it.table.columns, rows: it.table.rows });
  }
  return blocks;
}
