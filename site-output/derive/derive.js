// derive.html: reads the query (?expr=&wrt=&where=), derives as the reader types (debounced) in a
// Web Worker running the TeaVM build of the engine, and shows steps, result and verification. The worker
// answers twice: the derivation (shown at once, the check marked as running, data-state="derived"; the page
// then asks for the check), then the layouts, NumPy and the verification (data-state="done"), or an error
// (a failed check included).
// Test contract: #derive-output gets data-state="done" + data-result (result.text of the CLI's JSON)
// or data-state="error" + data-error ("line:col: message"); "derived" comes before "done" and never
// carries data-result or a "verified" line. data-ms is the engine's time (data-derived-ms its first part),
// data-derived-at and data-done-at the two answers' times since navigation, data-engine-from/-to when
// the worker loaded the engine (bench DeriveBrowserBenchmark).
// Loaded in <head> before the style sheets (data-engine, data-worker on the script tag), after the
// inline script that starts the worker and the engine's download (window.mcdEngine): the query
// from the address goes to the worker before the page is parsed; the form, the output and KaTeX
// (deferred) are used from DOMContentLoaded on.
(() => {
  'use strict';
  const LIMIT_MS = 10000; // a request with no answer by then restarts the worker
  const DEBOUNCE_MS = 250;
  const script = document.currentScript;
  const workerUrl = new URL(script.dataset.worker, document.baseURI).href;
  // The worker and the engine's bytes (a blob: URL) that the page's first script started, when it did.
  const started = window.mcdEngine || {};
  const engineUrl = started.engine || Promise.resolve(new URL(script.dataset.engine, document.baseURI).href);
  let spareWorker = started.worker || null;
  let form = null;
  let out = null;
  let fields = null;
  let worker = null;
  let sequence = 0;
  let pending = null; // { id, timer, q }
  let shown = null; // the derivation on screen awaiting its check: { id, doc, q, bar, checking }
  let debounce = 0;
  const early = []; // what came before the page was ready (an answer, a failure), shown at DOMContentLoaded
  // The first answer's milestones on the Performance timeline (DeriveBrowserBenchmark reads them).
  const mark = (name) => performance.getEntriesByName(name).length === 0 && performance.mark(name);

  function startWorker() {
    if (worker) {
      worker.terminate();
    }
    worker = spareWorker || new Worker(workerUrl);
    spareWorker = null;
    worker.onmessage = (event) => answered(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      if (pending) {
        clearTimeout(pending.timer);
        pending = null;
      }
      whenReady(() => showFailure('the engine could not be started in this browser'));
      worker = null;
    };
  }

  function query() {
    return { expr: fields.expr.value, wrt: fields.wrt.value, where: fields.where.value };
  }

  function request() {
    const q = query();
    if (!q.expr.trim() || !q.wrt.trim()) {
      pending && clearTimeout(pending.timer);
      pending = null;
      clearCarets();
      setState('idle');
      out.replaceChildren(note(q.expr.trim() ? 'Name the variable to differentiate by.' : 'Type a function to derive.'));
      return;
    }
    send(q);
    setState('working');
  }

  // KaTeX's fonts are font-display: block, so typeset math stays invisible until its fonts arrive, and
  // the browser asks for them only when it lays out the first answer: ~100 ms after the answer was on
  // the page (DeriveBrowserBenchmark, "readable"). The fonts every derivation uses (data-fonts: the
  // regular and bold upright and the math italic) are asked for with the first request instead.
  let fontsAsked = false;
  function preloadFonts() {
    if (fontsAsked) {
      return;
    }
    fontsAsked = true;
    for (const href of (script.dataset.fonts || '').split(' ').filter(Boolean)) {
      const link = document.createElement('link');
      link.rel = 'preload';
      link.as = 'font';
      link.type = 'font/woff2';
      link.crossOrigin = 'anonymous'; // fonts are fetched in CORS mode: a preload must match to be used
      link.href = href;
      document.head.appendChild(link);
    }
  }

  function send(q) {
    // after DOMContentLoaded: asked earlier, the fonts compete with the worker's start and the engine
    whenReady(preloadFonts);
    if (!worker) {
      startWorker();
    }
    if (pending) {
      clearTimeout(pending.timer);
    }
    const id = ++sequence;
    pending = {
      id,
      q,
      timer: setTimeout(() => {
        // A runaway derivation: drop the worker with it and start a fresh one for the next request.
        pending = null;
        startWorker();
        whenReady(() => showError({ part: 'expr', line: 1, column: 1, message: 'no answer within 10 s: the derivation is too large for the browser' }));
      }, LIMIT_MS)
    };
    const w = worker;
    engineUrl.then((engine) => {
      mark('mcd-posted');
      w.postMessage({ id, engine, expr: q.expr, wrt: q.wrt, where: q.where });
    });
  }

  /** Runs now when the page is parsed (KaTeX, deferred, has run by then), else at DOMContentLoaded. */
  function whenReady(f) {
    if (out) {
      f();
    } else {
      early.push(f);
    }
  }

  function answered(a) {
    mark('mcd-answered'); // the first message back
    if (a.part !== 'derived') {
      mark('mcd-checked'); // the last (the check, or an error)
    }
    if (!out) {
      // KaTeX (deferred) runs before DOMContentLoaded: show the answer once the page can typeset it
      whenReady(() => answered(a));
      return;
    }
    if (a.restart) {
      startWorker();
    }
    if (!pending || a.id !== pending.id) {
      return; // an answer to a query the reader has typed past
    }
    const q = pending.q;
    if (a.part !== 'derived') {
      // the last answer to this request: the 10 s limit ran until here
      clearTimeout(pending.timer);
      pending = null;
    }
    if (a.failure) {
      showFailure(a.failure);
      return;
    }
    const doc = JSON.parse(a.json);
    out.dataset.ms = a.ms.toFixed(1);
    out.dataset.derivedMs = a.derivedMs.toFixed(1);
    if (a.engineTo > 0 && !out.dataset.engineTo) {
      out.dataset.engineFrom = Math.round(a.engineFrom - performance.timeOrigin);
      out.dataset.engineTo = Math.round(a.engineTo - performance.timeOrigin);
      out.dataset.workerAt = Math.round(a.workerAt - performance.timeOrigin);
      out.dataset.receivedAt = Math.round(a.receivedAt - performance.timeOrigin);
    }
    if (doc.error) {
      showError(doc.error);
    } else if (a.part === 'derived') {
      showDerivation(a.id, doc, q);
    } else if (shown && shown.id === a.id) {
      showVerification(doc);
    }
  }

  function updateAddress(q) {
    const params = new URLSearchParams();
    for (const k of ['expr', 'wrt', 'where']) {
      if (q[k]) {
        params.set(k, q[k]);
      }
    }
    const search = params.toString();
    history.replaceState(null, '', search ? '?' + search : location.pathname);
  }

  function setState(state) {
    if (state === 'derived') {
      mark('mcd-shown');
      out.dataset.derivedAt = Math.round(performance.now()); // ms since navigation: the derivation on screen
    }
    if (state === 'done' || state === 'error') {
      out.dataset.doneAt = Math.round(performance.now()); // ms since navigation: the benchmark's first answer
    }
    if (state !== 'derived') {
      shown = null;
    }
    out.dataset.state = state;
    out.setAttribute('aria-busy', state === 'working' ? 'true' : 'false');
  }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) {
      e.className = cls;
    }
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function note(text) {
    return el('p', 'derive-note', text);
  }

  // KaTeX with the build's options (site.katex.KatexScript); plain text if KaTeX is missing or refuses.
  function maths(latex, text, display) {
    const span = el('span', 'derive-math');
    if (window.katex) {
      try {
        span.innerHTML = window.katex.renderToString(latex, {
          displayMode: !!display, output: 'htmlAndMathml', throwOnError: true, trust: false, strict: 'error'
        });
        return span;
      } catch (e) {
        // fall through to the text form
      }
    }
    span.textContent = text;
    return span;
  }

  function justification(step) {
    const cell = el('span', 'derive-why');
    const base = form.dataset.identities;
    const link = (href, text) => {
      const a = el('a', null, text);
      a.href = href;
      return a;
    };
    if (step.equations.length === 1) {
      cell.append(link(base + '#eq:' + step.rule, step.justification));
    } else if (step.equations.length === 0 && step.facts.length === 1) {
      cell.append(link(base + '#fact:' + step.facts[0], step.justification));
    } else {
      cell.textContent = step.justification;
    }
    return cell;
  }

  // The first answer: the steps, the names and the result, with the check marked as running (never as
  // verified); showVerification fills in the rest when the check is done.
  function showDerivation(id, doc, q) {
    clearCarets();
    const steps = el('ol', 'derive-steps');
    const first = el('li', 'derive-step derive-start');
    first.append(maths(doc.start.latex, doc.start.text));
    steps.append(first);
    for (const s of doc.steps) {
      const li = el('li', 'derive-step');
      li.append(el('span', 'derive-eq', '='), maths(s.latex, s.text), justification(s));
      steps.append(li);
    }
    const parts = [steps];
    if (doc.names.length > 0) {
      parts.push(names(doc.names));
    }
    const result = el('div', 'derive-result');
    result.append(el('span', 'derive-label', 'd/d' + doc.wrt + ' = '), maths(doc.result.latex, doc.result.text, true));
    const text = el('p', 'derive-text');
    text.append('As text: ', el('code', null, doc.result.text));
    const bar = copyBar(doc, q);
    const checking = el('p', 'derive-checking', 'Checking the steps and the result numerically…');
    parts.push(result, text, bar, checking);
    out.replaceChildren(...parts);
    delete out.dataset.result;
    delete out.dataset.error;
    setState('derived');
    shown = { id, doc, q, bar, checking };
    // the check after the frame that shows the derivation (a task after requestAnimationFrame): asked
    // at once, the worker's check competed with the typeset steps' layout and paint for the processor
    // and the derivation reached the screen later (DeriveBrowserBenchmark, ARCHITECTURE)
    // A hidden tab draws no frames: there, and if no frame came within 250 ms, it asks without waiting.
    const w = worker;
    let asked = false;
    const ask = () => {
      if (!asked && w && w === worker) {
        asked = true;
        w.postMessage({ verify: id });
      }
    };
    if (document.visibilityState === 'hidden') {
      ask();
    } else {
      requestAnimationFrame(() => setTimeout(ask, 0));
      setTimeout(ask, 250);
    }
  }

  // The second answer (layouts, NumPy, verification): the page is done, and only now says "verified".
  function showVerification(rest) {
    const doc = Object.assign({}, shown.doc, rest);
    if (doc.numpy) {
      // before "Copy link", as the site's blocks order them
      shown.bar.insertBefore(copyButton('Copy NumPy', doc.numpy), shown.bar.lastChild);
    }
    shown.checking.replaceWith(layouts(doc), el('p', 'derive-verified', 'verified: ' + doc.verification.summary));
    out.dataset.result = doc.result.text;
    setState('done');
  }

  // The subexpressions the steps name (print.Naming, as in `mcd derive`), each with its definition.
  function names(list) {
    const box = el('div', 'derive-names');
    box.append(el('p', 'derive-names-title', 'where'));
    const ul = el('ul');
    for (const n of list) {
      const li = el('li');
      li.dataset.name = n.name;
      li.append(el('code', null, n.name), ' = ', maths(n.latex, n.text));
      li.title = n.name + ' = ' + n.expanded;
      ul.append(li);
    }
    box.append(ul);
    return box;
  }

  // The result in the three conventions, simplified by the engine (calculus.Layouts, as the site's
  // `layouts: yes` tables): denominator layout transposes every case but a matrix by a scalar (and a
  // scalar by a scalar); mixed layout transposes a scalar by a vector or a matrix, the gradient, and
  // keeps Jacobians.
  const MIXED_NAMES = { scalar_by_vector: 'mixed layout (the gradient)', scalar_by_matrix: 'mixed layout (the gradient)',
    vec: 'mixed layout (the vec Jacobian)' };

  function layouts(doc) {
    const box = el('dl', 'derive-layouts');
    const rows = [['numerator layout (this site)', doc.layouts.numerator], ['denominator layout', doc.layouts.denominator],
      [MIXED_NAMES[doc.form] || 'mixed layout', doc.layouts.mixed]];
    for (const [name, r] of rows) {
      const dd = el('dd');
      dd.dataset.text = r.text;
      dd.append(maths(r.latex, r.text));
      box.append(el('dt', null, name), dd);
    }
    return box;
  }

  // The command that reproduces this derivation (the same quoting as the site's blocks).
  function command(q) {
    const quote = (s) => (s.includes("'") ? '"' + s + '"' : "'" + s + "'");
    const cmd = './mcd derive ' + quote(q.expr.trim()) + ' --wrt ' + q.wrt.trim();
    return q.where.trim() ? cmd + ' --where ' + quote(q.where.trim()) : cmd;
  }

  // As the site's blocks (mcd.js); NumPy comes with the second answer (showVerification), and only when
  // the result has a NumPy form (none with an abstract function).
  function copyBar(doc, q) {
    const bar = el('div', 'copy-bar');
    const copies = [['Copy command', command(q)], ['Copy expression', doc.result.text], ['Copy TeX', doc.result.latex],
      ['Copy link', location.href]];
    for (const [label, text] of copies) {
      bar.append(copyButton(label, text));
    }
    return bar;
  }

  function copyButton(label, text) {
    const b = el('button', 'copy', label);
    b.type = 'button';
    b.dataset.copy = text;
    b.addEventListener('click', () => {
      copy(text).then(() => {
        b.textContent = 'Copied';
        setTimeout(() => { b.textContent = label; }, 1500);
      }, () => { b.textContent = 'Copy failed'; });
    });
    return b;
  }

  // The Clipboard API needs a secure context (https, localhost); elsewhere the older selection way.
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise((resolve, reject) => {
      const area = el('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.append(area);
      area.select();
      let ok = false;
      try {
        ok = document.execCommand('copy');
      } catch (e) {
        ok = false;
      }
      area.remove();
      ok ? resolve() : reject(new Error('copy refused'));
    });
  }

  function clearCarets() {
    for (const k of Object.keys(fields)) {
      const pre = document.getElementById('derive-' + k + '-error');
      pre.hidden = true;
      pre.textContent = '';
      fields[k].removeAttribute('aria-invalid');
    }
  }

  function showError(error) {
    clearCarets();
    const message = error.line + ':' + error.column + ': ' + error.message;
    const part = error.part === 'wrt' || error.part === 'where' ? error.part : 'expr';
    const pre = document.getElementById('derive-' + part + '-error');
    const line = error.sourceLine !== undefined ? error.sourceLine : fields[part].value.split('\n')[error.line - 1] || '';
    // the message wraps; the source line and the caret below it keep their columns (and scroll together)
    pre.replaceChildren(el('span', 'derive-caret-message', message), '\n' + line + '\n'
      + ' '.repeat(Math.max(0, Math.min(error.column, line.length + 1) - 1)) + '^');
    pre.hidden = false;
    fields[part].setAttribute('aria-invalid', 'true');
    out.replaceChildren(el('p', 'derive-error', message));
    out.dataset.error = message;
    delete out.dataset.result;
    setState('error');
  }

  function showFailure(message) {
    out.replaceChildren(el('p', 'derive-error', message));
    out.dataset.error = message;
    delete out.dataset.result;
    setState('error');
  }

  const params = new URLSearchParams(location.search);
  const initial = { expr: params.get('expr') || '', wrt: params.get('wrt') || '', where: params.get('where') || '' };
  if (!initial.expr && !params.has('wrt')) {
    initial.expr = 'norm2(W*x + b)^2';
    initial.wrt = 'W';
    initial.where = 'W: matrix, x: vector, b: vector';
  }
  if (initial.expr.trim() && initial.wrt.trim()) {
    send(initial); // before the page is parsed: the engine's download and start-up overlap it
  }

  function setUp() {
    mark('mcd-ready');
    form = document.getElementById('derive-form');
    out = document.getElementById('derive-output');
    if (!form || !out) {
      return;
    }
    fields = { expr: form.elements.expr, wrt: form.elements.wrt, where: form.elements.where };
    for (const k of Object.keys(fields)) {
      fields[k].value = initial[k];
      fields[k].addEventListener('input', () => {
        clearTimeout(debounce);
        updateAddress(query());
        debounce = setTimeout(request, DEBOUNCE_MS);
      });
    }
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      request();
    });
    if (pending) {
      setState('working');
    } else if (early.length === 0) {
      request(); // nothing was sent: says what to type
    }
    early.splice(0).forEach((f) => f());
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setUp, { once: true });
  } else {
    setUp();
  }
})();
