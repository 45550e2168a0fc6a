/**
 * The script embedded in the print version of the report HTML. Chromium cannot number a table of
 * contents itself, so the page lays itself out on A4 before printing: it measures every block at the
 * print width, places them on pages the way the print engine will (headings kept with what follows,
 * figures and rows never split, long tables cut into per-page tables with the header repeated), inserts
 * explicit page breaks where it decided, and writes each heading's page into the TOC. Because every
 * break is explicit and every page's content fits, Chromium's pagination matches. When done it sets
 * `window.__reportPages = { pages, headings }`.
 */
export const PAGE = { widthMm: 210, heightMm: 297, marginTopMm: 18, marginBottomMm: 20, marginSideMm: 18 } as const;
export const CONTENT_HEIGHT_MM = PAGE.heightMm - PAGE.marginTopMm - PAGE.marginBottomMm;
export const CONTENT_WIDTH_MM = PAGE.widthMm - 2 * PAGE.marginSideMm;

/* Browser code, kept as text (shared/ has no DOM types). */
const PAGINATE_JS = `function paginate(contentHeightPx) {
  var main = document.querySelector('main');
  var cap = contentHeightPx - 6;
  function hOf(el) { return el.getBoundingClientRect().height; }
  function isHeading(el) { return /^H[1-3]$/.test(el.tagName); }
  function split(wrap, used) {
    var table = wrap.querySelector('table'), head = table.tHead;
    var capEl = wrap.querySelector('.cap'), capH = capEl ? hOf(capEl) : 0;
    var rows = Array.prototype.slice.call(table.tBodies[0] ? table.tBodies[0].rows : []);
    // Everything of the block that is not a body row: caption, header, paddings, borders.
    var overhead = hOf(wrap) - rows.reduce(function (a, r) { return a + hOf(r); }, 0) + 4;
    var room = cap - used - overhead;
    var chunks = [[]];
    rows.forEach(function (r, i) {
      var rh = hOf(r);
      if (rh > room && i > 0) { chunks.push([]); room = cap - (overhead - capH); }
      room -= rh; chunks[chunks.length - 1].push(r);
    });
    var parts = [wrap], last = wrap;
    for (var c = 1; c < chunks.length; c++) {
      var w2 = wrap.cloneNode(false); w2.classList.add('cont');
      var t2 = table.cloneNode(false);
      if (head) t2.appendChild(head.cloneNode(true));
      var body = document.createElement('tbody');
      chunks[c].forEach(function (r) { body.appendChild(r); });
      t2.appendChild(body); w2.appendChild(t2); last.after(w2); last = w2; parts.push(w2);
    }
    return parts;
  }
  var page = 1, used = 0, headings = {}, forced = false;
  var blocks = Array.prototype.slice.call(main.children);
  function newPage(el) { if (used > 0) { el.style.breakBefore = 'page'; page++; used = 0; } }
  for (var i = 0; i < blocks.length; i++) {
    var b = blocks[i];
    if (b.classList.contains('pb')) { if (used > 0) { page++; used = 0; forced = true; } continue; }
    if (forced) { b.style.breakBefore = 'page'; forced = false; }
    var h = hOf(b);
    if (b.classList.contains('tbl')) {
      // Small tables move whole; longer ones may start at the foot of a page with at least three rows there.
      var trs = b.querySelectorAll('tbody tr'), th = b.querySelector('thead'), ce = b.querySelector('.cap');
      var needT = (ce ? hOf(ce) : 0) + (th ? hOf(th) : 0);
      for (var r = 0; r < Math.min(trs.length, 3); r++) needT += hOf(trs[r]);
      if (trs.length <= 6 && h <= cap) needT = h;
      if (used + needT > cap) newPage(b);
      split(b, used).forEach(function (p, k) {
        if (k > 0) { p.style.breakBefore = 'page'; page++; used = 0; }
        used += hOf(p);
      });
      continue;
    }
    var need = h;
    if (isHeading(b) && i + 1 < blocks.length && !blocks[i + 1].classList.contains('pb')) {
      var nx = blocks[i + 1], nh = hOf(nx), fr = nx.querySelector('tbody tr');
      need += nh <= cap ? nh : Math.min(nh, 60 + (fr ? hOf(fr) : 0));
    }
    if (used + Math.min(need, cap) > cap) newPage(b);
    if (b.id && isHeading(b)) headings[b.id] = page;
    used += h;
    while (used > cap) { used -= cap; page++; }
  }
  Array.prototype.forEach.call(document.querySelectorAll('[data-page-of]'), function (el) {
    var p = headings[el.getAttribute('data-page-of')];
    if (p !== undefined) el.textContent = String(p);
  });
  window.__reportPages = { pages: page, headings: headings };
}`;

/** The inline script (as text) for the print HTML. */
export function paginateScript(): string {
  const px = (CONTENT_HEIGHT_MM * 96) / 25.4;
  return `(function(){${PAGINATE_JS}function go(){paginate(${px.toFixed(2)});}` +
    `if(document.fonts&&document.fonts.ready){document.fonts.ready.then(function(){requestAnimationFrame(go);});}else{window.addEventListener('load',go);}})();`;
}
