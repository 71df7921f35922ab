// Measures the layout of the loaded page in the browser (run by LayoutBrowserTest through
// executeScript): which formulas overlap text or other formulas, which are cut off by an ancestor
// that clips, which sit in a deliberate scroll container, and whether the page scrolls sideways.
// Geometry only (getBoundingClientRect / getClientRects): what a reader sees, not what the CSS says.
const TOL = 1; // px; sub-pixel rounding between neighbours is not an overlap
const MAX_DETAILS = 8;

const clipCache = new Map();

function clips(el) {
  const s = getComputedStyle(el);
  return s.overflowX !== 'visible' || s.overflowY !== 'visible';
}

// A scroll container the page marks as deliberate: it scrolls sideways, a keyboard can focus it,
// and it says what it is (tabindex=0 plus role and aria-label, set when the formula overflows).
function deliberateScroller(el) {
  const s = getComputedStyle(el);
  return (s.overflowX === 'auto' || s.overflowX === 'scroll') && el.getAttribute('tabindex') === '0'
      && el.hasAttribute('role') && (el.getAttribute('aria-label') || '').length > 0;
}

// The padding box of el, where its clipped content stays visible.
function paddingBox(el) {
  const r = el.getBoundingClientRect();
  const left = r.left + el.clientLeft;
  const top = r.top + el.clientTop;
  return {left, top, right: left + el.clientWidth, bottom: top + el.clientHeight};
}

// The clipping ancestors of el, innermost first.
function clipChain(el) {
  if (clipCache.has(el)) return clipCache.get(el);
  const parent = el.parentElement;
  let chain = parent && parent !== document.documentElement ? clipChain(parent) : [];
  if (parent && parent !== document.body && parent !== document.documentElement && clips(parent)) {
    chain = [parent, ...chain];
  }
  clipCache.set(el, chain);
  return chain;
}

function intersect(a, b) {
  return {left: Math.max(a.left, b.left), top: Math.max(a.top, b.top),
          right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom)};
}

function visible(r, chain) {
  let v = {left: r.left, top: r.top, right: r.right, bottom: r.bottom};
  for (const c of chain) v = intersect(v, paddingBox(c));
  return v;
}

function meets(a, b) {
  return Math.min(a.right, b.right) - Math.max(a.left, b.left) > TOL
      && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > TOL;
}

function texOf(k) {
  const a = k.querySelector('annotation');
  const t = a ? a.textContent : k.textContent;
  return t.replace(/\\displaystyle\s*/g, '').slice(0, 70);
}

function shown(el) {
  return el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true});
}

// Formulas: the boxes KaTeX lays out (one per unbreakable chunk, plus an equation tag).
const formulas = [];
for (const k of document.querySelectorAll('.katex')) {
  if (!shown(k)) continue;
  const html = k.querySelector(':scope > .katex-html');
  if (!html) continue;
  const chain = clipChain(k);
  const boxes = [];
  for (const c of html.children) {
    if (!c.classList.contains('base') && !c.classList.contains('tag')) continue;
    for (const r of c.getClientRects()) {
      if (r.width > 0 && r.height > 0) boxes.push({r, v: visible(r, chain), tag: c.classList.contains('tag')});
    }
  }
  formulas.push({k, chain, boxes, tex: texOf(k)});
}

// Text outside formulas: one rectangle per line of each text node, as clipped by its ancestors.
const texts = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  if (!n.textContent.trim()) continue;
  const el = n.parentElement;
  if (!el || el.closest('.katex, script, style, noscript') || !shown(el)) continue;
  const range = document.createRange();
  range.selectNodeContents(n);
  const chain = clipChain(el);
  for (const r of range.getClientRects()) {
    if (r.width > 0 && r.height > 0) texts.push({v: visible(r, chain), text: n.textContent.trim().slice(0, 40)});
  }
}

const overlaps = [];
const clipped = [];
let scrolled = 0;
const scrolledList = [];
const innerW = window.innerWidth;
for (let i = 0; i < formulas.length; i++) {
  const f = formulas[i];
  let hit = null;
  for (const b of f.boxes) {
    for (const t of texts) {
      if (meets(b.v, t.v)) { hit = 'text "' + t.text + '"'; break; }
    }
    if (hit) break;
    // An equation number pushed onto its own formula (KaTeX places \tag absolutely) is an overlap too.
    if (b.tag && f.boxes.some(o => !o.tag && meets(b.v, o.v))) { hit = 'its own equation number'; break; }
    for (let j = 0; j < formulas.length && !hit; j++) {
      if (j === i) continue;
      for (const c of formulas[j].boxes) {
        if (meets(b.v, c.v)) { hit = 'formula ' + formulas[j].tex; break; }
      }
    }
    if (hit) break;
  }
  if (hit) overlaps.push(f.tex + '  ×  ' + hit);

  // Cut off: a box reaches outside a clipping ancestor (or the viewport's left/right edge).
  let cut = null;
  let scrolls = false;
  for (const b of f.boxes) {
    for (const c of f.chain) {
      const p = paddingBox(c);
      const sideways = b.r.left < p.left - TOL || b.r.right > p.right + TOL;
      const vertical = b.r.top < p.top - TOL || b.r.bottom > p.bottom + TOL;
      if (vertical) { cut = cut || 'vertically by ' + describe(c); }
      if (sideways) {
        if (deliberateScroller(c)) scrolls = true;
        else cut = cut || 'sideways by ' + describe(c);
      }
    }
    if (!f.chain.some(deliberateScroller) && (b.r.left < -TOL || b.r.right > innerW + TOL)) {
      cut = cut || 'by the window edge';
    }
  }
  if (cut) clipped.push(f.tex + '  cut ' + cut);
  else if (scrolls) {
    scrolled++;
    const widest = Math.max(...f.boxes.map(b => b.r.width));
    const box = f.chain.find(deliberateScroller);
    scrolledList.push(f.tex + '  (widest piece ' + Math.round(widest) + ' px in ' + box.clientWidth + ' px)');
  }
}

function describe(el) {
  return el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).trim().replace(/\s+/g, '.') : '');
}

const scrollWidth = document.scrollingElement.scrollWidth;
return {
  formulas: formulas.length,
  overlaps: overlaps.length,
  clipped: clipped.length,
  scrolled,
  scrollWidth,
  innerWidth: innerW,
  sideways: scrollWidth > innerW,
  details: [...overlaps.slice(0, MAX_DETAILS), ...clipped.slice(0, MAX_DETAILS)],
  scrolledList: scrolledList.slice(0, MAX_DETAILS),
};
