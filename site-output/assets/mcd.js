/*
 * mcd theme behaviour: colour theme toggle, chapter drawer, in-page contents, search, copy buttons,
 * ←/→ between pages.
 * Best loaded in <head> without defer so the stored theme is applied before the first paint
 * (at the end of <body> it still works, with a flash for readers who chose dark); everything
 * touching the page waits for DOMContentLoaded. No maths here: KaTeX ran at build time.
 */
(function () {
  'use strict';

  var THEME_KEY = 'mcd-theme';
  var root = document.documentElement;

  function storedTheme() {
    try {
      var t = window.localStorage.getItem(THEME_KEY);
      return t === 'light' || t === 'dark' ? t : null;
    } catch (e) {
      return null; // storage disabled (private mode, file://): fall back to the system preference
    }
  }

  function systemTheme() {
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  function currentTheme() {
    var t = root.getAttribute('data-theme');
    return t === 'light' || t === 'dark' ? t : systemTheme();
  }

  // Without a stored choice the system preference rules, even if the page names a theme.
  var initial = storedTheme();
  if (initial) {
    root.setAttribute('data-theme', initial);
  } else {
    root.removeAttribute('data-theme');
  }

  function setupThemeToggle() {
    var button = document.getElementById('theme-toggle');
    if (!button) return;
    function label() {
      var next = currentTheme() === 'dark' ? 'light' : 'dark';
      button.setAttribute('aria-label', 'Switch to ' + next + ' theme');
      button.title = 'Switch to ' + next + ' theme';
    }
    button.addEventListener('click', function () {
      var next = currentTheme() === 'dark' ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      try {
        window.localStorage.setItem(THEME_KEY, next);
      } catch (e) {
        // not remembered, still switched
      }
      label();
    });
    label();
  }

  /* The chapter list is a drawer on phones; pages without a #nav-toggle get one in the header. */
  function setupNavToggle() {
    var nav = document.getElementById('site-nav') || document.querySelector('nav.sidebar');
    if (!nav) return;
    if (!nav.id) nav.id = 'site-nav';
    var button = document.getElementById('nav-toggle');
    var header = document.querySelector('.site-header');
    if (!button && header) {
      button = document.createElement('button');
      button.id = 'nav-toggle';
      button.type = 'button';
      button.textContent = 'Chapters';
      button.setAttribute('aria-controls', nav.id);
      button.setAttribute('aria-expanded', 'false');
      header.insertBefore(button, header.firstChild);
    }
    if (!button) return;
    function set(open) {
      root.classList.toggle('nav-open', open);
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
    }
    button.addEventListener('click', function () {
      set(!root.classList.contains('nav-open'));
    });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && root.classList.contains('nav-open')) {
        set(false);
        button.focus();
      }
    });
    nav.addEventListener('click', function (e) {
      if (e.target.closest && e.target.closest('a')) set(false);
    });
  }

  /* Marks the section in view in the page's contents (nav.toc, or an empty aside.page-toc filled here). */
  function setupToc() {
    var toc = document.querySelector('nav.toc') || document.querySelector('.page-toc');
    var content = document.getElementById('content') || document.querySelector('main');
    if (!toc || !content) return;
    var headings = Array.prototype.slice.call(content.querySelectorAll('h2[id], h3[id]'));
    if (headings.length < 2) return;
    if (!toc.querySelector('a') && toc.classList.contains('page-toc')) {
      var title = document.createElement('h2');
      title.textContent = 'On this page';
      var list = document.createElement('ol');
      headings.forEach(function (h) {
        var li = document.createElement('li');
        li.className = 'toc-' + h.tagName.toLowerCase();
        var a = document.createElement('a');
        a.href = '#' + encodeURIComponent(h.id);
        a.textContent = headingText(h);
        li.appendChild(a);
        list.appendChild(li);
      });
      toc.appendChild(title);
      toc.appendChild(list);
    }
    if (!('IntersectionObserver' in window)) return;
    var links = {};
    Array.prototype.forEach.call(toc.querySelectorAll('a[href^="#"]'), function (a) {
      links[decodeURIComponent(a.getAttribute('href').slice(1))] = a;
    });
    var visible = {};
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { visible[e.target.id] = e.isIntersecting; });
      var active = null;
      for (var i = 0; i < headings.length; i++) {
        if (visible[headings[i].id]) { active = headings[i].id; break; }
      }
      if (!active) return;
      Object.keys(links).forEach(function (id) { links[id].classList.toggle('active', id === active); });
    }, { rootMargin: '0px 0px -70% 0px' });
    headings.forEach(function (h) { observer.observe(h); });
  }

  /* A heading's text without its anchor link and without KaTeX's hidden MathML duplicate. */
  function headingText(h) {
    var copy = h.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll('a.anchor, .heading-anchor, .katex-mathml'), function (n) { n.remove(); });
    return copy.textContent.replace(/\s+/g, ' ').trim();
  }

  // ---------- search ----------

  var INDEX_NAME = 'search-index.json';

  /* The site root relative to this page: <html data-root>, else the folder of the input's data-index. */
  function siteRoot() {
    var r = root.getAttribute('data-root');
    if (r === null) {
      var input = document.getElementById('search-input');
      var index = input && input.getAttribute('data-index');
      r = index && index.slice(-INDEX_NAME.length) === INDEX_NAME ? index.slice(0, -INDEX_NAME.length) : '';
    }
    if (r !== '' && r.charAt(r.length - 1) !== '/') r += '/';
    return r;
  }

  function indexUrl(input) {
    return input.getAttribute('data-index') || siteRoot() + INDEX_NAME;
  }

  function normalise(s) {
    return String(s || '').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }

  function terms(query) {
    return normalise(query).split(/\s+/).filter(function (t) { return t.length > 0; });
  }

  /* 2 when w is a whole word of hay, 1 when a word starts with it ("vec" in "vector"), else 0:
     a hit inside a word ("vec" in "derivative"'s neighbours) is no hit. */
  function wordScore(hay, w) {
    var best = 0;
    for (var i = hay.indexOf(w); i >= 0; i = hay.indexOf(w, i + 1)) {
      if (i > 0 && /[a-z0-9]/.test(hay.charAt(i - 1))) continue;
      var end = i + w.length;
      if (end >= hay.length || !/[a-z0-9]/.test(hay.charAt(end))) return 2;
      best = 1;
    }
    return best;
  }

  /* A formula query against an entry's compact formulas (tr(a*x*b), eq18, (18), an identity's
     statement): the same text, or the same letters without brackets, products, dots and minus
     signs, whole ("eq. 18") or as a beginning ("log det" begins log(det(x))), or held inside. */
  function formulaScore(entry, query) {
    var fs = entry.formulas || [];
    var compact = normalise(query).replace(/\s+/g, '');
    var bare = compact.replace(/[()*.\-]/g, '');
    if (fs.length === 0 || bare.length < 2) return 0;
    var best = 0;
    // a formula typed with brackets ("inv(X)") also finds the formulas that hold it: an identity's
    // statement first (the rule a reader looks for), then the derivations
    var within = compact.indexOf('(') >= 0 && compact.length >= 4;
    var identity = String(entry.url || '').indexOf('identities.html#') === 0;
    for (var i = 0; i < fs.length; i++) {
      var fb = fs[i].replace(/[()*.\-]/g, '');
      if (fs[i] === compact || fb === bare) best = Math.max(best, 40);
      else if (within && fs[i].indexOf(compact) >= 0) best = Math.max(best, identity ? 30 : 10);
      else if (bare.length >= 3 && fb.indexOf(bare) === 0) best = Math.max(best, 20);
    }
    return best;
  }

  /* Every term must begin a word somewhere (unless the query is an entry's formula); whole words
     outrank prefixes, and title hits outrank heading hits, which outrank body text. */
  function score(entry, words, query) {
    var title = normalise(entry.title);
    var headings = normalise((entry.headings || []).join(' \u2022 '));
    var text = normalise(entry.text);
    var formula = formulaScore(entry, query);
    var total = formula;
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      var s = 10 * wordScore(title, w) + 5 * wordScore(headings, w) + wordScore(text, w);
      if (s === 0 && formula === 0) return 0;
      total += s;
    }
    return total;
  }

  function bestHeading(entry, words) {
    var hs = entry.headings || [];
    for (var i = 0; i < hs.length; i++) {
      var h = normalise(hs[i]);
      if (words.some(function (w) { return h.indexOf(w) >= 0; })) return hs[i];
    }
    return null;
  }

  /* A window of the text around the first hit; positions are found on the normalised text,
     which keeps the same length as the original for the Latin letters the tutorial uses. */
  function snippet(text, words) {
    text = String(text || '');
    var norm = normalise(text);
    var at = -1;
    words.forEach(function (w) {
      var i = norm.indexOf(w);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    });
    if (at < 0) return text.slice(0, 140);
    var start = Math.max(0, at - 60);
    var end = Math.min(text.length, at + 100);
    return (start > 0 ? '\u2026' : '') + text.slice(start, end) + (end < text.length ? '\u2026' : '');
  }

  /* Appends text to parent with each query term wrapped in <mark>, built as DOM nodes (never innerHTML). */
  function appendMarked(parent, text, words) {
    var norm = normalise(text);
    var pos = 0;
    while (pos < text.length) {
      var next = -1, len = 0;
      words.forEach(function (w) {
        var i = norm.indexOf(w, pos);
        if (i >= 0 && (next < 0 || i < next)) { next = i; len = w.length; }
      });
      if (next < 0 || norm.length !== text.length) {
        parent.appendChild(document.createTextNode(text.slice(pos)));
        return;
      }
      if (next > pos) parent.appendChild(document.createTextNode(text.slice(pos, next)));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(next, next + len);
      parent.appendChild(mark);
      pos = next + len;
    }
  }

  function setupSearch() {
    var input = document.getElementById('search-input');
    var results = document.getElementById('search-results');
    if (!input || !results) return;
    var index = null;
    var loading = null;
    var selected = -1;

    function load() {
      if (!loading) {
        loading = fetch(indexUrl(input))
          .then(function (r) {
            if (!r.ok) throw new Error('search index: HTTP ' + r.status);
            return r.json();
          })
          .then(function (data) { index = Array.isArray(data) ? data : []; return index; })
          .catch(function (e) { loading = null; throw e; });
      }
      return loading;
    }

    function close() {
      results.hidden = true;
      selected = -1;
    }

    function show(query) {
      var words = terms(query);
      results.textContent = '';
      selected = -1;
      if (words.length === 0) { close(); return; }
      var hits = index
        .map(function (e, i) { return { entry: e, score: score(e, words, query), order: i }; })
        .filter(function (h) { return h.score > 0; })
        .sort(function (a, b) { return b.score - a.score || a.order - b.order; })
        .slice(0, 10);
      if (hits.length === 0) {
        var none = document.createElement('li');
        none.className = 'search-empty';
        none.textContent = 'No results for \u201c' + query.trim() + '\u201d';
        results.appendChild(none);
      }
      hits.forEach(function (h) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = siteRoot() + h.entry.url;
        var title = document.createElement('span');
        title.className = 'search-title';
        appendMarked(title, String(h.entry.title || h.entry.url), words);
        var heading = bestHeading(h.entry, words);
        if (heading) {
          var sub = document.createElement('span');
          sub.className = 'search-heading';
          sub.textContent = ' \u203a ' + heading;
          title.appendChild(sub);
        }
        var snip = document.createElement('span');
        snip.className = 'search-snippet';
        appendMarked(snip, snippet(h.entry.text, words), words);
        a.appendChild(title);
        a.appendChild(snip);
        li.appendChild(a);
        results.appendChild(li);
      });
      results.hidden = false;
    }

    function update() {
      var query = input.value;
      if (index) { show(query); return; }
      load().then(function () { if (input.value === query) show(query); }, function (e) {
        results.textContent = '';
        var li = document.createElement('li');
        li.className = 'search-empty';
        li.textContent = 'Search is unavailable (' + e.message + ')';
        results.appendChild(li);
        results.hidden = false;
      });
    }

    function move(delta) {
      var links = results.querySelectorAll('a');
      if (links.length === 0) return;
      // aria-current, not aria-selected: these are plain links, not the options of a listbox.
      if (selected >= 0) links[selected].removeAttribute('aria-current');
      selected = (selected + delta + links.length) % links.length;
      links[selected].setAttribute('aria-current', 'true');
      links[selected].scrollIntoView({ block: 'nearest' });
    }

    // A search box may not carry aria-expanded (axe: aria-allowed-attr); aria-controls is allowed.
    input.setAttribute('aria-controls', 'search-results');
    input.addEventListener('focus', function () { load().catch(function () {}); });
    input.addEventListener('input', update);
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') { e.preventDefault(); move(1); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); move(-1); }
      else if (e.key === 'Escape') { close(); input.blur(); }
      else if (e.key === 'Enter') {
        var links = results.querySelectorAll('a');
        var target = links[selected >= 0 ? selected : 0];
        if (target) { e.preventDefault(); window.location.href = target.href; }
      }
    });
    document.addEventListener('click', function (e) {
      if (!results.hidden && !results.contains(e.target) && e.target !== input) close();
    });
    document.addEventListener('keydown', function (e) {
      // "/" focuses search unless the reader is typing somewhere already.
      var tag = document.activeElement && document.activeElement.tagName;
      if (e.key === '/' && tag !== 'INPUT' && tag !== 'TEXTAREA') { e.preventDefault(); input.focus(); }
    });
  }

  // A formula still too wide after wrapping scrolls sideways inside its container. Only such a
  // container becomes a tab stop with a name (a focusable region is how a keyboard scrolls it);
  // the others stay out of the tab order. Re-checked when the width or the fonts change.
  var SCROLLERS = 'main .katex-display, main .scroll-x, main table, main pre, .derivation ol.steps, table.identities';

  var regions = 0;

  function markScrollers() {
    var all = document.querySelectorAll(SCROLLERS);
    for (var i = 0; i < all.length; i++) {
      var el = all[i];
      var over = el.scrollWidth > el.clientWidth + 1;
      if (over && !el.classList.contains('is-scrollable')) {
        el.classList.add('is-scrollable');
        el.setAttribute('tabindex', '0');
        el.setAttribute('role', 'region');
        // landmarks need distinct names (axe: landmark-unique), so each region is numbered
        regions++;
        el.setAttribute('aria-label', (el.tagName === 'TABLE' ? 'Wide table ' : 'Wide formula ') + regions + ', scrolls sideways');
      } else if (!over && el.classList.contains('is-scrollable')) {
        el.classList.remove('is-scrollable');
        el.removeAttribute('tabindex');
        el.removeAttribute('role');
        el.removeAttribute('aria-label');
      }
    }
  }

  function setupScrollers() {
    var pending = false;
    function later() {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () { pending = false; markScrollers(); });
    }
    markScrollers();
    window.addEventListener('resize', later);
    window.addEventListener('load', later);
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(markScrollers);
  }

  // Copy buttons on every derivation's result: the `mcd derive` command that reproduces it, the
  // result in the expression language, its TeX (KaTeX keeps the source in the MathML annotation)
  // and the NumPy module of `mcd derive --format numpy` (none for a result with an abstract
  // function). Added here, not at build time, because without JavaScript a button could not copy
  // anything; the build's "Derive your own" link joins the bar.
  function setupCopyButtons() {
    var results = document.querySelectorAll('.result[data-command]');
    for (var i = 0; i < results.length; i++) {
      var result = results[i];
      var tex = result.querySelector('annotation[encoding="application/x-tex"]');
      var bar = document.createElement('div');
      bar.className = 'copy-bar';
      addCopy(bar, 'Copy command', result.getAttribute('data-command'));
      if (result.getAttribute('data-text')) addCopy(bar, 'Copy expression', result.getAttribute('data-text'));
      if (tex) addCopy(bar, 'Copy TeX', tex.textContent);
      if (result.getAttribute('data-numpy')) addCopy(bar, 'Copy NumPy', result.getAttribute('data-numpy'));
      var own = result.querySelector('a.derive-own');
      if (own) bar.appendChild(own);
      result.appendChild(bar);
    }
  }

  // Copy TeX on any formula: KaTeX's MathML keeps the source as an annotation. One shared button
  // follows the pointer or the keyboard to a formula (a button per formula would add hundreds of
  // elements and tab stops to a page), and copying a selection that holds formulas copies their
  // TeX between dollars instead of KaTeX's glyphs.
  //
  // By keyboard the page's formulas are one composite with a roving tab stop (WAI-ARIA APG,
  // "managing focus within components"): one formula at a time is in the tab order, the one the
  // reader last visited (the first formula at first), so a page of 150 formulas costs one Tab
  // stop; on it the arrow keys move to the previous or next formula in reading order (Home and
  // End to the first and last), and Enter or Space copies its TeX. The shared button shows beside
  // the focused formula as the visible sign of it, and a status line announces the copy.
  function texOf(katex) {
    var a = katex.querySelector('annotation[encoding="application/x-tex"]');
    return a ? a.textContent : null;
  }

  var FORMULA_HINT = 'Enter copies its TeX; the arrow keys move to the other formulas.';

  /* The formulas of main in reading order: outermost KaTeX with a TeX source, not inside a link or a
     button (those have their own keys). Asked again each time: derive.html adds formulas later. */
  function formulaList(main) {
    return Array.prototype.filter.call(main.querySelectorAll('.katex'), function (k) {
      return !k.parentElement.closest('.katex, a, button') && texOf(k) !== null;
    });
  }

  function isFormula(el) {
    return !!(el && el.classList && el.classList.contains('katex') && el.hasAttribute('data-formula'));
  }

  function setupFormulaCopy() {
    var main = document.getElementById('content') || document.querySelector('main');
    if (!main) return;
    var button = null;
    var current = null;
    var hideTimer = 0;
    // The hint is the focused formula's description: hidden (a description is read from hidden
    // text too), so it takes no room on the page. The status line must render to be announced.
    var hint = document.createElement('span');
    hint.id = 'formula-hint';
    hint.hidden = true;
    hint.textContent = FORMULA_HINT;
    var status = document.createElement('span');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    main.appendChild(hint);
    main.appendChild(status);

    function ensureButton() {
      if (button) return button;
      button = document.createElement('button');
      button.type = 'button';
      button.className = 'copy copy-tex';
      button.textContent = 'Copy TeX';
      button.hidden = true;
      button.addEventListener('click', function () { copyShown(button.getAttribute('data-copy')); });
      button.addEventListener('mouseenter', function () { window.clearTimeout(hideTimer); });
      button.addEventListener('mouseleave', hideSoon);
      button.addEventListener('blur', hideSoon);
      document.body.appendChild(button);
      return button;
    }

    function copyShown(tex) {
      copyText(tex).then(function () {
        button.textContent = 'Copied';
        status.textContent = 'TeX copied';
        window.setTimeout(function () { button.textContent = 'Copy TeX'; status.textContent = ''; }, 1500);
      }, function () {
        button.textContent = 'Copy failed';
        status.textContent = 'Copy failed';
      });
    }

    // Shows the button above the formula's right end, inside the window (its text first: the
    // width it takes decides where it fits).
    function place(katex, label) {
      var tex = texOf(katex);
      if (tex === null) return;
      ensureButton();
      window.clearTimeout(hideTimer);
      current = katex;
      button.setAttribute('data-copy', tex);
      button.textContent = label || 'Copy TeX';
      button.hidden = false;
      var r = katex.getBoundingClientRect();
      button.style.top = (window.scrollY + r.top - button.offsetHeight - 2) + 'px';
      button.style.left = (window.scrollX + Math.max(0, Math.min(r.right - button.offsetWidth,
        document.documentElement.clientWidth - button.offsetWidth))) + 'px';
    }
    function hideSoon() {
      window.clearTimeout(hideTimer);
      hideTimer = window.setTimeout(function () {
        if (button && document.activeElement !== button && !isFormula(document.activeElement)) {
          button.hidden = true;
          current = null;
        }
      }, 400);
    }

    // The roving stop: exactly one formula carries tabindex=0 (set here, never in the HTML).
    var stop = null;
    function makeStop(k) {
      if (stop === k) return;
      if (stop) {
        stop.removeAttribute('tabindex');
        stop.removeAttribute('aria-describedby');
      }
      stop = k;
      k.setAttribute('tabindex', '0');
      k.setAttribute('data-formula', '');
      k.setAttribute('aria-describedby', hint.id);
    }
    var first = formulaList(main)[0];
    if (first) makeStop(first);
    // derive.html writes its formulas later and replaces them: a Tab finds a stop still on the page
    document.addEventListener('keydown', function (e) {
      if (e.key !== 'Tab' || (stop && main.contains(stop))) return;
      var f = formulaList(main)[0];
      if (f) makeStop(f);
    }, true);

    main.addEventListener('focusin', function (e) {
      if (isFormula(e.target)) {
        place(e.target, 'Copy TeX (Enter)');
      }
    });
    main.addEventListener('focusout', function (e) {
      if (isFormula(e.target)) hideSoon();
    });
    main.addEventListener('keydown', function (e) {
      var k = e.target;
      if (!isFormula(k) || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        place(k);
        copyShown(texOf(k));
        return;
      }
      if (e.key === 'Escape') {
        if (button) button.hidden = true;
        return;
      }
      var all = formulaList(main);
      var at = all.indexOf(k);
      var to = -1;
      if (e.key === 'ArrowDown' || e.key === 'ArrowRight') to = Math.min(all.length - 1, at + 1);
      else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') to = Math.max(0, at - 1);
      else if (e.key === 'Home') to = 0;
      else if (e.key === 'End') to = all.length - 1;
      if (to < 0 || e.shiftKey) return;
      e.preventDefault(); // neither a scroll nor a page turn (setupPageKeys skips a handled key)
      makeStop(all[to]);
      all[to].focus();
      all[to].scrollIntoView({ block: 'nearest', inline: 'nearest' });
    });

    main.addEventListener('mouseover', function (e) {
      var k = e.target.closest && e.target.closest('.katex');
      if (k && k !== current && !k.parentElement.closest('.katex')) place(k);
    });
    main.addEventListener('mouseout', function (e) {
      var k = e.target.closest && e.target.closest('.katex');
      if (k && !(e.relatedTarget && k.contains(e.relatedTarget))) hideSoon();
    });
    document.addEventListener('copy', function (e) {
      var sel = window.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed || !e.clipboardData) return;
      var range = sel.getRangeAt(0);
      var holder = document.createElement('div');
      holder.appendChild(range.cloneContents());
      var maths = holder.querySelectorAll('.katex');
      if (maths.length === 0) {
        // a selection inside one formula: that formula's TeX
        var node = range.commonAncestorContainer;
        var k = (node.nodeType === 1 ? node : node.parentElement);
        k = k && k.closest('.katex');
        if (!k || texOf(k) === null) return;
        e.clipboardData.setData('text/plain', texOf(k));
        e.preventDefault();
        return;
      }
      for (var i = 0; i < maths.length; i++) {
        var tex = texOf(maths[i]);
        if (tex === null) continue;
        var display = maths[i].parentElement && maths[i].parentElement.classList.contains('katex-display');
        maths[i].replaceWith(document.createTextNode(display ? '$$' + tex + '$$' : '$' + tex + '$'));
      }
      e.clipboardData.setData('text/plain', holder.textContent);
      e.preventDefault();
    });
  }

  // ← and → open the previous and next page (the page's rel=prev/next links), unless the reader is
  // typing, holds a modifier, or is scrolling a wide formula or table sideways with the arrows.
  function setupPageKeys() {
    document.addEventListener('keydown', function (e) {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      var a = document.activeElement;
      if (a && (a.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(a.tagName)
        || (a.closest && a.closest('.is-scrollable, [role=region], .katex[data-formula]')))) return;
      var link = document.querySelector(e.key === 'ArrowLeft' ? 'a[rel=prev]' : 'a[rel=next]');
      if (link) { e.preventDefault(); window.location.href = link.href; }
    });
  }

  // The page's sections under its entry in the chapter list: where the contents column does not
  // fit (below 75rem, see mcd.css) they stay reachable there, in the sidebar or the phone's drawer.
  function setupNavSections() {
    var nav = document.getElementById('site-nav');
    var toc = document.querySelector('.page-toc');
    if (!nav || !toc) return;
    var current = nav.querySelector('li.current');
    var links = toc.querySelectorAll('a[href^="#"]');
    if (links.length === 0) return;
    var list = document.createElement('ol');
    list.className = 'nav-sections';
    list.setAttribute('aria-label', 'On this page');
    for (var i = 0; i < links.length; i++) {
      var li = document.createElement('li');
      li.className = links[i].parentElement.className;
      var a = document.createElement('a');
      a.href = links[i].getAttribute('href');
      a.textContent = links[i].textContent;
      li.appendChild(a);
      list.appendChild(li);
    }
    if (current) {
      current.appendChild(list);
    } else {
      // a page outside the chapter list (the verification report): its sections head the list
      var title = document.createElement('p');
      title.className = 'nav-group nav-sections-title';
      title.textContent = 'On this page';
      nav.insertBefore(list, nav.firstChild);
      nav.insertBefore(title, list);
    }
  }

  // The Clipboard API exists only in secure contexts (https, localhost); elsewhere (a site opened
  // over plain http on a LAN address) the older selection-and-execCommand way still works.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) resolve(); else reject(new Error('copy refused'));
    });
  }

  function addCopy(bar, label, text) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy';
    button.textContent = label;
    button.addEventListener('click', function () {
      copyText(text).then(function () {
        button.textContent = 'Copied';
        window.setTimeout(function () { button.textContent = label; }, 1500);
      }, function () {
        button.textContent = 'Copy failed';
      });
    });
    bar.appendChild(button);
  }

  function start() {
    setupThemeToggle();
    setupNavToggle();
    setupToc();
    setupSearch();
    setupScrollers();
    setupCopyButtons();
    setupFormulaCopy();
    setupPageKeys();
    setupNavSections();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
