// derive.html: reads the query (?expr=&wrt=&where=), derives as the reader types (debounced) in a
// Web Worker running the TeaVM build of the engine, and shows steps, result and verification.
// Test contract: #derive-output gets data-state="done" + data-result (result.text of the CLI's JSON)
// or data-state="error" + data-error ("line:col: message"); data-ms is the engine's time, data-done-at
// the answer's time since navigation (bench DeriveBrowserBenchmark).
(() => {
  'use strict';
  const LIMIT_MS = 10000; // a request with no answer by then restarts the worker
  const DEBOUNCE_MS = 250;
  const form = document.getElementById('derive-form');
  const out = document.getElementById('derive-output');
  if (!form || !out) {
    return;
  }
  const fields = { expr: form.elements.expr, wrt: form.elements.wrt, where: form.elements.where };
  let worker = null;
  let sequence = 0;
  let pending = null; // { id, timer }
  let debounce = 0;

  function startWorker() {
    if (worker) {
      worker.terminate();
    }
    worker = new Worker(form.dataset.worker);
    worker.onmessage = (event) => answered(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      if (pending) {
        clearTimeout(pending.timer);
        pending = null;
      }
      showFailure('the engine could not be started in this browser');
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
    if (!worker) {
      startWorker();
    }
    if (pending) {
      clearTimeout(pending.timer);
    }
    const id = ++sequence;
    pending = {
      id,
      timer: setTimeout(() => {
        // A runaway derivation: drop the worker with it and start a fresh one for the next request.
        pending = null;
        startWorker();
        showError({ part: 'expr', line: 1, column: 1, message: 'no answer within 10 s: the derivation is too large for the browser' });
      }, LIMIT_MS)
    };
    setState('working');
    worker.postMessage({ id, engine: new URL(form.dataset.engine, document.baseURI).href, expr: q.expr, wrt: q.wrt, where: q.where });
  }

  function answered(a) {
    if (!window.katex && document.readyState === 'loading') {
      // KaTeX (deferred) runs before DOMContentLoaded: show the answer once it can typeset it
      document.addEventListener('DOMContentLoaded', () => answered(a), { once: true });
      return;
    }
    if (a.restart) {
      startWorker();
    }
    if (!pending || a.id !== pending.id) {
      return; // an answer to a query the reader has typed past
    }
    clearTimeout(pending.timer);
    pending = null;
    if (a.failure) {
      showFailure(a.failure);
      return;
    }
    const doc = JSON.parse(a.json);
    out.dataset.ms = a.ms.toFixed(1);
    if (doc.error) {
      showError(doc.error);
    } else {
      showDerivation(doc);
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
    if (state === 'done' || state === 'error') {
      out.dataset.doneAt = Math.round(performance.now()); // ms since navigation: the benchmark's first answer
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

  function showDerivation(doc) {
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
    const result = el('div', 'derive-result');
    result.append(el('span', 'derive-label', 'd/d' + doc.wrt + ' = '), maths(doc.result.latex, doc.result.text, true));
    const verified = el('p', 'derive-verified', 'verified: ' + doc.verification.summary);
    const text = el('p', 'derive-text');
    text.append('As text: ', el('code', null, doc.result.text));
    out.replaceChildren(steps, result, text, verified);
    out.dataset.result = doc.result.text;
    delete out.dataset.error;
    setState('done');
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
  for (const k of Object.keys(fields)) {
    if (params.has(k)) {
      fields[k].value = params.get(k);
    }
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
  if (!fields.expr.value && !params.has('wrt')) {
    fields.expr.value = 'norm2(W*x + b)^2';
    fields.wrt.value = 'W';
    fields.where.value = 'W: matrix, x: vector, b: vector';
  }
  request();
})();
